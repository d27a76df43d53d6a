/**
 * Hover for variables: a reference (`$X`, `${X}`, `${X:-default}`, `${X#pattern}`…) anywhere in
 * an instruction — flag values, RUN bodies and heredocs included — and the name of an ARG or ENV
 * definition. It tells the value at that point, where it comes from (global ARG, stage ARG, ENV
 * of this stage or of the stage it is built FROM, BuildKit's automatic platform ARGs, a build
 * argument without default), what a modifier does, who expands it (the builder, the shell of a
 * RUN step, the shell of the running container, nobody in exec form), and warns when the name
 * is not defined there. Variables that tools read by convention (`PYTHONUNBUFFERED`,
 * `NODE_ENV`, `PIP_*`…) add their explanation from `server/docs/env/variables.md`.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { HoverAnswer, HoverProvider, HoverQuery } from './types';
import { stageChain, varDefs, type DocModel, type Instruction, type Stage, type VarDef } from '../model/document';
import { AUTOMATIC_PLATFORM_ARGS, PREDEFINED_ARGS, expand } from '../model/variables';
import { builderText, expandedWords, rootImage } from '../rules/util';
import { flagInfo } from '../knowledge/flags';
import ENV_VARIABLES from '../../docs/env/variables.md';

// ---------------------------------------------------------------------------------------
// Well-known variables (server/docs/env/variables.md)

export interface WellKnownVariable {
  /** The heading that matched: `PYTHONUNBUFFERED`, or a family such as `PIP_*`. */
  name: string;
  /** The section without its heading. */
  markdown: string;
  /** Its first paragraph. */
  summary: string;
}

interface EnvDocs {
  exact: Map<string, WellKnownVariable>;
  /** Families, longest prefix first. */
  families: { prefix: string; doc: WellKnownVariable }[];
}

let envDocs: EnvDocs | undefined;

/** Splits a Markdown text into its `## ` sections (fenced code blocks skipped). */
export function markdownSections(text: string): { heading: string; body: string }[] {
  const out: { heading: string; body: string }[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  let fenced = false;
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const h = !fenced && /^## (.+?)\s*$/.exec(line);
    if (h) {
      if (current) out.push({ heading: current.heading, body: current.lines.join('\n').trim() });
      current = { heading: h[1], lines: [] };
    } else if (current) current.lines.push(line);
  }
  if (current) out.push({ heading: current.heading, body: current.lines.join('\n').trim() });
  return out;
}

function loadEnvDocs(): EnvDocs {
  const exact = new Map<string, WellKnownVariable>();
  const families: EnvDocs['families'] = [];
  for (const { heading, body } of markdownSections(ENV_VARIABLES)) {
    const names = heading.split(',').map((n) => n.trim()).filter(Boolean);
    const doc: WellKnownVariable = { name: names[0], markdown: body, summary: (body.split(/\n\s*\n/)[0] ?? '').trim() };
    for (const n of names) {
      if (n.endsWith('*')) families.push({ prefix: n.slice(0, -1), doc });
      else exact.set(n, doc);
    }
  }
  families.sort((a, b) => b.prefix.length - a.prefix.length);
  return { exact, families };
}

/** The explanation of a variable that tools read by convention, by exact name, else by family (`PIP_*`). */
export function wellKnownVariable(name: string): WellKnownVariable | undefined {
  envDocs ??= loadEnvDocs();
  return envDocs.exact.get(name) ?? envDocs.families.find((f) => name.length > f.prefix.length && name.startsWith(f.prefix))?.doc;
}

// ---------------------------------------------------------------------------------------
// Variable references in an instruction

/** Who expands a reference. */
type Expander =
  /** The builder, while building (FROM, COPY, ENV, WORKDIR, flag values…). */
  | 'builder'
  /** The shell of a RUN step, while building. */
  | 'run'
  /** The shell of the running container (shell-form CMD, ENTRYPOINT, HEALTHCHECK CMD). */
  | 'container'
  /** Nobody: exec form runs the program without a shell. */
  | 'exec'
  /** Nobody: an instruction or flag the builder does not expand, or a quoted heredoc. */
  | 'literal';

interface Ref {
  name: string;
  /** The reference as written, `$` to the end. */
  text: string;
  /** Document offsets of the reference, end exclusive. */
  start: number;
  end: number;
  braced: boolean;
  /** The modifier: `:-`, `-`, `:+`, `+`, `:?`, `?`, `:=`, `=`, `#`, `##`, `%`, `%%`, `/`, `//`, `len` (`${#X}`), `other`. */
  op?: string;
  /** The text after the modifier, as written. */
  word?: string;
  /** Inside single quotes (where `$` is literal); in double quotes the shell still expands. */
  singleQuoted: boolean;
  expander: Expander;
  /** The script text before the reference, for finding shell assignments (run/container only). */
  scriptBefore?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const MODIFIER = /^(:-|-|:\+|\+|:\?|\?|:=|=|##|#|%%|%|\/\/|\/)/;

/**
 * Finds every reference in `text` between `from` and `to`. `at(i)` gives the document offset of
 * `text[i]`; `escape` is the escape character there; `quotes` whether quotes are syntax there
 * (false in a heredoc fed to a command, where they are plain characters).
 */
function scanRefs(
  text: string,
  from: number,
  to: number,
  at: (i: number) => number,
  escape: string,
  quotes: boolean,
  expander: Expander,
  out: Ref[],
  depth = 0,
  braces = new BraceMatcher(text),
): void {
  let quote = '';
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === escape && quote !== "'") {
      i++;
      continue;
    }
    if (quotes && (c === "'" || c === '"') && (quote === '' || quote === c)) {
      quote = quote ? '' : c;
      continue;
    }
    if (c !== '$') continue;
    const next = text[i + 1];
    if (next === '$') {
      i++; // `$$` is the shell's process ID
      continue;
    }
    const base = { singleQuoted: quote === "'", expander, scriptBefore: expander === 'run' || expander === 'container' ? text.slice(from, i) : undefined };
    if (next === '{') {
      // A `${…}` longer than MAX_BRACED is no variable reference: without the cap, a run of
      // unclosed `${` scanned to the end for each one (2 s for a 50,000-character line).
      const close = braces.closing(i + 1, Math.min(to, i + MAX_BRACED));
      if (close < 0) continue;
      const inner = text.slice(i + 2, close);
      const make = (name: string, op: string | undefined, word: string | undefined): Ref => ({
        ...base,
        name,
        text: text.slice(i, close + 1),
        start: at(i),
        end: at(close) + 1,
        braced: true,
        op,
        word,
      });
      const len = /^#([A-Za-z_][A-Za-z0-9_]*)$/.exec(inner);
      if (len) out.push(make(len[1], 'len', undefined));
      else {
        const m = NAME.exec(inner);
        if (m) {
          const rest = inner.slice(m[0].length);
          const op = rest ? (MODIFIER.exec(rest)?.[1] ?? 'other') : undefined;
          const word = op && op !== 'other' ? rest.slice(op.length) : rest || undefined;
          out.push(make(m[0], op, word));
          // References inside the modifier's word: `${A:-$B}`.
          if (op && depth < 4) {
            const wordStart = i + 2 + m[0].length + (op === 'other' ? 0 : op.length);
            scanRefs(text, wordStart, close, at, escape, false, expander, out, depth + 1, braces);
            if (base.singleQuoted) for (const r of out) if (r.start >= at(wordStart) && r.end <= at(close) + 1) r.singleQuoted = true;
          }
        }
      }
      i = close;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1, Math.min(to, i + 256)));
    if (!m) continue; // `$1`, `$?`, `$(…)`: not a variable
    out.push({ ...base, name: m[0], text: text.slice(i, i + 1 + m[0].length), start: at(i), end: at(i + m[0].length) + 1, braced: false });
    i += m[0].length;
  }
}

const MAX_BRACED = 2048;

/**
 * The `}` that closes each `{` of a text (by nesting depth, quotes not considered), matched in
 * one pass the first time it is asked: a run of thousands of unclosed `${` costs one scan, not
 * one per `${`.
 */
class BraceMatcher {
  private match?: Int32Array;
  constructor(private readonly text: string) {}

  /** The position of the `}` closing the `{` at `open`, if it comes before `to`; else -1. */
  closing(open: number, to: number): number {
    if (!this.match) this.match = matchBraces(this.text);
    const close = this.match[open];
    return close >= 0 && close < to ? close : -1;
  }
}

function matchBraces(text: string): Int32Array {
  const match = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) open.push(i);
    else if (c === 125 /* } */ && open.length) match[open.pop()!] = i;
  }
  return match;
}

const SHELL_BODY = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
const NOT_EXPANDED = new Set(['SHELL', 'MAINTAINER', 'ONBUILD']);

/** Who expands the arguments (after the flags) of an instruction. */
function argsExpander(model: DocModel, ins: Instruction): Expander {
  if (NOT_EXPANDED.has(ins.keyword)) return 'literal';
  if (ins.keyword === 'HEALTHCHECK') {
    const sub = ins.args[0]?.value.toUpperCase();
    if (sub !== 'CMD') return 'literal';
    const rest = ins.args[1];
    return rest && model.text[model.lines.offsetAt(rest.range.start)] === '[' ? 'exec' : 'container';
  }
  if (SHELL_BODY.has(ins.keyword)) {
    if (ins.isJson) return 'exec';
    return ins.keyword === 'RUN' ? 'run' : 'container';
  }
  return 'builder';
}

/** Every reference of an instruction: flags, arguments and heredoc bodies. */
function refsOf(model: DocModel, ins: Instruction): Ref[] {
  const out: Ref[] = [];
  const start = model.lines.offsetAt(ins.range.start);
  const end = model.lines.offsetAt(ins.range.end);
  const dollar = model.text.indexOf('$', start);
  if (dollar < 0 || dollar >= end) return out;

  const bt = builderText(model, ins);
  const at = (i: number) => bt.offsets[Math.min(i, bt.offsets.length - 1)];
  // One brace matching of the instruction's text serves its flags and its arguments.
  const braces = new BraceMatcher(bt.text);
  // Flags: the builder expands the values of some of them.
  for (const f of bt.flags) {
    if (f.value === null || !bt.text.slice(f.start, f.end).includes('$')) continue;
    const expander: Expander = flagInfo(ins.keyword, f.name)?.expands ? 'builder' : 'literal';
    scanRefs(bt.text, f.nameEnd + 1, f.end, at, model.escapeChar, true, expander, out, 0, braces);
  }
  const expander = argsExpander(model, ins);
  const shellLike = expander === 'run' || expander === 'container';
  const argsText = bt.text.slice(bt.argsStart);
  if (argsText.includes('$')) {
    // In a shell body the shell's escape character is the backslash, whatever `# escape=` says.
    scanRefs(bt.text, bt.argsStart, bt.text.length, at, shellLike ? '\\' : model.escapeChar, expander !== 'exec', expander, out, 0, braces);
  }
  ins.heredocs.forEach((h, n) => {
    if (!h.contentRange) return;
    const s = model.lines.offsetAt(h.contentRange.start);
    const e = model.lines.offsetAt(h.contentRange.end);
    const body = model.text.slice(s, e);
    if (!body.includes('$')) return;
    const marker = model.text.slice(model.lines.offsetAt(h.startRange.start), model.lines.offsetAt(h.startRange.end));
    const quoted = /["']/.test(marker);
    // `RUN <<EOF`: the first heredoc is the script itself, which the shell reads with its quotes.
    const isScript = ins.keyword === 'RUN' && n === 0 && (ins.args[0]?.value.startsWith('<<') ?? false);
    let hx: Expander;
    if (isScript) hx = 'run';
    else if (quoted) hx = 'literal';
    else if (ins.keyword === 'RUN') hx = 'run';
    else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') hx = 'builder';
    else hx = 'literal';
    scanRefs(body, 0, body.length, (i) => s + i, '\\', isScript, hx, out);
  });
  return out;
}

/** The innermost reference at an offset. */
function refAt(refs: Ref[], offset: number): Ref | undefined {
  let best: Ref | undefined;
  for (const r of refs) {
    if (offset < r.start || offset > r.end) continue;
    const better =
      !best ||
      (offset < r.end && offset === best.end) ||
      (r.end - r.start < best.end - best.start && !(offset === r.end && offset < best.end));
    if (better) best = r;
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Scope: what each name is at a point, with where it comes from

interface Binding {
  /** The definition in effect. */
  def: VarDef;
  /** The value as written (`null`: set when building, by `--build-arg` or BuildKit). */
  value: string | null;
  /** For an ARG without default: the earlier definition whose value it takes (a global ARG…). */
  valueFrom?: VarDef;
  /** ARGs of the same name that change nothing because this ENV is in effect. */
  shadowedArgs?: VarDef[];
  /** Memo of the expanded value. */
  expanded?: string | null;
}

/**
 * The variables in effect before instruction index `limit` of `stage` (`stage` undefined or
 * `atFrom`: the global ARGs a FROM line sees). Like `variablesAt`, with the origin of each value
 * kept, and an ENV winning over a later ARG of the same name, as the builder does.
 */
function scopeAt(model: DocModel, stage: Stage | undefined, limit: number, atFrom: boolean): Map<string, Binding> {
  const out = new Map<string, Binding>();
  const add = (d: VarDef) => {
    const prev = out.get(d.name);
    if (d.kind === 'ARG' && prev?.def.kind === 'ENV') {
      prev.shadowedArgs = [...(prev.shadowedArgs ?? []), d];
      return;
    }
    if (d.kind === 'ARG' && d.value === null) {
      const src = prev ?? (d.instruction.stage ? globals().get(d.name) : undefined);
      out.set(d.name, { def: d, value: src ? src.value : null, valueFrom: src?.def });
      return;
    }
    out.set(d.name, { def: d, value: d.value });
  };
  let globalScope: Map<string, Binding> | undefined;
  const globals = () => (globalScope ??= scopeAt(model, undefined, Infinity, true));
  if (!stage || atFrom) {
    for (const d of model.globalArgs) if (d.instruction.index < limit) add(d);
    return out;
  }
  for (const s of stageChain(stage).reverse()) {
    for (const d of s.vars) {
      if (s === stage && d.instruction.index >= limit) break;
      add(d);
    }
  }
  return out;
}

/** The scope an instruction sees. */
function scopeFor(model: DocModel, ins: Instruction): Map<string, Binding> {
  return scopeAt(model, ins.stage, ins.index, !ins.stage || ins === ins.stage.from);
}

/** Whether a definition's value is written in single quotes (`ENV A='$B'`), which the builder does not expand. */
function singleQuotedValue(model: DocModel, d: VarDef): boolean {
  const after = model.text.slice(model.lines.offsetAt(d.nameRange.end), model.lines.offsetAt(d.nameRange.end) + 4);
  return /^[=\s]+'/.test(after);
}

/** A binding's value with the variables it refers to replaced; unknown ones stay as written. */
function expandedValue(model: DocModel, b: Binding, depth = 0): string | null {
  if (b.expanded !== undefined) return b.expanded;
  const raw = b.value;
  const src = b.def.value === null && b.valueFrom ? b.valueFrom : b.def;
  if (raw === null || !raw.includes('$') || singleQuotedValue(model, src) || depth > 8) return (b.expanded = raw);
  const scope = scopeFor(model, src.instruction);
  if (src.kind === 'ARG') {
    // `ARG A=1 B=$A`: the names before this one in the same ARG are already declared.
    for (const w of argWords(model, src.instruction)) {
      if (w.name === src.name) break;
      scope.set(w.name, { def: w.def, value: w.def.value });
    }
  }
  const e = expand(raw, (name) => {
    const x = scope.get(name);
    return x ? expandedValue(model, x, depth + 1) : null;
  }, model.escapeChar);
  return (b.expanded = e.value);
}

// ---------------------------------------------------------------------------------------
// Words

/** The line of a definition's name (an ENV may span several lines). */
const defLine = (d: VarDef) => d.nameRange.start.line + 1;
const code = (s: string) => {
  const ticks = s.includes('`') ? '``' : '`';
  return s === '' ? 'an empty string' : `${ticks}${ticks.length > 1 ? ' ' : ''}${s}${ticks.length > 1 ? ' ' : ''}${ticks}`;
};
/** A value for display: long values shortened. */
const shown = (s: string) => code(s.length > 120 ? `${s.slice(0, 117)}…` : s);

function stageLabel(stage: Stage): string {
  return stage.name ? `stage \`${stage.name}\`` : `stage ${stage.index + 1} (\`FROM ${stage.image ?? '…'}\`)`;
}

/** What each automatic platform ARG holds, with examples. */
export const PLATFORM_ARG_MEANING: Record<string, string> = {
  TARGETPLATFORM: 'the platform the image is built for, such as `linux/amd64` or `linux/arm64`',
  TARGETOS: 'the operating system of the target platform, such as `linux` or `windows`',
  TARGETARCH: 'the CPU architecture of the target platform, such as `amd64`, `arm64` or `arm`',
  TARGETVARIANT: 'the architecture variant of the target platform, such as `v7` for `linux/arm/v7` (often empty)',
  BUILDPLATFORM: 'the platform of the machine running the build, such as `linux/amd64`',
  BUILDOS: 'the operating system of the machine running the build, such as `linux`',
  BUILDARCH: 'the CPU architecture of the machine running the build, such as `amd64` or `arm64`',
  BUILDVARIANT: 'the architecture variant of the machine running the build (often empty)',
};

function platformArgLine(name: string): string {
  const target = name.startsWith('TARGET');
  const tip = target
    ? '`docker build --platform` chooses it; with several platforms the stage is built once per platform.'
    : 'Typical use: `FROM --platform=$BUILDPLATFORM` runs compilers natively, which then cross-compile for `$TARGETOS`/`$TARGETARCH`.';
  return `BuildKit's automatic platform ARG: ${PLATFORM_ARG_MEANING[name]}. ${tip}`;
}

/** Variables the container runtime, the base image or the shell set without any ARG or ENV. */
const RUNTIME_SET: Record<string, string> = {
  PATH: 'The base image sets `PATH` in its configuration (Docker uses a standard one when it does not).',
  HOME: "Docker sets `HOME` from the `/etc/passwd` entry of the user in effect (`/root` for root, `/` without an entry).",
  HOSTNAME: 'Docker sets `HOSTNAME` to the container\'s host name when it starts.',
};
const SHELL_SET = new Set(['PWD', 'OLDPWD', 'SHLVL', 'IFS', 'PPID', 'RANDOM', 'LINENO', 'SECONDS', 'UID', 'EUID', 'OPTARG', 'OPTIND', 'REPLY', 'BASH', 'BASH_VERSION', 'BASHPID', 'PIPESTATUS']);

const BARE_IMAGES = /^(?:scratch|(?:(?:docker\.io\/)?(?:library\/)?(?:alpine|busybox|debian|ubuntu|centos|rockylinux|almalinux|amazonlinux|archlinux|fedora|oraclelinux))(?:[:@].*)?)$/i;

/** The base image whose configuration may set variables this Dockerfile does not see, or undefined for scratch/bare OS images. */
function baseImageThatMaySet(model: DocModel, stage: Stage | undefined): string | undefined {
  if (!stage) return undefined;
  const image = rootImage(model, stage);
  if (image === undefined) return stageChain(stage).pop()?.image;
  return BARE_IMAGES.test(image) ? undefined : image;
}

/** Whether the script text before a reference assigns the variable (`X=…`, `export X=…`, `for X in`, `read X`). */
export function assignedInScript(script: string, name: string): boolean {
  const n = name.replace(/[^A-Za-z0-9_]/g, '');
  return new RegExp(`(?:^|[\\s;&|(\`])(?:(?:export|local|readonly|declare)\\s+(?:-\\w+\\s+)*)?${n}=|\\bfor\\s+${n}\\s+in\\b|\\bread\\s+(?:-\\w+\\s+)*(?:\\w+\\s+)*${n}\\b|\\bexport\\s+${n}\\b`).test(script);
}

function modifierLine(ref: Ref, builderSide: boolean, bashShell: boolean): string | undefined {
  const w = ref.word ?? '';
  const X = code(ref.name);
  const gives = (what: string) => what;
  switch (ref.op) {
    case undefined:
      return undefined;
    case ':-':
      return gives(`\`:-\` default: gives ${shown(w)} when ${X} is unset or empty, else its value.`);
    case '-':
      return gives(`\`-\` default: gives ${shown(w)} only when ${X} is unset; an empty value is kept.`);
    case ':+':
      return gives(`\`:+\` alternative: gives ${shown(w)} when ${X} is set and not empty, else an empty string.`);
    case '+':
      return gives(`\`+\` alternative: gives ${shown(w)} when ${X} is set, even to an empty value, else an empty string.`);
    case ':?':
      return `\`:?\` required: stops with the error ${shown(w || 'parameter null or not set')} when ${X} is unset or empty.`;
    case '?':
      return `\`?\` required: stops with the error ${shown(w || 'parameter not set')} when ${X} is unset.`;
    case ':=':
    case '=':
      return builderSide
        ? `⚠ \`${ref.op}\` (assign a default) is a shell form: the Dockerfile builder rejects it. Use \`:-\`.`
        : `\`${ref.op}\` assigns ${shown(w)} to ${X} when it is unset${ref.op === ':=' ? ' or empty' : ''}, then gives its value.`;
    case 'len':
      return builderSide ? '⚠ `${#NAME}` (length) is a shell form: the Dockerfile builder rejects it.' : `\`\${#…}\`: the length of ${X} in characters.`;
    case 'other':
      return builderSide
        ? `⚠ ${code(ref.text)} is not a form the Dockerfile builder knows (it accepts \`:-\`, \`-\`, \`:+\`, \`+\`, \`:?\`, \`?\`, \`#\`, \`##\`, \`%\`, \`%%\`, \`/\`, \`//\`).`
        : `${code(ref.text)}: a shell-specific form${bashShell ? '' : '; `/bin/sh` may not support it (Debian\'s is dash)'}.`;
  }
  const since = builderSide ? ' The builder supports pattern forms since Dockerfile syntax 1.7.' : '';
  const pattern = (what: string) => gives(`${what}${since}`);
  switch (ref.op) {
    case '#':
      return pattern(`\`#\` removes the shortest prefix of ${X} matching ${shown(w)}.`);
    case '##':
      return pattern(`\`##\` removes the longest prefix of ${X} matching ${shown(w)}.`);
    case '%':
      return pattern(`\`%\` removes the shortest suffix of ${X} matching ${shown(w)}.`);
    case '%%':
      return pattern(`\`%%\` removes the longest suffix of ${X} matching ${shown(w)}.`);
    case '/':
    case '//': {
      const [p, r = ''] = splitReplace(w);
      const what = `\`${ref.op}\` replaces ${ref.op === '/' ? 'the first match' : 'every match'} of ${shown(p)} in ${X} with ${shown(r)}.`;
      const dash = !builderSide && !bashShell ? ' ⚠ A bash form: `/bin/sh` in Debian-based images is dash, which rejects it; use `SHELL ["/bin/bash", "-c"]` or `sed`.' : '';
      return pattern(what) + dash;
    }
  }
  return undefined;
}

function splitReplace(w: string): [string, string?] {
  for (let i = 0; i < w.length; i++) {
    if (w[i] === '\\') i++;
    else if (w[i] === '/') return [w.slice(0, i), w.slice(i + 1)];
  }
  return [w];
}

/** Lines describing where a binding comes from, seen from instruction `ins`. */
function originLines(model: DocModel, b: Binding, ins: Instruction | undefined, forDefinition: boolean, inRun = false): string[] {
  const d = b.def;
  const out: string[] = [];
  const defStage = d.instruction.stage;
  const where = () => {
    if (!defStage) return `on line ${defLine(d)}`;
    if (ins && ins.stage === defStage) return `on line ${defLine(d)}, in this stage`;
    return `on line ${defLine(d)}, in ${stageLabel(defStage)}${ins?.stage ? `, inherited because this stage is built \`FROM ${defStage.name ?? defStage.index}\`` : ''}`;
  };
  const written = `\`${d.kind} ${d.name}${d.value !== null ? `=${d.value.length > 60 ? d.value.slice(0, 57) + '…' : d.value}` : ''}\``.replace(/``/g, '`');
  if (d.kind === 'ENV') {
    if (!forDefinition) out.push(`**Source:** ${written} ${where()}.`);
    out.push(
      'ENV persists into the image: later steps, the stages built `FROM` this one and every container started from it see it; `docker run -e ' +
        d.name +
        '=…` overrides it at run time.',
    );
    for (const a of b.shadowedArgs ?? []) {
      out.push(`\`ARG ${a.name}\` on line ${defLine(a)} does not change it: an ENV wins over an ARG of the same name.`);
    }
    return out;
  }
  // ARG
  const global = !defStage;
  const platform = AUTOMATIC_PLATFORM_ARGS.includes(d.name) && b.value === null;
  if (!forDefinition) out.push(`**Source:** ${global ? 'global ' : ''}${written} ${where()}${global ? ', before the first `FROM`' : ''}.`);
  if (global) {
    out.push(`A global ARG: \`FROM\` lines see it; inside a stage it is visible only after \`ARG ${d.name}\` is repeated there.`);
  }
  if (d.value === null && b.valueFrom && b.valueFrom !== d) {
    const from = b.valueFrom;
    const fromWhere = from.instruction.stage ? `${from.kind} on line ${defLine(from)}` : `global ARG on line ${defLine(from)}`;
    out.push(
      b.value !== null
        ? `Declared without a default, so it takes the value of the ${fromWhere}: ${shown(b.value)}.`
        : `Declared without a default; the ${fromWhere} has none either.`,
    );
  }
  if (platform) out.push(platformArgLine(d.name));
  else if (PREDEFINED_ARGS.includes(d.name) && b.value === null) {
    out.push(`A predefined proxy argument: \`--build-arg ${d.name}=…\` sets it, and its value stays out of \`docker history\`.`);
  } else if (b.value === null) {
    out.push(`Build-arg only: it has no default, so set it with \`docker build --build-arg ${d.name}=…\`; without it, it is an empty string.`);
  } else {
    out.push(`\`docker build --build-arg ${d.name}=…\` overrides the default.`);
  }
  if (!global && !inRun) {
    out.push(
      'ARG values are visible as environment variables during `RUN` but are not kept in the final image; values used by `RUN` can show in `docker history`, so never pass secrets this way.',
    );
  }
  return out;
}

function wellKnownPart(name: string): string | undefined {
  const doc = wellKnownVariable(name);
  if (!doc) return undefined;
  return `**About \`${doc.name}\`**\n\n${doc.markdown}`;
}

function answer(parts: (string | undefined)[], bullets: string[], name: string, range: Range): HoverAnswer {
  const body = [...parts.filter((p): p is string => !!p)];
  if (bullets.length) body.push(bullets.map((b) => `- ${b}`).join('\n'));
  const known = wellKnownPart(name);
  const markdown = body.join('\n\n') + (known ? `\n\n---\n\n${known}` : '');
  return { markdown, range };
}

// ---------------------------------------------------------------------------------------
// Hover on a reference

function refHover(model: DocModel, ins: Instruction, ref: Ref): HoverAnswer {
  const range = model.lines.range(ref.start, ref.end);
  const stage = ins.stage;
  const inFrom = !stage || ins === stage.from;
  const deferred = !!ins.onbuild;
  const expander: Expander = ref.singleQuoted && ref.expander !== 'exec' ? 'literal' : ref.expander;
  const container = expander === 'container';
  // What each name is where the reference is expanded.
  let scope: Map<string, Binding>;
  if (container && stage) {
    scope = new Map([...scopeAt(model, stage, Infinity, false)].filter(([, b]) => b.def.kind === 'ENV'));
  } else {
    scope = scopeFor(model, ins);
    if (ins.keyword === 'ARG') {
      // `ARG A=1 B=$A`: each name is declared before the next default is read.
      for (const d of argWords(model, ins)) if (d.nameEnd <= ref.start) scope.set(d.name, { def: { ...d.def }, value: d.def.value });
    }
  }
  const argOnly = container && stage ? scopeAt(model, stage, Infinity, false).get(ref.name) : undefined;
  const b = scope.get(ref.name);
  const automatic = AUTOMATIC_PLATFORM_ARGS.includes(ref.name);
  const scriptSet = (expander === 'run' || expander === 'container') && ref.scriptBefore !== undefined && assignedInScript(ref.scriptBefore, ref.name);
  const runtimeSet = !b && (RUNTIME_SET[ref.name] !== undefined || ((expander === 'run' || expander === 'container') && SHELL_SET.has(ref.name)));

  // The kind, for the title.
  let kind: string;
  if (b) {
    const d = b.def;
    if (d.kind === 'ENV') kind = d.instruction.stage === stage ? 'ENV of this stage' : `ENV inherited from ${stageLabel(d.instruction.stage!)}`;
    else if (!d.instruction.stage) kind = b.value === null && !automatic ? 'global ARG, build-arg only' : automatic ? 'automatic platform ARG (global)' : 'global ARG';
    else if (automatic && b.value === null) kind = 'automatic platform ARG';
    else if (b.value === null) kind = 'ARG without default, build-arg only';
    else kind = d.instruction.stage === stage ? 'ARG of this stage' : `ARG inherited from ${stageLabel(d.instruction.stage)}`;
  } else if (automatic && inFrom) kind = 'automatic platform ARG';
  else if (scriptSet) kind = 'shell variable';
  else if (runtimeSet) kind = SHELL_SET.has(ref.name) ? 'set by the shell' : 'set by the runtime';
  else if (PREDEFINED_ARGS.includes(ref.name) && expander === 'run') kind = 'predefined proxy argument';
  else kind = 'not defined here';

  const title = `**${code(ref.text)}** · ${kind}`;
  const bullets: string[] = [];
  const warnings: string[] = [];

  // The value, and the result of the modifier.
  const unknown = (name: string) => AUTOMATIC_PLATFORM_ARGS.includes(name) || PREDEFINED_ARGS.includes(name) || RUNTIME_SET[name] !== undefined;
  const lookup = (name: string): string | null | undefined => {
    const x = scope.get(name);
    if (x) return expandedValue(model, x);
    if (name === ref.name && (scriptSet || runtimeSet)) return null;
    if (expander === 'builder' && inFrom) return automatic && name === ref.name ? null : AUTOMATIC_PLATFORM_ARGS.includes(name) ? null : undefined;
    return unknown(name) || (expander !== 'builder' && SHELL_SET.has(name)) ? null : undefined;
  };
  let valueLine: string | undefined;
  const bashShell = /(?:^|\/)bash$/.test(ins.shellCommand[0] ?? '');
  let result: string | undefined;
  if (expander !== 'exec' && expander !== 'literal' && !deferred) {
    const e = expand(ref.text, lookup, '\\');
    if (e.complete) result = e.value;
  }
  if (b) {
    const v = expandedValue(model, b);
    if (v !== null) valueLine = `Value here: ${shown(v)}${v !== b.value && b.value !== null ? ` (written ${shown(b.value)})` : ''}.`;
    else if (automatic) valueLine = 'Value here: set by BuildKit for each build.';
    else valueLine = `Value here: whatever \`--build-arg ${ref.name}=…\` gives, else an empty string.`;
    bullets.push(...originLines(model, b, ins, false, expander === 'run'));
  } else if (automatic && inFrom) {
    valueLine = 'Value here: set by BuildKit for each build.';
    bullets.push(`${platformArgLine(ref.name)} \`FROM\` lines can use it without declaring it; inside a stage, declare \`ARG ${ref.name}\` first.`);
  } else if (scriptSet) {
    bullets.push(`Set by the shell script itself, earlier in this ${ins.keyword === 'RUN' ? '`RUN`' : 'command'}; no ARG or ENV is involved.`);
  } else if (runtimeSet) {
    bullets.push(RUNTIME_SET[ref.name] ?? 'The shell sets it itself.');
  } else if (PREDEFINED_ARGS.includes(ref.name) && expander === 'run') {
    bullets.push(
      `A predefined proxy argument: \`docker build --build-arg ${ref.name}=…\` reaches \`RUN\` steps without any \`ARG\` line, and its value stays out of \`docker history\`. Without it, it is empty.`,
    );
  } else {
    warnings.push(undefinedWarning(model, ins, ref, expander, container && !!argOnly));
  }

  const mod = modifierLine(ref, expander === 'builder', bashShell);
  if (mod) bullets.push(mod);
  const resultLine = result !== undefined && ref.op !== undefined ? `Result of ${code(ref.text)} here: ${shown(result)}.` : undefined;

  // Who expands it.
  switch (expander) {
    case 'run':
      bullets.push(
        'In `RUN`, the shell expands it while this step runs: ARG values are visible as environment variables during `RUN` but not in the final image, while ENV values persist into the image.',
      );
      break;
    case 'container':
      bullets.push(
        `Expanded by the shell when the container starts (\`docker run -e ${ref.name}=…\` can change it): only ENV values exist then, not ARGs. An ENV defined later in the stage still applies.`,
      );
      break;
    case 'exec':
      warnings.push(
        `⚠ Exec form (JSON array) runs the program without a shell: ${code(ref.text)} is passed as written, not expanded. Use the shell form, or \`["sh", "-c", "… ${ref.text}"]\`.`,
      );
      break;
    case 'literal':
      warnings.push(
        ref.singleQuoted
          ? `⚠ Inside single quotes: not expanded, it stays ${code(ref.text)}.`
          : `⚠ Not expanded here: ${NOT_EXPANDED.has(ins.keyword) ? `\`${ins.keyword}\` takes its arguments as written` : 'the text is taken as written (a quoted heredoc delimiter, or a flag the builder does not expand)'}.`,
      );
      break;
  }
  if (deferred) {
    bullets.push(
      'Inside `ONBUILD`: expanded later, in the build that uses this image as its base, with that build\'s ARG and ENV values.',
    );
  }
  return answer([title, [valueLine, resultLine].filter(Boolean).join(' ') || undefined, ...warnings], bullets, ref.name, range);
}

function undefinedWarning(model: DocModel, ins: Instruction, ref: Ref, expander: Expander, argOnlyInContainer: boolean): string {
  const stage = ins.stage;
  const name = ref.name;
  const withDefault = ref.op === ':-' || ref.op === '-';
  const effect = withDefault ? 'the default applies' : 'it expands to an empty string';
  const inFrom = !stage || ins === stage.from;
  const base = inFrom ? undefined : baseImageThatMaySet(model, stage);
  const unless = base ? ` (unless the base image \`${base}\` sets it in its environment)` : '';
  if (argOnlyInContainer) {
    return `⚠ not defined here: \`${name}\` is an ARG, and build arguments do not exist in the running container, so at start-up ${effect}${unless}. Keep it with \`ENV ${name}=$${name}\` if the container needs it.`;
  }
  const global = model.globalArgs.find((g) => g.name === name);
  if (AUTOMATIC_PLATFORM_ARGS.includes(name) && !inFrom) {
    return `⚠ not defined here: automatic platform ARGs reach a stage only after \`ARG ${name}\` is declared in it; as written ${effect}.`;
  }
  if (global && !inFrom) {
    return `⚠ not defined here: \`${name}\` is a global ARG (line ${defLine(global)}), and a stage sees it only after \`ARG ${name}\` is repeated inside it; as written ${effect}${unless}.`;
  }
  if (stage) {
    const chain = stageChain(stage);
    const later = stage.vars.find((d) => d.name === name && d.instruction.index >= ins.index);
    if (later) return `⚠ not defined here: \`${later.kind} ${name}\` comes later, on line ${defLine(later)}; at this point ${effect}${unless}.`;
    const elsewhere = model.stages.filter((s) => !chain.includes(s)).flatMap((s) => s.vars).find((d) => d.name === name);
    if (elsewhere) {
      return `⚠ not defined here: ${stageLabel(elsewhere.instruction.stage!)} defines it (line ${defLine(elsewhere)}), but this stage is not built from it: ${effect}${unless}.`;
    }
  }
  if (PREDEFINED_ARGS.includes(name)) {
    return `⚠ not defined here: predefined proxy arguments reach \`RUN\` environments only; declare \`ARG ${name}\` to use it in \`${ins.keyword}\`. As written ${effect}.`;
  }
  if (base) {
    return `⚠ not defined here by any ARG or ENV: unless the base image \`${base}\` sets it${expander === 'run' ? ' or the script assigns it' : ''}, ${effect}.`;
  }
  return `⚠ not defined here: ${effect}.`;
}

// ---------------------------------------------------------------------------------------
// Hover on a definition

interface ArgWord {
  name: string;
  nameStart: number;
  nameEnd: number;
  def: VarDef;
}

/** The names an ARG declares, as the builder splits it (`ARG A B=2` declares both), with document offsets. */
function argWords(model: DocModel, ins: Instruction): ArgWord[] {
  const out: ArgWord[] = [];
  for (const w of expandedWords(model, ins)) {
    const eq = w.text.indexOf('=');
    const name = eq < 0 ? w.text : w.text.slice(0, eq);
    if (!/^[^\s"'$]+$/.test(name)) continue;
    const nameStart = w.offsets[0];
    const nameEnd = w.offsets[name.length - 1] + 1;
    let value: string | null = null;
    if (eq >= 0) {
      value = w.text.slice(eq + 1);
      const q = /^(["'])(.*)\1$/s.exec(value);
      if (q) value = q[2];
    }
    out.push({
      name,
      nameStart,
      nameEnd,
      def: { name, value, kind: 'ARG', nameRange: model.lines.range(nameStart, nameEnd), instruction: ins },
    });
  }
  return out;
}

function definitionAt(model: DocModel, ins: Instruction, offset: number): VarDef | undefined {
  if (ins.keyword === 'ARG') {
    const w = argWords(model, ins).find((a) => offset >= a.nameStart && offset <= a.nameEnd);
    if (!w) return undefined;
    // Prefer the model's own definition object (the one scopes hold), when it agrees.
    const own = (ins.stage ? ins.stage.vars : model.globalArgs).find((d) => d.instruction === ins && d.name === w.name);
    return own && own.value === w.def.value ? own : w.def;
  }
  if (ins.keyword === 'ENV') {
    const defs = ins.onbuild ? varDefs(ins) : (ins.stage?.vars.filter((d) => d.instruction === ins) ?? varDefs(ins));
    return defs.find((d) => {
      const s = model.lines.offsetAt(d.nameRange.start);
      const e = model.lines.offsetAt(d.nameRange.end);
      return offset >= s && offset <= e;
    });
  }
  return undefined;
}

function definitionHover(model: DocModel, ins: Instruction, d: VarDef): HoverAnswer {
  const stage = ins.stage;
  const before = scopeFor(model, ins);
  if (ins.keyword === 'ARG') {
    for (const w of argWords(model, ins)) {
      if (w.def.nameRange.start.character >= d.nameRange.start.character && w.def.nameRange.start.line === d.nameRange.start.line) break;
      before.set(w.name, { def: w.def, value: w.def.value });
    }
  }
  const prev = before.get(d.name);
  // The binding this definition makes, as the scope after it holds it.
  let b: Binding;
  if (d.kind === 'ARG' && prev?.def.kind === 'ENV') b = { ...prev, shadowedArgs: [d] };
  else if (d.kind === 'ARG' && d.value === null) {
    const src = prev ?? (stage ? scopeAt(model, undefined, Infinity, true).get(d.name) : undefined);
    b = { def: d, value: src ? src.value : null, valueFrom: src?.def };
  } else b = { def: d, value: d.value };

  const global = !stage;
  const where = global ? 'global `ARG` (before the first `FROM`)' : `\`${d.kind}\` in ${stageLabel(stage)}`;
  const title = `**${code(d.name)}** · ${where}`;
  let valueLine: string | undefined;
  const bullets: string[] = [];
  const warnings: string[] = [];
  if (d.kind === 'ARG' && prev?.def.kind === 'ENV') {
    warnings.push(
      `⚠ \`ENV ${d.name}\` (line ${defLine(prev.def)}) is already in effect, and an ENV wins over an ARG of the same name: this ARG does not change \`$${d.name}\`.`,
    );
  } else {
    const v = expandedValue(model, b);
    if (v !== null) valueLine = `Value: ${shown(v)}${d.value !== null && v !== d.value ? ` (written ${shown(d.value)})` : ''}.`;
    bullets.push(...originLines(model, b, ins, true));
    if (prev && d.kind === 'ENV') {
      const pv = expandedValue(model, prev);
      bullets.push(
        `Replaces the value ${pv === null ? '' : `${shown(pv)} `}of \`${prev.def.kind} ${d.name}\` on line ${defLine(prev.def)}${prev.def.kind === 'ARG' ? ': from here on the ENV value wins' : ''}.`,
      );
    } else if (prev && d.kind === 'ARG' && d.value !== null && prev.def !== d) {
      bullets.push(`Replaces the earlier \`ARG ${d.name}\` of line ${defLine(prev.def)}.`);
    }
    if (global) {
      const repeats = model.stages.flatMap((s) => s.vars.filter((x) => x.kind === 'ARG' && x.name === d.name).map((x) => `${stageLabel(s)} (line ${defLine(x)})`));
      if (repeats.length) bullets.push(`Repeated in ${repeats.slice(0, 4).join(', ')}${repeats.length > 4 ? '…' : ''}.`);
    }
  }
  if (ins.onbuild) bullets.push('Inside `ONBUILD`: it takes effect in the build that uses this image as its base.');
  return answer([title, valueLine, ...warnings], bullets, d.name, d.nameRange);
}

// ---------------------------------------------------------------------------------------

export const variablesHover: HoverProvider = (q: HoverQuery) => {
  const { model, ins, offset } = q;
  if (ins.keyword === 'ARG' || ins.keyword === 'ENV') {
    const d = definitionAt(model, ins, offset);
    if (d) return definitionHover(model, ins, d);
  }
  const refs = refsOf(model, ins);
  if (!refs.length) return undefined;
  const ref = refAt(refs, offset);
  return ref ? refHover(model, ins, ref) : undefined;
};

/** Exposed for tests and other providers: the variable reference under a position, if any. */
export function variableRefAt(model: DocModel, ins: Instruction, pos: Position): { name: string; range: Range } | undefined {
  const r = refAt(refsOf(model, ins), model.lines.offsetAt(pos));
  return r && { name: r.name, range: model.lines.range(r.start, r.end) };
}
