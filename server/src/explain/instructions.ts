/**
 * Each instruction as the explain document shows it: the line as written (with the comments
 * right above it) in a `dockerfile` block, then what matters for that line, assembled from the
 * hover engine — instruction and flag docs, image, variable, package and command docs, the
 * argument hovers of USER, WORKDIR, EXPOSE and STOPSIGNAL — with a table where the line sets
 * several things, and the findings that apply to it with their fix.
 */
import type { DocModel, Instruction, Stage, VarDef } from '../model/document';
import { varDefs } from '../model/document';
import { expand, lookupAt, AUTOMATIC_PLATFORM_ARGS } from '../model/variables';
import { parseImageRef, splitTag } from '../knowledge/image-ref';
import { parseGoDuration } from '../knowledge/flags';
import { baseName } from '../model/shell';
import { copyPaths, labelPairs, unquote } from '../rules/util';
import { flagDoc, instructionDoc } from '../docs';
import { chainText } from '../hover/stages';
import { imageDoc, pinNote, registryDoc, variantDoc, versionText } from '../hover/images';
import { wellKnownVariable } from '../hover/variables';
import { argumentsHover, durationWords, workdirs } from '../hover/arguments';
import { commandSummaries, type CommandSummary } from '../hover/shell';
import { idiomDoc } from '../hover/commandDocs';
import { packageSummaries } from '../hover/packages';
import type { Problem } from '../service/lint';
import { code, codeList, fence, firstSentence, oneLine, plural, table } from './markdown';
import { copyKind, laterDeletions, manifestInstall, stageTitle, type FileFacts } from './facts';

export interface ExplainContext {
  model: DocModel;
  facts: FileFacts;
  /** Findings by the top-level instruction they belong to. */
  findings: Map<Instruction, Problem[]>;
  /** Keywords explained so far: an instruction's general summary is shown the first time only. */
  seenKeywords: Set<string>;
  /** Instructions by their text, to say "same as line N" for a repeated line. */
  seenText: Map<string, Instruction>;
}

const line = (ins: Instruction) => ins.range.start.line + 1;

/** The end line of an instruction, heredoc bodies included. */
function endLine(ins: Instruction): number {
  let end = ins.range.end.line;
  for (const h of ins.heredocs) if (h.endRange) end = Math.max(end, h.endRange.end.line);
  return end;
}

const MAX_BLOCK_LINES = 80;

const commentIndex = new WeakMap<DocModel, { directiveLines: Set<number>; commentLines: Set<number> }>();
/** The lines of the model's directives and comments, indexed once per model. */
function commentLinesOf(model: DocModel): { directiveLines: Set<number>; commentLines: Set<number> } {
  let index = commentIndex.get(model);
  if (!index) {
    index = { directiveLines: new Set(model.directives.map((d) => d.range.start.line)), commentLines: new Set(model.comments.map((c) => c.line)) };
    commentIndex.set(model, index);
  }
  return index;
}

/** The instruction as written, with the comment lines right above it, for a `dockerfile` block. */
export function sourceBlock(model: DocModel, ins: Instruction): string {
  const first = ins.range.start.line;
  const { directiveLines, commentLines } = commentLinesOf(model);
  let start = first;
  while (start > 0 && commentLines.has(start - 1) && !directiveLines.has(start - 1)) start--;
  const last = endLine(ins);
  const lines: string[] = [];
  for (let l = start; l <= last; l++) lines.push(model.lines.lineText(l).trimEnd());
  if (lines.length > MAX_BLOCK_LINES) {
    const more = lines.length - MAX_BLOCK_LINES;
    lines.length = MAX_BLOCK_LINES;
    lines.push(`# … ${plural(more, 'more line')} (see the Dockerfile)`);
  }
  return fence('dockerfile', lines.join('\n').replace(/^\uFEFF/, ''));
}

/** The explanation of one instruction, as Markdown blocks. */
export function explainInstruction(ctx: ExplainContext, ins: Instruction): string[] {
  const out: string[] = [];
  const target = ins.trigger ?? ins;
  const key = `${ins.keyword} ${oneLine(ins.trigger ? instructionText(ctx.model, ins) : argText(ctx.model, ins))}`;
  const same = ins.keyword !== 'FROM' ? ctx.seenText.get(key) : undefined;
  if (same && same.stage !== ins.stage) {
    out.push(`Same as line ${line(same)}${same.stage ? `, in ${stageTitle(same.stage)}` : ''}.`);
  } else {
    if (!ctx.seenText.has(key)) ctx.seenText.set(key, ins);
    const lead = leadFor(ctx, ins.keyword);
    if (lead) out.push(lead);
    out.push(...body(ctx, ins, target));
  }
  const findings = findingLines(ctx.model, ctx.findings.get(ins) ?? []);
  if (findings.length) out.push(findings.join('\n'));
  return out.filter((b) => b.trim());
}

function leadFor(ctx: ExplainContext, keyword: string): string | undefined {
  if (ctx.seenKeywords.has(keyword)) return undefined;
  ctx.seenKeywords.add(keyword);
  const doc = instructionDoc(keyword);
  return doc ? `*${keyword}*: ${doc.summary}` : undefined;
}

function body(ctx: ExplainContext, ins: Instruction, target: Instruction): string[] {
  if (ins.trigger) return onbuild(ctx, ins.trigger);
  switch (target.keyword) {
    case 'FROM':
      return from(ctx, target);
    case 'ENV':
      return env(ctx, target);
    case 'ARG':
      return arg(ctx, target);
    case 'RUN':
      return run(ctx, target);
    case 'COPY':
    case 'ADD':
      return copy(ctx, target);
    case 'USER':
    case 'WORKDIR':
    case 'EXPOSE':
    case 'STOPSIGNAL':
      return [...argumentHovers(ctx, target), ...flagBullets(target, [])];
    case 'HEALTHCHECK':
      return healthcheck(ctx, target);
    case 'CMD':
    case 'ENTRYPOINT':
      return startCommand(ctx, target);
    case 'LABEL':
      return label(ctx, target);
    case 'VOLUME':
      return target.args.length ? [`Mount point${target.args.length > 1 ? 's' : ''}: ${codeList(target.args.map((a) => a.value), 8)}. Data written there lives in a volume, outside the image's layers; anything a later \`RUN\` writes there is discarded.`] : [];
    case 'SHELL':
      return target.isJson ? [`Shell-form \`RUN\`, \`CMD\` and \`ENTRYPOINT\` below run with ${code(target.args.map((a) => a.value).join(' '))} instead of \`/bin/sh -c\`.`] : [];
    case 'MAINTAINER':
    case 'ONBUILD':
      return [];
  }
  if (!instructionDoc(target.keyword)) return [`${code(target.keywordText)} is not a Dockerfile instruction: the build stops here.`];
  return flagBullets(target, []);
}

/** The arguments as written after the keyword (continuations joined). */
function argText(model: DocModel, ins: Instruction): string {
  const start = model.lines.offsetAt(ins.keywordRange.end);
  return model.text.slice(start, model.lines.offsetAt(ins.range.end));
}

function instructionText(model: DocModel, ins: Instruction): string {
  return model.text.slice(model.lines.offsetAt(ins.range.start), model.lines.offsetAt(ins.range.end));
}

/** One bullet per flag with a doc: `` `--chown=appuser:appgroup` — summary ``; `skip` names flags explained elsewhere. */
function flagBullets(ins: Instruction, skip: string[]): string[] {
  const out: string[] = [];
  for (const f of ins.flags) {
    if (skip.includes(f.name.toLowerCase())) continue;
    const doc = flagDoc(ins.keyword, f.name.toLowerCase());
    const written = f.value !== null ? `--${f.name}=${f.value}` : `--${f.name}`;
    out.push(`- ${code(written)} — ${doc ? doc.summary : 'not an option of this instruction.'}`);
  }
  return out.length ? [out.join('\n')] : [];
}

// ---------------------------------------------------------------------------------------------
// FROM

const VARIANT_WORDS = new Set(['slim', 'alpine', 'distroless', 'chiseled', 'minimal', 'micro', 'nanoserver']);

function from(ctx: ExplainContext, ins: Instruction): string[] {
  const { model } = ctx;
  const stage = ins.stage;
  const f = stage ? ctx.facts.byStage.get(stage) : undefined;
  const out: string[] = [];
  const bullets: string[] = [];
  if (f?.parent) {
    bullets.push(
      `${code(`FROM ${stage!.image}`)} — builds on the stage ${stageTitle(f.parent)} (line ${line(f.parent.from)}): everything it installed and set (files, \`ENV\`, \`WORKDIR\`, \`USER\`) carries over. Base chain: ${code(chainText(model, stage!))}.`,
    );
  } else if (stage?.image && f) {
    const value = f.imageValue ?? stage.image;
    if (value.trim().toLowerCase() === 'scratch') {
      bullets.push(`${code(`FROM ${stage.image}`)} — ${imageDoc('scratch')?.summary ?? 'the empty image.'}`);
    } else {
      const r = parseImageRef(value, model.escapeChar);
      const doc = r.registryKnown ? imageDoc(r.familiar) : undefined;
      bullets.push(`${code(`FROM ${stage.image}`)} — ${doc ? doc.summary : r.officialImage ? 'a Docker Official Image.' : `the base image \`${r.familiar}\`.`}`);
      const sub: string[] = [];
      if (stage.image.includes('$')) {
        const e = expand(stage.image, lookupAt(model, ins), model.escapeChar);
        sub.push(e.complete ? `With the build arguments' defaults it is ${code(e.value)}; \`--build-arg\` can change it.` : 'It depends on build arguments known only when building.');
      }
      if (r.registryExplicit && r.registryKnown && r.registry !== 'docker.io') {
        const reg = registryDoc(r.registry);
        sub.push(`${code(r.registry)} — ${reg ? reg.summary : 'the registry it is pulled from.'}`);
      }
      if (r.tag && !r.tag.includes('$')) {
        const parts = splitTag(r.tag, model.escapeChar);
        if (parts.version) sub.push(`${code(parts.version)} — ${versionText(parts.version)}.`);
        for (const w of parts.words) {
          if (w.variable) continue;
          const d = variantDoc(w);
          if (d) sub.push(`${code(w.text)} — ${d.summary}`);
        }
      }
      const pin = pinNote(r);
      if (pin) sub.push(pin);
      if (sub.length) bullets.push(sub.map((s) => `  - ${s}`).join('\n'));
      const variants = variantTable(r.familiar, r.tag, doc?.markdown);
      if (variants) out.push(variants);
    }
  }
  if (stage?.name) {
    const asWord = stage.asRange ? model.text.slice(model.lines.offsetAt(stage.asRange.start), model.lines.offsetAt(stage.asRange.end)) : 'AS';
    const lower = stage.name.toLowerCase();
    bullets.push(
      `${code(`${asWord} ${stage.name}`)} — names the stage, so that \`FROM ${lower}\`, \`COPY --from=${lower}\` and \`docker build --target ${lower}\` can refer to it${lower !== stage.name ? ' (BuildKit lowercases stage names)' : ''}.`,
    );
  }
  out.unshift(bullets.map((b) => (b.startsWith('  - ') ? b : `- ${b}`)).join('\n'), ...flagBullets(ins, []));
  return out;
}

/** The variants of an official image that offers `-slim` and Alpine tags, the one this file uses marked. */
function variantTable(familiar: string, tag: string | undefined, imageMarkdown: string | undefined): string | undefined {
  if (!imageMarkdown || !/-slim/.test(imageMarkdown) || !/alpine/i.test(imageMarkdown) || !tag || tag.includes('$')) return undefined;
  const parts = splitTag(tag);
  const variant = parts.words.find((w) => VARIANT_WORDS.has(w.key))?.key;
  // No variant word: the full image, unless the other words name something else (a Windows base…).
  const chosen = variant ?? (parts.words.every((w) => !w.variable && variantDoc(w) && !/windows|nano|ltsc/.test(w.key)) ? 'full' : undefined);
  if (!chosen || !parts.version) return undefined;
  const v = parts.version;
  const rows: string[][] = [
    ['full', code(`${familiar}:${v}`), 'The default tag: the full Debian-based image, with compilers and `-dev` headers for building native code.'],
    ['slim', code(`${familiar}:${v}-slim`), variantDoc({ text: 'slim', key: 'slim' })?.summary ?? ''],
    ['alpine', code(`${familiar}:${v}-alpine`), variantDoc({ text: 'alpine', key: 'alpine' })?.summary ?? ''],
  ];
  for (const r of rows) if (r[0] === chosen) r[0] = `**${r[0]}** (this file)`;
  return `**Image variants**\n\n${table(['Variant', 'Tag', 'What it is'], rows)}`;
}

// ---------------------------------------------------------------------------------------------
// ENV, ARG, LABEL

function definitions(ins: Instruction, model: DocModel): VarDef[] {
  if (ins.onbuild || !ins.stage) return ins.keyword === 'ARG' && !ins.stage ? model.globalArgs.filter((d) => d.instruction === ins) : varDefs(ins);
  return ins.stage.vars.filter((d) => d.instruction === ins);
}

function env(ctx: ExplainContext, ins: Instruction): string[] {
  const defs = definitions(ins, ctx.model);
  if (!defs.length) return flagBullets(ins, []);
  const rows = defs.map((d) => [code(d.name), d.value === null || d.value === '' ? '(empty)' : code(d.value, 60), purpose(d.name) ?? '—']);
  return [table(['Variable', 'Value', 'Purpose'], rows)];
}

function purpose(name: string): string | undefined {
  const w = wellKnownVariable(name);
  return w ? firstSentence(w.summary) : undefined;
}

function arg(ctx: ExplainContext, ins: Instruction): string[] {
  const defs = definitions(ins, ctx.model);
  if (!defs.length) return [];
  const rows = defs.map((d) => {
    const meaning = AUTOMATIC_PLATFORM_ARGS.includes(d.name)
      ? 'Set by BuildKit from the target or build platform.'
      : ((ins.stage ? purpose(d.name) : undefined) ?? (d.value === null ? `No default: \`--build-arg ${d.name}=…\` sets it, else it is empty.` : `\`--build-arg ${d.name}=…\` overrides the default.`));
    return [code(d.name), d.value === null ? '—' : d.value === '' ? '(empty)' : code(d.value, 60), meaning];
  });
  const out = [table(['Argument', 'Default', 'Meaning'], rows)];
  const note = ins.stage ? 'ARG in a stage' : 'global ARG';
  if (!ctx.seenKeywords.has(note)) {
    ctx.seenKeywords.add(note);
    out.push(
      ins.stage
        ? 'Build arguments exist only while building: they are not in the running container (use `ENV` for that), and `docker history` shows their values, so never pass secrets this way.'
        : 'Declared before the first `FROM`: only `FROM` lines see it. A stage that needs the value repeats `ARG <name>` (without a default) inside it.',
    );
  }
  return out;
}

function label(ctx: ExplainContext, ins: Instruction): string[] {
  const pairs = labelPairs(ctx.model, ins);
  if (!pairs.length) return [];
  return [table(['Label', 'Value'], pairs.map((p) => [code(p.key), p.value ? code(p.value, 60) : '(empty)']))];
}

// ---------------------------------------------------------------------------------------------
// RUN

const MAX_COMMANDS = 15;
const MAX_FLAGS = 6;

function run(ctx: ExplainContext, ins: Instruction): string[] {
  const { model } = ctx;
  const out: string[] = [];
  if (ins.isJson) out.push(`Exec form: runs ${code(ins.args[0]?.value ?? '')} directly, without a shell (no \`&&\`, variables or wildcards).`);
  else if (ins.heredocs.length && ins.args[0]?.value.startsWith('<<')) out.push(`A heredoc: the lines up to ${code(ins.heredocs[0].name)} run as one script.`);
  else if (!ins.posixShell) out.push(`Runs with the shell set by \`SHELL\`: ${code(ins.shellCommand.join(' '))}.`);
  out.push(...runFlags(ctx, ins));
  // Packages, one table per install command.
  for (const cmd of ins.shell?.commands ?? []) {
    const pkgs = packageSummaries(cmd);
    if (!pkgs.length) continue;
    const rows = pkgs.map((p) => [
      code(p.name),
      p.version !== undefined ? code(p.version) : p.other ? '—' : p.pinnedByFlag ? 'set by the requirements file' : 'not pinned',
      p.other ? oneLine(p.other) : p.note ? firstSentence(p.note) : p.kind,
    ]);
    out.push(`${plural(pkgs.length, 'package')} installed with ${code(pkgs[0].tool)}:\n\n${table(['Package', 'Version', 'What it is'], rows)}`);
  }
  for (const words of ins.shell?.commands.map((c) => [baseName(c), ...c.args.map((a) => a.text)]) ?? []) {
    const m = manifestInstall(words);
    if (m) out.push(`Installs ${m}.`);
  }
  const summaries = commandSummaries(model, ins);
  if (summaries.length) out.push(commandList(ctx, summaries));
  out.push(...idiomLines(ctx, summaries));
  const later = laterDeletion(ctx, ins);
  if (later) out.push(later);
  return out;
}

function runFlags(ctx: ExplainContext, ins: Instruction): string[] {
  const out: string[] = [];
  let mounts = 0;
  for (const f of ins.flags) {
    const name = f.name.toLowerCase();
    const doc = flagDoc('RUN', name);
    const written = f.value !== null ? `--${f.name}=${f.value}` : `--${f.name}`;
    if (name === 'mount' && f.value) {
      // The flag's doc once, then what each mount brings.
      if (mounts++ === 0 && doc && !ctx.seenKeywords.has('RUN --mount')) {
        ctx.seenKeywords.add('RUN --mount');
        out.push(`- \`--mount\` — ${doc.summary}`);
      }
      out.push(`- ${code(written)} — ${mountText(ctx.model, unquote(f.value))}`);
      continue;
    }
    out.push(`- ${code(written)} — ${doc ? doc.summary : 'not an option of `RUN`.'}`);
  }
  return out.length ? [out.join('\n')] : [];
}

/** What one `RUN --mount` brings into the step. */
function mountText(model: DocModel, value: string): string {
  const opts = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    opts.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? 'true' : unquote(part.slice(eq + 1).trim()));
  }
  const type = (opts.get('type') ?? 'bind').toLowerCase();
  const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
  const at = target ? ` at ${code(target)}` : '';
  switch (type) {
    case 'cache': {
      const idiom = idiomDoc(/^\/var\/(?:cache|lib)\/apt(?:\/|$)/.test(target ?? '') ? 'cache-mount-apt' : 'cache-mount');
      return `a cache${at}${opts.get('id') ? ` (id ${code(opts.get('id')!)})` : ''}. ${idiom ? idiom.summary : 'It is kept between builds, outside the image.'}`;
    }
    case 'secret':
      return `the secret ${code(opts.get('id') ?? target?.split('/').pop() ?? '')}${target ? ` at ${code(target)}` : ` at \`/run/secrets/${opts.get('id') ?? '<id>'}\``}, readable during this step only and never stored in a layer.`;
    case 'ssh':
      return 'the SSH agent of the build (`docker build --ssh default`), so `git clone` over SSH works without copying a key into the image.';
    case 'tmpfs':
      return `an empty in-memory folder${at}, discarded when the step ends.`;
    default: {
      const from = opts.get('from');
      const src = opts.get('source') ?? opts.get('src');
      const origin = from ? (model.stages.some((s) => s.name?.toLowerCase() === from.toLowerCase()) ? `the stage ${code(from)}` : `the image ${code(from)}`) : 'the build context';
      return `${src ? `${code(src)} of ` : ''}${origin}${at}, for this step only${opts.has('rw') || opts.get('readwrite') ? ' (writable, but writes are discarded)' : ' (read-only)'}: nothing of it is copied into the layer.`;
    }
  }
}

/**
 * The commands of an instruction as a list: each with its summary and its documented flags and
 * operands below it. A command or flag already explained earlier in the document gets the first
 * sentence of its summary only; a repeat within the instruction, none.
 */
function commandList(ctx: ExplainContext, summaries: CommandSummary[]): string {
  const out: string[] = [];
  const here = new Set<string>();
  const told = (key: string, summary: string): string | undefined => {
    if (here.has(key)) return undefined;
    here.add(key);
    if (ctx.seenKeywords.has(key)) return firstSentence(summary);
    ctx.seenKeywords.add(key);
    return summary;
  };
  for (const c of summaries.slice(0, MAX_COMMANDS)) {
    const shown = c.text.length <= 60 ? c.text : c.name;
    const summary = c.summary && told(`command ${c.name}`, c.summary);
    out.push(summary ? `- ${code(shown)} — ${summary}` : `- ${code(shown)}`);
    if (!c.summary) continue;
    const parts = [...c.flags, ...c.operands];
    let shownParts = 0;
    for (const p of parts) {
      const s = told(`option ${c.name} ${p.what ?? p.text}`, p.summary);
      if (!s) continue;
      if (++shownParts > MAX_FLAGS) continue;
      const written = p.what ? p.text : p.value !== undefined ? `${p.text} ${p.value}` : p.text;
      out.push(`  - ${code(written, 60)} — ${s}`);
    }
    if (shownParts > MAX_FLAGS) out.push(`  - …and ${plural(shownParts - MAX_FLAGS, 'more option')}`);
  }
  if (summaries.length > MAX_COMMANDS) out.push(`- …and ${plural(summaries.length - MAX_COMMANDS, 'more command')}`);
  return out.join('\n');
}

/** The idioms the commands take part in: the whole text the first time in the document, then its first sentence. */
function idiomLines(ctx: ExplainContext, summaries: CommandSummary[]): string[] {
  const out: string[] = [];
  for (const id of new Set(summaries.flatMap((s) => s.idioms))) {
    const doc = idiomDoc(id);
    if (!doc) continue;
    const key = `idiom ${id}`;
    const text = ctx.seenKeywords.has(key) ? firstSentence(doc.summary) : oneLine(doc.markdown);
    ctx.seenKeywords.add(key);
    out.push(`**Idiom:** ${text}`);
  }
  return out;
}

/** The seed's `RUN rm -rf tests/ docs/`: deleting in a later step does not shrink the image. */
function laterDeletion(ctx: ExplainContext, ins: Instruction): string | undefined {
  const d = laterDeletions(ctx.facts).find((x) => x.ins === ins);
  if (!d) return undefined;
  const head = `⚠ **Deleting in a later step does not shrink the image:** ${codeList(d.paths, 5)}`;
  if (d.copy) {
    return `${head} came in with the \`${d.copy.keyword}\` on line ${line(d.copy)} and stay in that layer; this \`RUN\` only hides them and adds a layer of its own. Keep them out of the build context with \`.dockerignore\`, or copy only what the image needs.`;
  }
  return `${head} stay in the layer of the step that created them; this \`RUN\` only hides them. Delete them in that same \`RUN\`, or build them in a stage the image only copies from.`;
}

/** Instructions of a stage's chain before `ins`, oldest first. */
export function chainBefore(stage: Stage, ins: Instruction): Instruction[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  const out: Instruction[] = [];
  for (const s of chain) {
    for (const i of s.instructions) {
      if (s === ins.stage && i.index >= ins.index) break; // a stage's instructions are in document order
      out.push(i);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// COPY and ADD

function copy(ctx: ExplainContext, ins: Instruction): string[] {
  const { model, facts } = ctx;
  const stage = ins.stage;
  const kind = copyKind(model, ins);
  const { sources, dest } = copyPaths(model, ins);
  const destPath = dest ? unquote(dest.value) : undefined;
  const out: string[] = [];
  let into = destPath ? code(destPath) : 'the image';
  if (destPath && stage && !destPath.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(destPath) && !destPath.includes('$')) {
    const wd = workdirs(model, stage, ins.index - 1).pop();
    into = wd ? `${code(destPath)}, that is ${code(joinPath(wd.path, destPath))} (the working directory)` : `${code(destPath)}, relative to the working directory (\`/\` unless the base image sets one)`;
  }
  const names = sources.map((s) => expanded(model, ins, unquote(s.value)));
  const fromFlag = ins.flags.find((f) => f.name.toLowerCase() === 'from');
  switch (kind) {
    case 'from': {
      const ref = unquote(fromFlag?.value ?? '');
      const edge = stage ? facts.byStage.get(stage)?.copiesFrom.find((e) => e.ins === ins) : undefined;
      const src = edge?.stage
        ? `the stage ${stageTitle(edge.stage)} (line ${line(edge.stage.from)}), not from the build context: only these files reach this image, while the tools that produced them stay behind in ${stageTitle(edge.stage)}`
        : `the image ${code(ref)}, straight out of its filesystem: none of its other layers come along`;
      out.push(`Copies ${names.length ? codeList(names, 5) : 'files'} from ${src}. They land in ${into}.`);
      break;
    }
    case 'heredoc':
      out.push(`Writes the text of the heredoc ${code(ins.heredocs[0]?.name ?? '')} to ${into}.`);
      break;
    case 'context':
      out.push(`Copies the whole build context — every file not excluded by \`.dockerignore\` — into ${into}.`);
      break;
    case 'manifest':
      out.push(`Copies only ${codeList(names, 5)} into ${into}, before the rest of the code.`);
      break;
    default:
      if (ins.keyword === 'ADD' && names.some((n) => /^(?:https?|git)[:@]/.test(n))) out.push(`Downloads ${codeList(names, 3)} into ${into} while building.`);
      else if (ins.keyword === 'ADD' && names.some((n) => /\.(?:tar|tar\.(?:gz|bz2|xz|zst)|tgz|tbz2?|txz)$/.test(n))) out.push(`Unpacks the local archive ${codeList(names, 3)} into ${into} (\`ADD\` extracts tar archives; \`COPY\` would copy the file as it is).`);
      else out.push(`Copies ${names.length ? codeList(names, 5) : 'files'} into ${into}.`);
  }
  out.push(...flagBullets(ins, ['from']));
  if (stage && kind === 'manifest') {
    const why = cacheWhy(ctx, ins, names);
    if (why) out.push(why);
  }
  if (stage && kind === 'context') {
    const install = laterInstall(ctx, stage, ins);
    const earlierManifest = chainBefore(stage, ins).some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && copyKind(model, i) === 'manifest');
    if (install && !earlierManifest) {
      out.push(
        `⚠ **Layer caching:** the install on line ${line(install.ins)} (${install.what}) comes after this copy of everything, so a change to any file runs it again. Copy the dependency files first, install, then copy the rest.`,
      );
    }
  }
  return out;
}

/** A path with its variables replaced by their values here, when all of them are known. */
function expanded(model: DocModel, ins: Instruction, text: string): string {
  if (!text.includes('$') || ins.onbuild) return text;
  const e = expand(text, lookupAt(model, ins), model.escapeChar);
  return e.complete && !e.undefinedNames.length ? e.value : text;
}

function joinPath(dir: string, rel: string): string {
  if (/^[A-Za-z]:[\\/]/.test(dir)) return `${dir.replace(/[\\/]$/, '')}\\${rel.replace(/^\.[\\/]?/, '')}`;
  const parts = `${dir}/${rel}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}${rel.endsWith('/') || rel === '.' ? '/' : ''}`.replace(/\/+$/, '/').replace(/^\/\/$/, '/');
}

/** The first install from a manifest after `ins`, in its stage or a stage built from it. */
function laterInstall(ctx: ExplainContext, stage: Stage, ins: Instruction): { what: string; ins: Instruction } | undefined {
  for (const f of ctx.facts.stages) {
    if (!chainIncludes(f.stage, stage)) continue;
    const hit = f.manifestInstalls.find((m) => m.ins.index > ins.index);
    if (hit) return hit;
  }
  return undefined;
}

function chainIncludes(stage: Stage, ancestor: Stage): boolean {
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.parent) {
    if (s === ancestor) return true;
    seen.add(s);
  }
  return false;
}

/** Why a dependency manifest is copied on its own: the install after it stays cached while only the code changes. */
function cacheWhy(ctx: ExplainContext, ins: Instruction, names: string[]): string | undefined {
  const stage = ins.stage!;
  const install = laterInstall(ctx, stage, ins);
  if (!install) return undefined;
  let code_: Instruction | undefined;
  for (const f of ctx.facts.stages) {
    if (!chainIncludes(f.stage, stage)) continue;
    const c = f.stage.instructions.find((i) => i.index > install.ins.index && (i.keyword === 'COPY' || i.keyword === 'ADD') && copyKind(ctx.model, i) === 'context');
    if (c && (!code_ || c.index < code_.index)) code_ = c;
  }
  const file = names[0] ?? 'the dependency file';
  const installText = oneLine(argText(ctx.model, install.ins));
  const rows = [
    ['Code change', code_ ? `→ rebuild from ${code_.keyword} ${oneLine(argText(ctx.model, code_))} (line ${line(code_)}) on` : '→ rebuild from the copy of the code on'],
    [`${file} change`, `→ rebuild from RUN ${installText.length > 40 ? `${installText.slice(0, 39)}…` : installText} (line ${line(install.ins)}) on`],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const diagram = rows.map((r) => `${r[0].padEnd(width)}  ${r[1]}`).join('\n');
  return `**Why first?** Docker reuses a step's cached layer as long as what it depends on is unchanged. With only ${code(file)} copied here, the install on line ${line(install.ins)} stays cached while the code changes; only a change to ${codeList(names, 3)} runs it again.\n\n${fence('text', diagram)}`;
}

// ---------------------------------------------------------------------------------------------
// USER, WORKDIR, EXPOSE, STOPSIGNAL: what their argument hovers say

function argumentHovers(ctx: ExplainContext, ins: Instruction): string[] {
  const { model } = ctx;
  // Each EXPOSE port is explained (the first 20: after that the notes only repeat themselves).
  const words = ins.args.slice(0, ins.keyword === 'EXPOSE' ? 20 : 1);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words) {
    const pos = w.range.start;
    const answer = argumentsHover({ model, ins, pos, offset: model.lines.offsetAt(pos) });
    if (!answer) continue;
    // The hover's first paragraph is its bold title: the code block above shows the line.
    const paragraphs = answer.markdown.split(/\n\n/).slice(1);
    for (const p of paragraphs) {
      const lines = p.split('\n').filter((l) => !seen.has(l));
      lines.forEach((l) => seen.add(l));
      if (lines.length) out.push(lines.join('\n'));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// HEALTHCHECK

const HEALTH_DEFAULTS: Record<string, number> = { interval: 30e9, timeout: 30e9, 'start-period': 0, 'start-interval': 5e9 };

function healthcheck(ctx: ExplainContext, ins: Instruction): string[] {
  const out: string[] = [];
  const sub = ins.args[0]?.value.toUpperCase();
  if (sub === 'NONE') return ['`HEALTHCHECK NONE` switches off a health check inherited from the base image.'];
  const rows: string[][] = [];
  const ns: Record<string, number> = { ...HEALTH_DEFAULTS };
  let retries = 3;
  for (const f of ins.flags) {
    const name = f.name.toLowerCase();
    const v = f.value ?? '';
    let meaning: string;
    if (name === 'retries') {
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (n > 0) retries = n;
      meaning = Number.isNaN(n) ? '⚠ not a whole number' : `Mark the container \`unhealthy\` after ${plural(n || 3, 'failed check')} in a row`;
    } else if (name in HEALTH_DEFAULTS) {
      const d = parseGoDuration(v);
      if (!d.ok || d.ns < 0) meaning = '⚠ not a valid duration';
      else {
        const words = durationWords(d.ns || HEALTH_DEFAULTS[name]).replace(/ \(.*/, '');
        ns[name] = d.ns || HEALTH_DEFAULTS[name];
        meaning =
          name === 'interval'
            ? `Check every ${words}`
            : name === 'timeout'
              ? `A check that takes longer than ${words} fails`
              : name === 'start-period'
                ? `Failures in the first ${words} after start do not count`
                : `Check every ${words} during the start period`;
      }
    } else {
      meaning = flagDoc('HEALTHCHECK', name)?.summary ?? 'not an option of `HEALTHCHECK`';
    }
    rows.push([code(`--${f.name}`), code(v), meaning]);
  }
  if (rows.length) out.push(table(['Option', 'Value', 'Meaning'], rows));
  if (rows.length) {
    const total = durationWords(retries * (ns.interval + ns.timeout)).replace(/ \(.*/, '');
    out.push(`With these settings, an app that stops answering is reported \`unhealthy\` after about ${retries} × (${durationWords(ns.interval).replace(/ \(.*/, '')} + ${durationWords(ns.timeout).replace(/ \(.*/, '')}) ≈ ${total}.`);
  }
  const text = argText(ctx.model, ins);
  const url = /\bhttps?:\/\/[^\s'"`)\]]+/.exec(text)?.[0];
  const summaries = commandSummaries(ctx.model, ins);
  const check: string[] = [];
  if (url) check.push(`**The check** requests ${code(url)}; exit code 0 means healthy, 1 unhealthy.`);
  else if (summaries[0]) check.push(`**The check** runs ${code(summaries[0].text, 60)}; exit code 0 means healthy, 1 unhealthy.`);
  if (summaries.length) check.push(commandList(ctx, summaries));
  out.push(...check);
  out.push(...idiomLines(ctx, summaries));
  return out;
}

// ---------------------------------------------------------------------------------------------
// CMD and ENTRYPOINT

function startCommand(ctx: ExplainContext, ins: Instruction): string[] {
  const out: string[] = [];
  const summaries = commandSummaries(ctx.model, ins);
  const program = ins.isJson ? ins.args[0]?.value : summaries[0]?.text.split(' ')[0];
  if (ins.isJson) {
    out.push(`Exec form (a JSON array): ${code(program ?? '')} runs without a shell, as the container's main process (PID 1), so it receives \`docker stop\`'s \`SIGTERM\` itself and can shut down cleanly.`);
  } else if (ins.args.length) {
    out.push(`Shell form: Docker runs it as \`${ins.shellCommand.join(' ')} "…"\`, so the shell is PID 1 and does not pass \`docker stop\`'s \`SIGTERM\` on; the program is killed after the grace period. The exec form (\`["program", "arg"]\`) avoids that.`);
  }
  if (ins.keyword === 'CMD' && ins.stage) {
    const entry = [...ins.stage.instructions].reverse().find((i) => i.keyword === 'ENTRYPOINT' && i.index < ins.index);
    if (entry) out.push(`These are the arguments of the \`ENTRYPOINT\` on line ${line(entry)}: \`docker run <image> <args>\` replaces them.`);
    else out.push('`docker run <image> <command>` replaces this default command.');
  }
  const [first, ...rest] = summaries;
  if (first?.summary) {
    const parts = [...first.flags, ...first.operands];
    let text = `${code(first.name)} — ${first.summary}`;
    if (parts.length >= 2) {
      const rows = parts.map((p) => [code(p.text), p.what ? `(${p.what})` : p.value !== undefined ? code(p.value) : '—', p.summary]);
      text += `\n\n${table(['Option', 'Value', 'Meaning'], rows)}`;
    } else if (parts.length) {
      text += `\n\n${parts.map((p) => `- ${code(p.value !== undefined ? `${p.text} ${p.value}` : p.text)} — ${p.summary}`).join('\n')}`;
    }
    out.push(text);
  }
  if (rest.length) out.push(commandList(ctx, rest));
  return out;
}

// ---------------------------------------------------------------------------------------------
// ONBUILD

function onbuild(ctx: ExplainContext, trigger: Instruction): string[] {
  const doc = instructionDoc(trigger.keyword);
  const text = oneLine(instructionText(ctx.model, trigger));
  return [
    `Registers ${code(text, 80)} to run later, at the start of any build that uses this image as its base — not in this build.${doc ? ` (${trigger.keyword}: ${doc.summary})` : ''}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// Findings

/** The findings of an instruction, one line per rule: `⚠ **DL3008** (warning): … (fix: …)`. */
export function findingLines(model: DocModel, problems: readonly Problem[]): string[] {
  const byRule = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = byRule.get(p.rule.id);
    if (list) list.push(p);
    else byRule.set(p.rule.id, [p]);
  }
  const out: string[] = [];
  for (const [id, list] of byRule) {
    const p = list[0];
    const tokens = [...new Set(list.map((x) => model.text.slice(model.lines.offsetAt(x.range.start), model.lines.offsetAt(x.range.end))))];
    const what = list.length > 1 && tokens.length > 1 ? `${p.rule.title}: ${codeList(tokens, 6)}` : p.message;
    out.push(`- ⚠ **${id}** (${p.level}): ${oneLine(what)} (fix: ${fixText(p)})`);
  }
  return out;
}

/** The fix of a finding in words: the quick-fix's title, else the first paragraph of the rule doc's `## Fix`. */
export function fixText(p: Problem): string {
  if (p.fix) return `${p.fix.title.replace(/\.$/, '')}${p.fix.safe ? ' — `lint --fix` applies it' : ', a quick-fix to review'}`;
  const m = /^## Fix\s*\n+([\s\S]*?)(?:\n\s*\n|$)/m.exec(p.rule.doc);
  if (!m) return 'see the rule documentation';
  // The paragraph when short, else its first sentence.
  const paragraph = oneLine(m[1]);
  return (paragraph.length <= 260 ? paragraph : firstSentence(paragraph)).replace(/\.$/, '');
}

