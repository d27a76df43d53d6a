/**
 * Hover on a stage name: at its definition (`FROM … AS name`) and at every use (`FROM name`,
 * `COPY --from=name` or `--from=<index>`, `RUN --mount=…,from=name`). It shows the chain of
 * bases down to the image, where the stage is used, whether it is a final stage or the default
 * target, and the `docker build --target` line that builds it.
 *
 * Also home of `referenceAt`, which finds the stage-or-image reference under the cursor for this
 * provider and the images provider, and decides, as BuildKit does, whether it names a stage:
 * stage names compare without case, a number is a stage index, and `--from`, `from=` and the
 * image of `FROM` are expanded with the build arguments in scope first.
 */
import type { Range } from 'vscode-languageserver-types';
import type { DocModel, Instruction, Stage } from '../model/document';
import { contains } from '../model/text';
import { expand, lookupAt, type Expansion } from '../model/variables';
import { mountFroms } from '../rules/util';
import type { HoverProvider, HoverQuery } from './types';

export type ReferenceKind = 'from' | 'copy' | 'mount';

export interface Reference {
  kind: ReferenceKind;
  /** The instruction holding it. */
  ins: Instruction;
  /** As written (surrounding quotes removed). */
  text: string;
  range: Range;
  /** The variables of `text` expanded with what is in scope; undefined when it has none. */
  expansion?: Expansion;
  /** The stage it names, if any. */
  stage?: Stage;
  /** True when it names the stage by its index (`--from=0`). */
  byIndex: boolean;
  /** A number that is no stage's index (`--from=7` in a file with 3 stages). */
  missingIndex: boolean;
  /** Inside an ONBUILD trigger: names are resolved in the build that uses this image, not here. */
  inTrigger: boolean;
}

/** The value a reference has once its variables are expanded (as written when they cannot be). */
export function referenceValue(ref: Pick<Reference, 'text' | 'expansion'>): string {
  return ref.expansion?.complete ? ref.expansion.value : ref.text;
}

/** The stage or image reference under the cursor, if any. */
export function referenceAt(q: HoverQuery): Reference | undefined {
  const { model, ins, pos } = q;
  if (ins.keyword === 'FROM') {
    const stage = ins.stage;
    if (!stage || stage.from !== ins || !stage.image || !stage.imageRange || !contains(stage.imageRange, pos)) return undefined;
    return resolve(model, ins, 'from', stage.image, stage.imageRange, stage);
  }
  if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
    for (const f of ins.flags) {
      if (f.name.toLowerCase() !== 'from' || !f.value || !f.valueRange || !contains(f.valueRange, pos)) continue;
      const { text, range } = unquoted(model, f.value, f.valueRange);
      if (!text) return undefined;
      return resolve(model, ins, 'copy', text, range);
    }
    return undefined;
  }
  if (ins.keyword === 'RUN') {
    for (const m of mountFroms(model, ins)) {
      if (!contains(m.range, pos)) continue;
      const { text, range } = unquoted(model, m.from, m.range);
      if (!text) return undefined;
      return resolve(model, ins, 'mount', text, range);
    }
  }
  return undefined;
}

function unquoted(model: DocModel, value: string, range: Range): { text: string; range: Range } {
  const m = /^(["'])(.*)\1$/s.exec(value);
  if (!m) return { text: value, range };
  const start = model.lines.offsetAt(range.start) + 1;
  return { text: m[2], range: model.lines.range(start, start + m[2].length) };
}

function resolve(model: DocModel, ins: Instruction, kind: ReferenceKind, text: string, range: Range, own?: Stage): Reference {
  const inTrigger = !!ins.onbuild;
  const expansion = text.includes('$') ? expand(text, lookupAt(model, ins), model.escapeChar) : undefined;
  const ref: Reference = { kind, ins, text, range, expansion, byIndex: false, missingIndex: false, inTrigger };
  if (inTrigger) return ref;
  if (expansion && !expansion.complete) return ref;
  const value = referenceValue(ref);
  if (kind === 'from') {
    // The model links `FROM <name>` to an earlier stage; a variable may expand to one too.
    ref.stage = own?.parent ?? (expansion ? model.stages.slice(0, own?.index ?? 0).find((s) => s.name?.toLowerCase() === value.toLowerCase()) : undefined);
    return ref;
  }
  if (/^\d+$/.test(value)) {
    ref.byIndex = true;
    ref.stage = model.stages[Number(value)];
    ref.missingIndex = !ref.stage;
    return ref;
  }
  const key = value.toLowerCase();
  ref.stage = model.stages.find((s) => s.name?.toLowerCase() === key);
  return ref;
}

/** One place a stage is used. */
export interface StageUse {
  kind: ReferenceKind;
  ins: Instruction;
  /** The stage the using instruction belongs to. */
  in?: Stage;
  text: string;
}

const usesCache = new WeakMap<DocModel, Map<Stage, StageUse[]>>();

/** Every use of every stage in the document (ONBUILD triggers excluded), computed once per model. */
export function stageUses(model: DocModel): Map<Stage, StageUse[]> {
  let uses = usesCache.get(model);
  if (uses) return uses;
  uses = new Map();
  const add = (ref: Reference) => {
    if (!ref.stage) return;
    const list = uses!.get(ref.stage) ?? [];
    list.push({ kind: ref.kind, ins: ref.ins, in: ref.ins.stage, text: ref.text });
    uses!.set(ref.stage, list);
  };
  for (const ins of model.instructions) {
    if (ins.keyword === 'FROM') {
      const st = ins.stage;
      if (st && st.from === ins && st.image && st.imageRange) add(resolve(model, ins, 'from', st.image, st.imageRange, st));
    } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      for (const f of ins.flags) {
        if (f.name.toLowerCase() !== 'from' || !f.value || !f.valueRange) continue;
        const { text, range } = unquoted(model, f.value, f.valueRange);
        if (text) add(resolve(model, ins, 'copy', text, range));
      }
    } else if (ins.keyword === 'RUN') {
      for (const m of mountFroms(model, ins)) {
        const { text, range } = unquoted(model, m.from, m.range);
        if (text) add(resolve(model, ins, 'mount', text, range));
      }
    }
  }
  usesCache.set(model, uses);
  return uses;
}

/** `stage 2` for an unnamed stage, else its name. */
function stageLabel(s: Stage): string {
  return s.name ?? `stage ${s.index}`;
}

/** The earlier stage a stage is built `FROM`: the model's link, or a `FROM $VAR` that expands to a stage name. */
export function baseStage(model: DocModel, stage: Stage): Stage | undefined {
  if (stage.parent) return stage.parent;
  if (!stage.image?.includes('$') || !stage.imageRange) return undefined;
  return resolve(model, stage.from, 'from', stage.image, stage.imageRange, stage).stage;
}

/**
 * The base chain of a stage, newest first, down to the image the oldest one is built from:
 * `production ← dependencies ← base ← python:3.11-slim`.
 */
export function chainText(model: DocModel, stage: Stage): string {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = baseStage(model, s)) chain.push(s);
  const names = chain.map(stageLabel);
  const root = chain[chain.length - 1];
  if (root.image && !baseStage(model, root)) {
    let image = root.image;
    if (image.includes('$')) {
      const e = expand(image, lookupAt(model, root.from), model.escapeChar);
      if (e.complete && e.value !== image) image = `${e.value} (${root.image})`;
    }
    names.push(image);
  }
  return names.join(' ← ');
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function line(ins: Instruction): number {
  return ins.range.start.line + 1;
}

function useText(u: StageUse, here: Instruction): string {
  const at = `line ${line(u.ins)}`;
  const mark = u.ins === here ? ' (this line)' : '';
  switch (u.kind) {
    case 'from':
      return `- ${at}: \`FROM ${u.text}\` — stage \`${u.in ? stageLabel(u.in) : '?'}\` builds on it${mark}`;
    case 'copy':
      return `- ${at}: \`${u.ins.keyword} --from=${u.text}\` copies files out of it into \`${u.in ? stageLabel(u.in) : '?'}\`${mark}`;
    case 'mount':
      return `- ${at}: \`RUN --mount=…,from=${u.text}\` mounts it in \`${u.in ? stageLabel(u.in) : '?'}\`${mark}`;
  }
}

function stageMarkdown(model: DocModel, stage: Stage, here: Instruction, ref?: Reference): string {
  const out: string[] = [];
  const total = model.stages.length;
  const title = stage.name ? `**Stage \`${stage.name}\`**` : `**Stage ${stage.index}** (unnamed)`;
  out.push(`${title} · ${ordinal(stage.index + 1)} of ${total} stage${total === 1 ? '' : 's'} (index ${stage.index}), defined on line ${line(stage.from)}`);

  // The chain: from the stage this FROM line starts, else from the stage named.
  const head = here.keyword === 'FROM' && here.stage && here.stage.from === here ? here.stage : stage;
  out.push(`Base chain: \`${chainText(model, head)}\``);

  const notes: string[] = [];
  if (ref) {
    const value = referenceValue(ref);
    if (ref.expansion) notes.push(`\`${ref.text}\` expands to \`${value}\` here.`);
    if (ref.byIndex) {
      notes.push(
        stage.name
          ? `\`${value}\` is the stage's index (stages count from 0). Its name \`${stage.name}\` reads better and keeps working when stages are added or reordered.`
          : `\`${value}\` is the stage's index (stages count from 0). Name the stage (\`AS <name>\`) and use the name: indexes shift when stages are added or reordered.`,
      );
    } else if (stage.name && value !== stage.name) {
      notes.push(`\`${value}\` names the stage \`${stage.name}\`: BuildKit lowercases stage names, so they compare without case. Writing it the same way everywhere keeps the file searchable.`);
    }
    if (ref.kind !== 'from' && here.stage) {
      if (stage === here.stage) notes.push('This is the stage the instruction belongs to: a stage cannot copy from or mount itself.');
      else if (stage.index > here.stage.index) notes.push(`The stage is defined later (line ${line(stage.from)}): only an earlier stage can be used here.`);
    }
  }
  const twin = stage.name ? model.stages.find((s) => s !== stage && s.name?.toLowerCase() === stage.name!.toLowerCase()) : undefined;
  if (twin) notes.push(`Line ${line(twin.from)} defines a stage with the same name: BuildKit rejects duplicate stage names.`);
  if (notes.length) out.push(notes.join(' '));

  const uses = stageUses(model).get(stage) ?? [];
  if (uses.length) out.push(`**Used by**\n\n${uses.map((u) => useText(u, here)).join('\n')}`);

  const last = stage === model.stages[total - 1];
  if (last) {
    out.push(
      '**Final stage and default target**: as the last stage it is what `docker build` produces without `--target`. BuildKit builds only the stages it depends on and skips the rest.',
    );
  } else if (!uses.length) {
    out.push(
      '**Final stage**: no other stage builds on it, copies from it or mounts it, so it is an end result of its own. It is not the default target: without `--target` BuildKit skips it (the legacy builder built every stage before the last).',
    );
  } else {
    out.push('**Intermediate stage**: built only when the target needs it. Targeting it builds just this stage and its bases, handy for debugging a step or running tests in CI.');
  }
  if (stage.name) {
    const name = stage.name.toLowerCase();
    out.push(`Build ${last ? 'it' : 'only up to this stage'}:\n\n\`\`\`sh\ndocker build --target ${name} -t ${name} .\n\`\`\``);
  } else {
    out.push('`--target` needs a name: add `AS <name>` to this stage\'s `FROM` to build it on its own.');
  }
  return out.join('\n\n');
}

export const stagesHover: HoverProvider = (q) => {
  const { model, ins, pos } = q;
  if (ins.onbuild) return undefined; // a trigger's stage names belong to the build that uses the image
  const own = ins.keyword === 'FROM' ? ins.stage : undefined;
  if (own && own.from === ins && own.nameRange && contains(own.nameRange, pos)) {
    return { markdown: stageMarkdown(model, own, ins), range: own.nameRange };
  }
  const ref = referenceAt(q);
  if (!ref) return undefined;
  if (ref.missingIndex) {
    const n = model.stages.length;
    return {
      markdown: `**\`--from=${referenceValue(ref)}\`** · no such stage\n\nA number after \`from\` is a stage index, counted from 0, and this file has ${n} stage${n === 1 ? '' : 's'}${n ? ` (0–${n - 1})` : ''}. Name the stage you mean instead: names survive reordering.`,
      range: ref.range,
    };
  }
  if (!ref.stage) return undefined;
  return { markdown: stageMarkdown(model, ref.stage, ins, ref), range: ref.range };
};
