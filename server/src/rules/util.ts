/** Small helpers shared by rule units: shell lookups and edits that keep the user's layout. */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DocModel, Instruction, Stage } from '../model/document';
import { allInstructions, readableProperty, stageChain, variablesAt } from '../model/document';
import { Label as AstLabel } from 'dockerfile-ast';
import type { RuleContext } from './rule';
import type { LabelType } from '../config/hadolint';
import type { ShellCommand, ShellScript, Word } from '../model/shell';
import { baseName, commandFlags } from '../model/shell';
import { cleansCache, pinExample, type ManagerSpec, type PinStyle } from '../knowledge/os-packages';
import { dockerLogical } from '../model/shell';
import { flagInfo, splitBuilderFlags, splitWords, type RawFlag } from '../knowledge/flags';
import { expand, lookupAt } from '../model/variables';

/** Commands in the instruction's shell body whose base name is one of `names`. */
export function commandsNamed(ins: Instruction, ...names: string[]): ShellCommand[] {
  const sh = ins.shell;
  if (!sh) return [];
  return sh.commands.filter((c) => names.includes(baseName(c)));
}

/** The first argument equal to one of `words`. */
export function argNamed(cmd: ShellCommand, ...words: string[]): Word | undefined {
  return cmd.args.find((a) => words.includes(a.text));
}

export function wordRange(model: DocModel, w: { start: number; end: number }): Range {
  return model.lines.range(w.start, w.end);
}

/** An edit inserting ` text` right after a word. */
export function insertAfter(model: DocModel, w: { end: number }, text: string): TextEdit {
  const p = model.lines.positionAt(w.end);
  return { range: { start: p, end: p }, newText: text };
}

/** The last stage of the file (the default build target). */
export function finalStage(model: DocModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

/** Stages whose name is used as the image of a later FROM. */
export function stagesUsedAsBase(model: DocModel): Set<Stage> {
  const out = new Set<Stage>();
  for (const s of model.stages) if (s.parent) out.add(s.parent);
  return out;
}

/** The leading whitespace of a line. */
export function indentOf(model: DocModel, line: number): string {
  return /^[ \t]*/.exec(model.lines.lineText(line))![0];
}

/** The last top-level instruction with one of `keywords` in the stage, else in its parent chain (nearest first). */
export function lastInChain(stage: Stage, ...keywords: string[]): Instruction | undefined {
  for (const s of stageChain(stage)) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      if (keywords.includes(s.instructions[i].keyword)) return s.instructions[i];
    }
  }
  return undefined;
}

const WINDOWS_IMAGE = /(?:^|[/:._-])(?:windows|nanoserver|servercore|windowsservercore)(?:[/:._-]|$)/i;

/**
 * Whether a stage builds a Windows image: the image its stage chain starts from (global
 * ARG defaults substituted) names a Windows base, or the file uses the backtick escape.
 */
export function isWindowsStage(model: DocModel, stage: Stage): boolean {
  if (model.escapeChar === '`') return true;
  const chain = stageChain(stage);
  const root = chain[chain.length - 1];
  if (!root.image) return false;
  const vars = variablesAt(model, root.from);
  const image = root.image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}?/g, (m, name: string) => vars.get(name)?.value ?? m);
  return WINDOWS_IMAGE.test(image);
}

/**
 * Targets of a RUN's `--mount=type=cache` and `--mount=type=tmpfs` flags (`target`, `dst`
 * or `destination`, surrounding quotes removed). Files written there never reach the image.
 */
export function cacheMountTargets(ins: Instruction): string[] {
  const out: string[] = [];
  for (const f of ins.flags) {
    if (f.name.toLowerCase() !== 'mount' || !f.value) continue;
    const opts = new Map<string, string>();
    for (const part of f.value.split(',')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      opts.set(key, (eq < 0 ? '' : part.slice(eq + 1)).trim().replace(/^(["'])(.*)\1$/, '$2'));
    }
    const type = (opts.get('type') ?? 'bind').toLowerCase();
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
    if (target) out.push(target);
  }
  return out;
}

/**
 * The `install` word of a pip install: `pip`, `pip3`, `pip3.12`… with an `install` argument,
 * or `python… -m pip install`. The wrappers pipx and pipenv are not pip.
 */
export function pipInstallWord(cmd: ShellCommand): Word | undefined {
  const name = baseName(cmd);
  if (name.startsWith('pip') && !name.includes('pipx') && !name.includes('pipenv')) return argNamed(cmd, 'install');
  if (name.startsWith('python')) {
    const a = cmd.args;
    for (let i = 0; i + 2 < a.length; i++) {
      if (a[i].text === '-m' && a[i + 1].text === 'pip' && a[i + 2].text === 'install') return a[i + 2];
    }
  }
  return undefined;
}

/**
 * Splits an image reference as written in FROM: `reg:5000/team/app:1.2@sha256:…`.
 * The tag is the text after the last `:` that follows the last `/` (so a registry port is not a tag).
 */
export function splitImageRef(ref: string): { name: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}

/**
 * How a shell body lays out its `&&` line breaks, read from the `&&` before its last command:
 * `leading` (`… \` then `&& cmd`) or `trailing` (`cmd && \` then `cmd`); undefined when that
 * `&&` is not at a line break.
 */
export function andStyle(model: DocModel, sh: ShellScript): 'leading' | 'trailing' | undefined {
  const n = sh.commands.length;
  if (n < 2) return undefined;
  const gap = model.text.slice(sh.commands[n - 2].end, sh.commands[n - 1].start);
  const and = gap.lastIndexOf('&&');
  if (and < 0 || !gap.includes('\n')) return undefined;
  return gap.includes('\n', and) ? 'trailing' : 'leading';
}

/**
 * Where text can be appended to a RUN's script so that it runs last: after the last command
 * (and any closing `fi`, `done`, `)`, redirection) and before a trailing shell comment.
 * For `RUN <<EOF` it is the end of the script's last line. Undefined when the script ends with
 * an operator or a continuation, or when its shell text is not the whole script (`RUN cmd <<EOF`).
 */
export function appendPoint(model: DocModel, ins: Instruction): { offset: number; beforeComment: boolean } | undefined {
  const sh = ins.shell;
  const last = sh?.commands[sh.commands.length - 1];
  if (!last || !ins.argsRange) return undefined;
  let end = model.lines.offsetAt(ins.argsRange.end);
  const heredoc = ins.heredocs[0];
  if (heredoc) {
    if (!ins.args[0]?.value.startsWith('<<') || !heredoc.contentRange) return undefined;
    end = model.lines.offsetAt(heredoc.contentRange.end);
  }
  const tail = model.text.slice(last.end, end);
  const hash = tail.indexOf('#');
  const code = (hash < 0 ? tail : tail.slice(0, hash)).trimEnd();
  if (/[\r\n]/.test(code) || /[;&|]$/.test(code) || code.endsWith(model.escapeChar)) return undefined;
  return { offset: last.end + code.length, beforeComment: hash >= 0 };
}

/** A path or value with one pair of surrounding quotes removed (`"/app"` → `/app`), as hadolint reads them. */
export function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

/**
 * The paths of a COPY or ADD: its sources and its destination (the last path). Only the words
 * before the first heredoc body count (the parser also returns the body's words as arguments).
 */
export function copyPaths(model: DocModel, ins: Instruction): { sources: Instruction['args']; dest?: Instruction['args'][number] } {
  const h = ins.heredocs[0];
  const bodyStart = h ? model.lines.offsetAt(h.contentRange?.start ?? h.endRange?.start ?? h.startRange.end) : Infinity;
  const paths = ins.args.filter((a) => model.lines.offsetAt(a.range.start) < bodyStart);
  if (paths.length < 2) return { sources: [] };
  return { sources: paths.slice(0, -1), dest: paths[paths.length - 1] };
}

/**
 * Substitutes `$NAME`, `${NAME}` and `${NAME:-x}` / `${NAME-x}` / `${NAME:+x}` / `${NAME+x}`
 * with the values in `vars` (from `variablesAt`). Undefined when some variable has no known
 * value there (not declared, an ARG without a default, or an unsupported modifier): it may come
 * from the base image or a build argument.
 */
export function expandVars(text: string, vars: Map<string, { value: string | null }>): string | undefined {
  // A `${…}` with a modifier we do not evaluate (`${A#x}`, `${A/x/y}`): unknown.
  if (/\$\{(?![A-Za-z_][A-Za-z0-9_]*(?::?[-+][^}]*)?\})/.test(text)) return undefined;
  let unknown = false;
  const out = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (m, braced?: string, op?: string, word?: string, bare?: string) => {
    const value = vars.get((braced ?? bare)!)?.value;
    if (value === undefined || value === null) {
      unknown = true;
      return m;
    }
    if (!op) return value;
    const set = op.startsWith(':') ? value !== '' : true;
    return op.endsWith('-') ? (set ? value : (word ?? '')) : set ? (word ?? '') : '';
  });
  return unknown ? undefined : out;
}

/**
 * Edits that append ` && <command>` to a RUN's script so that it runs last, keeping the user's
 * layout: a new continuation line (leading or trailing `&&`, as the RUN already does) when the
 * RUN spans lines, else on the same line; in `RUN <<EOF` it joins the script's last line.
 * Undefined when there is no safe place (see `appendPoint`).
 */
export function appendCommandEdits(model: DocModel, ins: Instruction, command: string): TextEdit[] | undefined {
  const at = appendPoint(model, ins);
  if (!at) return undefined;
  const pos = model.lines.positionAt(at.offset);
  let newText = ` && ${command}`;
  if (!ins.heredocs.length && pos.line > ins.keywordRange.start.line) {
    const esc = model.escapeChar;
    const eol = model.lines.eol;
    const indent = indentOf(model, pos.line);
    newText = andStyle(model, ins.shell!) === 'trailing' ? ` && ${esc}${eol}${indent}${command}` : ` ${esc}${eol}${indent}&& ${command}`;
  }
  return [{ range: { start: pos, end: pos }, newText }];
}

/**
 * The packages a package word names that are not pinned, by `pinned`. A word with `$NAME` or
 * `${NAME}` is expanded with the ARG and ENV values in effect at the instruction (`ENV PKGS="a b"`
 * gives `a`, `b`); a word whose value cannot be known there (a shell variable, an ARG without a
 * default, `$(…)`) is given the benefit of the doubt (empty result). Blank words are skipped.
 */
export function unpinnedIn(model: DocModel, ins: Instruction, word: Word, pinned: (pkg: string) => boolean): string[] {
  const text = word.text;
  if (!text.trim() || pinned(text)) return [];
  if (!/[$`]/.test(text)) return [text];
  const expanded = expandVars(text, variablesAt(model, ins));
  if (expanded === undefined || /[$`]/.test(expanded)) return [];
  return expanded.split(/\s+/).filter((p) => p && !pinned(p));
}

/** One `key=value` of a LABEL instruction, with ranges as written. */
export interface LabelPair {
  /** The key with quotes removed. */
  key: string;
  /** The value with quotes and escapes removed ('' for `key=` and `key=""`). */
  value: string;
  keyRange: Range;
  /** The value as written, quotes included; empty at the `=` for `key=`. */
  valueRange: Range;
  /** The key or the value refers to a variable (`$VERSION`, `${REF}`), known only at build time. */
  dynamicKey: boolean;
  dynamicValue: boolean;
}

/** The key/value pairs of a LABEL instruction (legacy `LABEL key value` included). */
export function labelPairs(model: DocModel, ins: Instruction): LabelPair[] {
  if (ins.keyword !== 'LABEL' || !(ins.ast instanceof AstLabel)) return [];
  const out: LabelPair[] = [];
  for (const p of ins.ast.getProperties()) {
    if (!readableProperty(p)) continue; // left out rather than guessed at
    const keyRange = p.getNameRange();
    const valueRange = p.getValueRange() ?? { start: keyRange.end, end: keyRange.end };
    const rawKey = model.text.slice(model.lines.offsetAt(keyRange.start), model.lines.offsetAt(keyRange.end));
    out.push({
      key: p.getName(),
      value: p.getValue() ?? '',
      keyRange,
      valueRange,
      dynamicKey: usesVariable(rawKey, model.escapeChar),
      dynamicValue: usesVariable(p.getUnescapedValue() ?? '', model.escapeChar),
    });
  }
  return out;
}

/** Whether Dockerfile word text (quotes as written) expands a variable: `$X` or `${X}` outside single quotes. */
function usesVariable(raw: string, escapeChar: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === escapeChar && quote !== "'") i++;
    else if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '$' && quote === '"' && /[A-Za-z_{]/.test(raw[i + 1] ?? '')) return true;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '$' && /[A-Za-z_{]/.test(raw[i + 1] ?? '')) return true;
  }
  return false;
}

/**
 * LABEL pairs (ONBUILD triggers included) whose key `.hadolint.yaml`'s label-schema gives
 * the type `type`, with a literal, non-empty value (empty values are DL3051's; values with
 * variables are only known at build time).
 */
export function* typedLabels(ctx: RuleContext, type: LabelType): Iterable<{ ins: Instruction; pair: LabelPair }> {
  const schema = ctx.config.labelSchema;
  if (!Object.values(schema).includes(type)) return;
  for (const ins of ctx.instructions('LABEL')) {
    for (const pair of labelPairs(ctx.model, ins)) {
      if (!Object.prototype.hasOwnProperty.call(schema, pair.key) || schema[pair.key] !== type) continue;
      if (pair.dynamicValue || pair.value === '') continue;
      yield { ins, pair };
    }
  }
}

/** The stage a `--from` / `from=` value names: an earlier or later stage name (any case) or a stage index. */
export function stageByRef(model: DocModel, ref: string): Stage | undefined {
  if (/^\d+$/.test(ref)) return model.stages[Number(ref)];
  const key = ref.toLowerCase();
  return model.stages.find((s) => s.name?.toLowerCase() === key);
}

/** A `from=` option of a RUN `--mount` (bind or cache mounts read files from it). */
export interface MountFrom {
  type: string;
  from: string;
  range: Range;
}

/** The `from=` options of a RUN's bind and cache mounts, with the range of each value. */
export function mountFroms(model: DocModel, ins: Instruction): MountFrom[] {
  const out: MountFrom[] = [];
  for (const f of ins.flags) {
    if (f.name.toLowerCase() !== 'mount' || !f.valueRange) continue;
    const start = model.lines.offsetAt(f.valueRange.start);
    const raw = model.text.slice(start, model.lines.offsetAt(f.valueRange.end));
    let type = 'bind';
    let from: { value: string; start: number; end: number } | undefined;
    let at = 0;
    for (const part of raw.split(',')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : part.slice(eq + 1);
      if (key === 'type') type = value.trim().toLowerCase();
      if (key === 'from' && value.trim()) {
        const lead = value.length - value.trimStart().length;
        from = { value: value.trim(), start: start + at + eq + 1 + lead, end: start + at + eq + 1 + lead + value.trim().length };
      }
      at += part.length + 1;
    }
    if (from && (type === 'bind' || type === 'cache')) out.push({ type, from: from.value, range: model.lines.range(from.start, from.end) });
  }
  return out;
}

/**
 * Stages that only feed files to other stages: named (or numbered) by a `COPY --from` or a
 * RUN `--mount=…,from=` somewhere in the file.
 */
export function stagesUsedAsSources(model: DocModel): Set<Stage> {
  const out = new Set<Stage>();
  for (const ins of allInstructions(model)) {
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      for (const f of ins.flags) {
        if (f.name.toLowerCase() !== 'from' || !f.value) continue;
        const s = stageByRef(model, f.value);
        if (s) out.add(s);
      }
    } else if (ins.keyword === 'RUN') {
      for (const m of mountFroms(model, ins)) {
        const s = stageByRef(model, m.from);
        if (s) out.add(s);
      }
    }
  }
  return out;
}

/**
 * The first command of a RUN that `dirties` for which no later command of the RUN cleans the
 * package manager's caches: its own clean subcommand, an `rm` of one of its cache directories,
 * or, as hadolint accepts, any `rm -rf`.
 */
export function firstUncleaned(ins: Instruction, spec: ManagerSpec, dirties: (cmd: ShellCommand) => Word | undefined): { cmd: ShellCommand; word: Word } | undefined {
  const cmds = ins.shell?.commands ?? [];
  let first: { cmd: ShellCommand; word: Word } | undefined;
  for (const c of cmds) {
    if (first && (cleansCache(spec, c) || isRmRf(c))) first = undefined;
    const word = dirties(c);
    if (word && !first) first = { cmd: c, word };
  }
  return first;
}

/** `rm` with both the recursive and the force flag (`-rf`, `-fr`, `-r -f`, `--recursive --force`). */
function isRmRf(c: ShellCommand): boolean {
  if (baseName(c) !== 'rm') return false;
  const f = commandFlags(c);
  return (f.has('r') || f.has('R') || f.has('recursive')) && (f.has('f') || f.has('force'));
}

/**
 * An edit deleting a flag (`--platform=…`) with the blanks after it, or — when nothing follows
 * it on its line (a continuation, the line end) — with the blanks before it, so the rest of the
 * instruction keeps its layout.
 */
export function removeFlagEdit(model: DocModel, flag: { range: Range }): TextEdit {
  let start = model.lines.offsetAt(flag.range.start);
  let end = model.lines.offsetAt(flag.range.end);
  const text = model.text;
  let after = end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  const atLineEnd = after >= text.length || text[after] === '\r' || text[after] === '\n' || text[after] === model.escapeChar;
  if (!atLineEnd) end = after;
  else while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { range: model.lines.range(start, end), newText: '' };
}

/**
 * The image reference a stage's chain starts from (`FROM <stage>` followed to the first real
 * image), global ARG defaults substituted; undefined when a variable in it has no known value.
 */
export function rootImage(model: DocModel, stage: Stage): string | undefined {
  const chain = stageChain(stage);
  const root = chain[chain.length - 1];
  if (!root.image) return undefined;
  return expandVars(root.image, variablesAt(model, root.from));
}

/** What kind of userland an image has, as far as its name tells: it decides which shell and tools a fix may use. */
export type ImageFamily = 'alpine' | 'busybox' | 'fedora' | 'scratch' | 'distroless' | 'other';

/**
 * The family of an image reference by its name and tag: `alpine` (`alpine:3.20`,
 * `node:20-alpine`: busybox tools, `/bin/ash`), `busybox`, `fedora` (its wget is wget2),
 * `scratch` and `distroless` (no shell at all), else `other`.
 */
export function imageFamily(image: string): ImageFamily {
  const ref = image.toLowerCase();
  if (ref === 'scratch') return 'scratch';
  if (/(?:^|[/:._-])(?:distroless|static)(?:[/:._-]|$)|chainguard\//.test(ref)) return 'distroless';
  if (/(?:^|[/:._-])alpine/.test(ref)) return 'alpine';
  if (/(?:^|[/:._-])busybox(?:[/:._-]|$)/.test(ref)) return 'busybox';
  if (/(?:^|[/:._-])fedora(?:[/:._-]|$)/.test(ref)) return 'fedora';
  return 'other';
}

/** An edit inserting a whole line (`SHELL […]`, `WORKDIR /app`) just above an instruction, with its indentation and the file's line breaks. */
export function insertLineBefore(model: DocModel, ins: Instruction, line: string): TextEdit {
  const at = { line: ins.range.start.line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indentOf(model, at.line)}${line}${model.lines.eol}` };
}

/**
 * Every quote character at either end removed, the way hadolint reads COPY/ADD/WORKDIR paths:
 * `"${HOME}"/app` → `${HOME}"/app`, so that it still starts with `$`.
 */
export function dropQuotes(s: string): string {
  return s.replace(/^["']+|["']+$/g, '');
}

/**
 * The message of a pinning rule for one package word: the word itself, or, for a variable,
 * the unpinned packages it expands to (at most five named).
 */
export function unpinnedMessage(word: Word, loose: string[], style: PinStyle): string {
  if (loose.length === 1 && loose[0] === word.text) {
    const alt = style === 'apk' ? ` (or \`${word.text}~<version>\`)` : '';
    return `\`${word.text}\` has no version: write \`${pinExample(style, word.text)}\`${alt} so every build installs the same one.`;
  }
  const named = loose.slice(0, 5).join(', ') + (loose.length > 5 ? ` and ${loose.length - 5} more` : '');
  return `\`${word.text}\` names packages without a version (${named}): pin each as \`${pinExample(style, '<package>')}\`.`;
}

/** A `--flag` of an instruction as the builder reads it (see `builderText`), with document ranges. */
export interface BuilderFlag extends RawFlag {
  /** The whole flag as written, `--mount=type=cache,…`. */
  range: Range;
  /** `--name`, dashes included. */
  nameRange: Range;
  /** The value as written (after `=`); null without `=`. */
  valueRange: Range | null;
  /** Document offset of each character of `value`, and of its end. */
  valueOffsets: number[];
}

/** An instruction's text after its keyword, as the builder reads it. */
export interface BuilderText {
  /**
   * Continuation lines joined, comment lines inside dropped, trailing blanks trimmed; it stops at
   * the end of the line of the first heredoc marker (the body is not part of it).
   */
  text: string;
  /** Document offset of each character of `text`, and of its end. */
  offsets: number[];
  flags: BuilderFlag[];
  /** Index in `text` where the arguments start (after the flags). */
  argsStart: number;
}

const builderTexts = new WeakMap<Instruction, BuilderText>();

/** The text, flags and argument start of an instruction as the builder reads them (cached per instruction). */
export function builderText(model: DocModel, ins: Instruction): BuilderText {
  const cached = builderTexts.get(ins);
  if (cached) return cached;
  const start = model.lines.offsetAt(ins.keywordRange.end);
  let end = model.lines.offsetAt(ins.range.end);
  const h = ins.heredocs[0];
  if (h) end = Math.min(end, model.lines.lineEnd(h.startRange.start.line));
  const lg = dockerLogical(model.text, start, Math.max(start, end), model.escapeChar);
  const text = lg.chars.replace(/\s+$/, '');
  const offsets = lg.map.slice(0, text.length);
  offsets.push(text.length ? offsets[text.length - 1] + 1 : start);
  const at = (i: number) => offsets[Math.min(i, offsets.length - 1)];
  const range = (s: number, e: number) => model.lines.range(at(s), e > s ? at(e - 1) + 1 : at(s));
  const split = splitBuilderFlags(text);
  const flags = split.flags.map((f) => ({
    ...f,
    range: range(f.start, f.end),
    nameRange: range(f.start, f.nameEnd),
    valueRange: f.value === null ? null : range(f.nameEnd + 1, f.end),
    valueOffsets: f.valueMap.map((i, k) => (k === f.valueMap.length - 1 && k > 0 ? at(f.valueMap[k - 1]) + 1 : at(i))),
  }));
  const out = { text, offsets, flags, argsStart: split.rest };
  builderTexts.set(ins, out);
  return out;
}

/** The document range of `text.slice(start, end)` of a builder text. */
export function builderRange(model: DocModel, bt: BuilderText, start: number, end: number): Range {
  const at = (i: number) => bt.offsets[Math.min(i, bt.offsets.length - 1)];
  return model.lines.range(at(start), end > start ? at(end - 1) + 1 : at(start));
}

/** A word of an instruction the builder expands variables in, with the document offset of each character. */
export interface ExpandedWord {
  text: string;
  offsets: number[];
  /** Whether the builder also removes quotes from it (false for `--mount` option values, already unquoted). */
  quotes: boolean;
}

/**
 * The words of an instruction that the builder runs through its variable expansion: FROM's
 * image and `--platform`, ENV/LABEL/ARG words, COPY/ADD paths and flag values, WORKDIR, USER,
 * VOLUME, EXPOSE, STOPSIGNAL, and the option values of RUN `--mount`. Exec-form (JSON)
 * arguments and heredoc bodies are left out.
 */
export function expandedWords(model: DocModel, ins: Instruction): ExpandedWord[] {
  const bt = builderText(model, ins);
  const word = (s: number, e: number, quotes = true): ExpandedWord => ({ text: bt.text.slice(s, e), offsets: bt.offsets.slice(s, e + 1), quotes });
  const fromFlag = (f: BuilderFlag, s: number, e: number, quotes: boolean): ExpandedWord => ({
    text: f.value!.slice(s, e),
    offsets: f.valueOffsets.slice(s, e + 1),
    quotes,
  });
  const rest = bt.text.slice(bt.argsStart);
  const blankWords = () => [...rest.matchAll(/\S+/g)].map((m) => word(bt.argsStart + m.index!, bt.argsStart + m.index! + m[0].length));
  const out: ExpandedWord[] = [];
  const expandingFlags = bt.flags.filter((f) => f.value !== null && flagInfo(ins.keyword, f.name)?.expands);
  switch (ins.keyword) {
    case 'FROM':
      out.push(...blankWords().slice(0, 1));
      break;
    case 'ENV':
    case 'LABEL':
    case 'ARG':
      out.push(...splitWords(rest, model.escapeChar).map((w) => word(bt.argsStart + w.start, bt.argsStart + w.end)));
      break;
    case 'COPY':
    case 'ADD':
    case 'VOLUME':
      if (!rest.startsWith('[')) out.push(...blankWords().filter((w) => !w.text.startsWith('<<')));
      break;
    case 'EXPOSE':
      out.push(...blankWords());
      break;
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
      if (rest) out.push(word(bt.argsStart, bt.text.length));
      break;
  }
  for (const f of expandingFlags) {
    if (f.name !== 'mount') {
      out.push(fromFlag(f, 0, f.value!.length, true));
      continue;
    }
    // Each `key=value` of a mount is expanded on its own (quotes were removed by the CSV reading).
    let at = 0;
    for (const field of f.value!.split(',')) {
      const eq = field.indexOf('=');
      if (eq > 0 && field.slice(0, eq).toLowerCase() !== 'from') out.push(fromFlag(f, at + eq + 1, at + field.length, false));
      at += field.length + 1;
    }
  }
  return out;
}

// Exec (JSON) form of a shell-form body: DL3025 and JSONArgsRecommended offer the same conversion.

/** Words that only a shell understands: a JSON array starting with them would not run. */
const SHELL_ONLY = new Set([
  'cd', '.', 'source', 'export', 'set', 'unset', 'ulimit', 'umask', 'eval', 'trap', 'exit', 'return', 'shift',
  'alias', 'wait', 'read', 'if', 'for', 'while', 'until', 'case', 'time', 'exec', 'function', 'select', 'declare', 'local',
]);
/** Characters that never need a shell: anything else (quotes, `$`, globs, operators…) does. */
const PLAIN = /^[\w\-./:=@+ \t]*$/;

/**
 * The JSON form of a shell-form body. Plain words become `["w1", "w2"]`, keeping the
 * user's continuation lines between elements; anything that needs a shell becomes
 * `[<shell>, <body as one string>]` on one line. Undefined when the body has comment
 * lines inside it (they would be lost) or looks like broken JSON.
 */
export function toExecForm(model: DocModel, ins: Instruction, start: number, end: number): string | undefined {
  const raw = model.text.slice(start, end);
  const esc = model.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const cont = `${esc}[ \\t]*\\r?\\n`;
  // Text pieces between continuations; a following comment or empty line means no fix.
  const pieces = raw.split(new RegExp(cont));
  if (pieces.slice(1).some((p) => /^[ \t]*(#|\r?\n|$)/.test(p))) return undefined;
  const logical = pieces.join('');
  if (logical.trimStart().startsWith('[')) return undefined;

  const words = logical.trim().split(/[ \t]+/);
  // dockerfile-ast reads a JSON array continued with a backtick as shell form: keep one line then.
  const keepLines = model.escapeChar === '\\';
  const glued = pieces.slice(1).some((p, i) => !/^[ \t]/.test(p) && !/[ \t]$/.test(pieces[i]));
  if (words[0] === 'exec' && words.length > 1 && PLAIN.test(logical) && !glued) {
    return plainWords(raw, cont, 1, keepLines);
  }
  if (PLAIN.test(logical) && !glued && !words[0].includes('=') && !SHELL_ONLY.has(words[0])) {
    return plainWords(raw, cont, 0, keepLines);
  }
  const shell = effectiveShell(model, ins).map((a) => JSON.stringify(a));
  return `[${[...shell, JSON.stringify(joinForShell(pieces))].join(', ')}]`;
}

/** `["w1", "w2"]` from plain words, skipping the first `skip`; a separator with a continuation is kept as written. */
function plainWords(raw: string, cont: string, skip: number, keepLines: boolean): string {
  const re = new RegExp(`((?:[ \\t]|${cont})+)|([^ \\t]+?(?=[ \\t]|${cont}|$))`, 'gy');
  const out: string[] = [];
  let sep = '';
  let seen = 0;
  for (let m = re.exec(raw); m && m[0]; m = re.exec(raw)) {
    if (m[1] !== undefined) {
      sep = m[1];
      continue;
    }
    if (seen++ < skip) {
      sep = '';
      continue;
    }
    if (out.length) out.push(keepLines && new RegExp(cont).test(sep) ? `,${sep}` : ', ');
    out.push(JSON.stringify(m[2]));
    sep = '';
  }
  return `[${out.join('')}]`;
}

/**
 * The body as the shell receives it: continuation lines joined as Docker joins them. Outside
 * quotes, the spaces around a continuation become one space (the shell splits words anyway).
 */
function joinForShell(pieces: string[]): string {
  let out = '';
  let quote: '' | "'" | '"' = '';
  pieces.forEach((piece, n) => {
    if (n > 0) {
      if (!quote && (/[ \t]$/.test(out) || /^[ \t]/.test(piece))) {
        out = out.replace(/[ \t]+$/, '') + ' ';
        piece = piece.replace(/^[ \t]+/, '');
      }
    }
    for (let i = 0; i < piece.length; i++) {
      const c = piece[i];
      if (quote !== "'" && c === '\\') i++;
      else if (!quote && (c === "'" || c === '"')) quote = c;
      else if (quote && c === quote) quote = '';
    }
    out += piece;
  });
  return out.trim();
}

/** The shell a shell-form instruction runs under: the stage's SHELL, else the platform default. */
export function effectiveShell(model: DocModel, ins: Instruction): string[] {
  const stage = ins.stage;
  if (!stage) return ['/bin/sh', '-c'];
  const own = stage.instructions.filter((i) => i.keyword === 'SHELL' && i.index < ins.index).pop();
  const shell = own ?? (stage.parent ? lastInChain(stage.parent, 'SHELL') : undefined);
  if (shell?.isJson && shell.args.length) return shell.args.map((a) => a.value);
  return isWindowsStage(model, stage) ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c'];
}

/** One port of an `EXPOSE`, split the way the builder splits it: `[ip:][hostPort:]containerPort[/proto]`. */
export interface ExposeSpec {
  /** The argument as written. */
  word: Instruction['args'][number];
  /** The port spec: the argument, or one word of it once its variables are expanded. */
  spec: string;
  /** Whether `spec` is the argument exactly as written, so positions inside it are document positions. */
  literal: boolean;
  ip: string;
  hostPort: string;
  containerPort: string;
  /** The protocol as written (`TCP`), '' when there is none. */
  proto: string;
}

/**
 * The ports of an `EXPOSE` that the builder accepts as port specs (a port and, optionally, `tcp`,
 * `udp` or `sctp` in any case). An argument with variables is expanded with the ARG and ENV values
 * in effect; it is skipped when some value is unknown there, and inside ONBUILD.
 */
export function exposeSpecs(model: DocModel, ins: Instruction): ExposeSpec[] {
  if (ins.keyword !== 'EXPOSE') return [];
  const out: ExposeSpec[] = [];
  for (const word of ins.args) {
    const raw = model.text.slice(model.lines.offsetAt(word.range.start), model.lines.offsetAt(word.range.end));
    let specs = [word.value];
    let literal = raw === word.value;
    if (word.value.includes('$')) {
      if (ins.onbuild) continue;
      const e = expand(word.value, lookupAt(model, ins), model.escapeChar);
      if (!e.complete) continue;
      specs = e.value.split(/\s+/).filter(Boolean);
      literal = false;
    }
    for (const spec of specs) {
      const parts = spec.split(':');
      const n = parts.length;
      const containerPart = parts[n - 1];
      const hostPort = n >= 2 ? parts[n - 2] : '';
      const ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
      const slash = containerPart.indexOf('/');
      const containerPort = slash < 0 ? containerPart : containerPart.slice(0, slash);
      const proto = slash < 0 ? '' : containerPart.slice(slash + 1);
      if (!containerPort || !['', 'tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) continue;
      out.push({ word, spec, literal, ip, hostPort, containerPort, proto });
    }
  }
  return out;
}

/** A `$NAME` or `${NAME…}` in an instruction's text. */
export interface VariableRef {
  name: string;
  /** From `$` to the end of the reference (`}` included). */
  range: Range;
  nameRange: Range;
  /** Document offset of the `$`. */
  offset: number;
}

/**
 * The variable references dockerfile-ast finds in an instruction (`\$NAME` is not one), and
 * those nested in a modifier's word (`${A:-$B}` gives `A` and `B`). Quotes are not considered:
 * callers that care about `'$NAME'` check the quoting themselves.
 */
const refsCache = new WeakMap<Instruction, VariableRef[]>();

export function variableRefs(model: DocModel, ins: Instruction): VariableRef[] {
  let refs = refsCache.get(ins);
  if (!refs) {
    // Most instructions have no `$` at all: skip dockerfile-ast's variable scan for them.
    const dollar = model.text.indexOf('$', model.lines.offsetAt(ins.range.start));
    refs = dollar < 0 || dollar >= model.lines.offsetAt(ins.range.end) ? [] : scanVariableRefs(model, ins);
    refsCache.set(ins, refs);
  }
  return refs.slice();
}

function scanVariableRefs(model: DocModel, ins: Instruction): VariableRef[] {
  type AstVariable = ReturnType<Instruction['ast']['getVariables']>[number];
  const ast = ins.ast as unknown as { getVariables(): AstVariable[]; parseVariables?: (offset: number, text: string) => AstVariable[] };
  const out: VariableRef[] = [];
  const visit = (vars: AstVariable[], depth: number) => {
    for (const v of vars) {
      const range = v.getRange();
      if (v.getName()) out.push({ name: v.getName(), range, nameRange: v.getNameRange(), offset: model.lines.offsetAt(range.start) });
      const sub = v.getSubstitutionRange();
      if (!sub || depth > 4 || typeof ast.parseVariables !== 'function') continue;
      const start = model.lines.offsetAt(sub.start);
      const text = model.text.slice(start, model.lines.offsetAt(sub.end));
      if (text.includes('$')) visit(ast.parseVariables.call(ins.ast, start, text), depth + 1);
    }
  };
  visit(ins.ast.getVariables(), 0);
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * Where an instruction's possible exec form (JSON array) starts in its builder text: after the
 * flags for RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD and VOLUME, after `CMD` for HEALTHCHECK.
 * Undefined for other instructions, or when the arguments do not start with `[`.
 */
export function execFormStart(model: DocModel, ins: Instruction): { bt: BuilderText; start: number } | undefined {
  const bt = builderText(model, ins);
  let start = bt.argsStart;
  if (ins.keyword === 'HEALTHCHECK') {
    const m = /^(\S+)\s*/.exec(bt.text.slice(start));
    if (!m || m[1].toUpperCase() !== 'CMD') return undefined;
    start += m[0].length;
  } else if (!['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME'].includes(ins.keyword)) {
    return undefined;
  }
  return bt.text[start] === '[' ? { bt, start } : undefined;
}

/**
 * The names an `ARG` instruction declares, as the builder splits it: every word is one argument
 * (`ARG TARGETOS TARGETARCH` declares both), `name` or `name=default`.
 */
export function argNames(model: DocModel, ins: Instruction): string[] {
  if (ins.keyword !== 'ARG') return [];
  return expandedWords(model, ins)
    .map((w) => w.text.split('=')[0])
    .filter((n) => /^[^\s"'$]+$/.test(n));
}
