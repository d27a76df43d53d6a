import doc from './UndefinedVar.md';
import { defineRule, type Fix } from './rule';
import { stageChain, variablesAt, type DocModel, type Instruction, type Stage } from '../model/document';
import { AUTOMATIC_PLATFORM_ARGS } from '../model/variables';
import { closest } from '../knowledge/flags';
import { argNames, expandedWords, rootImage, variableRefs, type ExpandedWord, type VariableRef } from './util';

/** Instructions whose words the builder expands and checks. EXPOSE is expanded but not checked. */
const CHECKED = ['ENV', 'LABEL', 'ARG', 'ADD', 'COPY', 'WORKDIR', 'USER', 'VOLUME', 'STOPSIGNAL', 'RUN'];
/** Build arguments BuildKit reads itself; they never reach the environment. */
const BUILDKIT_ONLY = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
/** Arguments the builder sets automatically: no base image defines them in its environment. */
const PLATFORM_ARGS = new Set([...AUTOMATIC_PLATFORM_ARGS, 'BUILDOSVERSION', 'TARGETOSVERSION', 'TARGETSTAGE']);
/**
 * Base images whose configuration sets no variable but `PATH`. Other images may set any variable
 * (`JAVA_HOME`, `NODE_VERSION`, `APP_ROOT`…), which only their configuration tells.
 */
const BARE_IMAGE = /^(?:(?:docker\.io\/|index\.docker\.io\/)?(?:library\/)?(?:alpine|busybox|debian|ubuntu|centos|rockylinux|almalinux|amazonlinux|archlinux|oraclelinux|photon)|(?:docker\.io\/)?opensuse\/(?:leap|tumbleweed)|quay\.io\/centos\/centos)(?:[:@]|$)/;

export default defineRule({
  id: 'UndefinedVar',
  severity: 'warning',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    const globals = new Set([...model.globalArgs.map((d) => d.name), ...model.instructions.filter((i) => !i.stage).flatMap((i) => argNames(model, i))]);
    const bare = new Map<Stage, boolean>();
    for (const ins of ctx.instructions(...CHECKED)) {
      // An ONBUILD trigger is expanded in the build that uses this image, with its variables.
      if (ins.onbuild || !ins.stage) continue;
      // Only RUN's `--mount` options are expanded by the builder; its shell body is the shell's business.
      if (ins.keyword === 'RUN' && !ins.flags.some((f) => f.value?.includes('$'))) continue;
      const refs = expandedRefs(model, ins);
      if (!refs.length) continue;
      const known = new Set([...variablesAt(model, ins).keys(), ...declaredArgs(model, ins), 'PATH']);
      if (!bare.has(ins.stage)) bare.set(ins.stage, isBare(model, ins.stage));
      for (const { ref, argName } of refs) {
        // ARG a=1 b=$a: the builder declares each name before reading the next default.
        const ownArgs = argName ? sameArgBefore(model, ins, argName) : [];
        if (known.has(ref.name) || ownArgs.includes(ref.name) || BUILDKIT_ONLY.has(ref.name)) continue;
        const global = globals.has(ref.name);
        // Without the base image's configuration, a variable it may set is given the benefit of the doubt.
        if (!global && !PLATFORM_ARGS.has(ref.name) && !bare.get(ins.stage)) continue;
        const written = model.text.slice(ref.offset, model.lines.offsetAt(ref.range.end));
        const withDefault = /^\$\{[^}:+?#%/-]+:?-/.test(written);
        const suggestion = global ? undefined : closest(ref.name, [...known, ...ownArgs]);
        ctx.report({
          range: ref.range,
          message: message(ref.name, global, suggestion, withDefault),
          instruction: ins,
          fix: global ? declareFix(model, ins, ref.name) : suggestion ? renameFix(ref, suggestion) : undefined,
        });
      }
    }
  },
});

function message(name: string, global: boolean, suggestion: string | undefined, withDefault: boolean): string {
  if (global) {
    return `\`$${name}\` is a global ARG, which a stage does not see until it declares it again: add \`ARG ${name}\` in this stage.`;
  }
  const did = suggestion ? ` Did you mean \`$${suggestion}\`?` : '';
  const effect = withDefault ? 'so it always takes its default' : 'so it expands to nothing';
  return `\`$${name}\` is not defined at this point (no ARG or ENV declares it in this stage), ${effect}.${did}`;
}

/** The references in the words the builder expands: quotes respected, ARG names and EXPOSE left out. */
function expandedRefs(model: DocModel, ins: Instruction): { ref: VariableRef; argName?: string }[] {
  const refs = variableRefs(model, ins);
  if (!refs.length) return [];
  const words = expandedWords(model, ins);
  const out: { ref: VariableRef; argName?: string }[] = [];
  for (const ref of refs) {
    const inWord = words.map((w) => ({ w, i: w.offsets.indexOf(ref.offset) })).find((x) => x.i >= 0 && x.i < x.w.text.length);
    if (inWord) {
      const { w, i } = inWord;
      if (w.quotes && singleQuoted(w, i, model.escapeChar)) continue;
      if (ins.keyword === 'ARG') {
        // Only the default is expanded (after the first `=`), not the name.
        const eq = w.text.indexOf('=');
        if (eq < 0 || i < eq) continue;
        out.push({ ref, argName: w.text.slice(0, eq) });
        continue;
      }
      out.push({ ref });
    } else if (inExpandedHeredoc(model, ins, ref.offset)) {
      out.push({ ref });
    }
  }
  return out;
}

/** Whether the character at `i` of an expanded word is inside single quotes (where `$` is literal). */
function singleQuoted(w: ExpandedWord, i: number, esc: string): boolean {
  let quote = '';
  for (let k = 0; k < i; k++) {
    const c = w.text[k];
    if (quote === "'") {
      if (c === "'") quote = '';
    } else if (quote === '"') {
      if (c === esc) k++;
      else if (c === '"') quote = '';
    } else if (c === esc) k++;
    else if (c === "'" || c === '"') quote = c;
  }
  return quote === "'";
}

/** Whether an offset is in the body of a COPY/ADD heredoc whose delimiter is not quoted (the builder expands those). */
function inExpandedHeredoc(model: DocModel, ins: Instruction, offset: number): boolean {
  if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return false;
  return ins.heredocs.some((h) => {
    if (!h.contentRange) return false;
    const marker = model.text.slice(model.lines.offsetAt(h.startRange.start), model.lines.offsetAt(h.startRange.end));
    if (/["']/.test(marker)) return false;
    return offset >= model.lines.offsetAt(h.contentRange.start) && offset < model.lines.offsetAt(h.contentRange.end);
  });
}

/** The names an ARG declares before the one named `name`. */
function sameArgBefore(model: DocModel, ins: Instruction, name: string): string[] {
  const names = argNames(model, ins);
  const at = names.indexOf(name);
  return at < 0 ? names : names.slice(0, at);
}

/** Names declared by the ARGs before an instruction, in its stage and the stages it is built FROM. */
function declaredArgs(model: DocModel, ins: Instruction): string[] {
  const out: string[] = [];
  for (const s of stageChain(ins.stage!)) {
    for (const i of s.instructions) if (i.keyword === 'ARG' && i.index < ins.index) out.push(...argNames(model, i));
  }
  return out;
}

/** Whether the stage chain starts from `scratch` or a bare OS image, whose environment is known. */
function isBare(model: DocModel, stage: Stage): boolean {
  const image = rootImage(model, stage)?.toLowerCase();
  return image !== undefined && (image === 'scratch' || BARE_IMAGE.test(image));
}

/** Inserts `ARG NAME` right after the stage's FROM, so the stage sees the global value. */
function declareFix(model: DocModel, ins: Instruction, name: string): Fix {
  const from = ins.stage!.from;
  const line = from.range.end.line;
  const eol = model.lines.eol;
  const at =
    line + 1 < model.lines.lineCount
      ? { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, newText: `ARG ${name}${eol}` }
      : { range: { start: from.range.end, end: from.range.end }, newText: `${eol}ARG ${name}` };
  return { title: `Declare ARG ${name} in this stage`, edits: [at], safe: false };
}

function renameFix(ref: VariableRef, suggestion: string): Fix {
  return { title: `Use $${suggestion}`, edits: [{ range: ref.nameRange, newText: suggestion }], safe: false };
}
