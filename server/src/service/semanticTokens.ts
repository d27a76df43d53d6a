/**
 * Semantic tokens (full and delta) from the document model, in one pass over the text.
 *
 * What gets a token:
 * - instruction keywords (`keyword`; `MAINTAINER` is `deprecated`), `AS`, HEALTHCHECK `CMD`/`NONE`;
 * - flags (`parameter`) and their values: `--mount` keys (`property`) and values, enumerated
 *   values (`enumMember`), durations and numbers (`number`), `--from` stage names (`class`) or
 *   images;
 * - images (`namespace` for the registry and path, `type` for the name, `string` for tag and
 *   digest), stage names (`class`, `declaration` after `AS`);
 * - ARG/ENV names (`variable` + `declaration`), LABEL keys (`property`), values (`string`),
 *   `$VAR` / `${VAR…}` references (`variable`; BuildKit's automatic and proxy ARGs are
 *   `defaultLibrary`), EXPOSE ports (`number`) and protocols, STOPSIGNAL;
 * - shell bodies (RUN, shell-form CMD/ENTRYPOINT/HEALTHCHECK CMD, and `RUN <<EOF` scripts):
 *   command names (`function`), reserved words (`keyword`), options (`parameter`), quoted
 *   strings, expansions, operators and redirections, comments, heredoc delimiters (`keyword`);
 * - exec form: brackets and commas (`operator`), strings, the executable (`function`);
 * - comments, and parser directives (`macro` for the name).
 *
 * Tokens never cover a line continuation or a comment line inside one: each token is cut into
 * the pieces the escape character and dropped lines leave. Heredoc bodies that are data (COPY
 * heredocs, `RUN python3 <<EOF`) get no tokens, so the TextMate grammar keeps them.
 *
 * Cost: every character is looked at a bounded number of times; tokens are sorted within an
 * instruction only, and positions come from a running line pointer — linear in the file size.
 */
import type { Range, SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver-types';
import { varDefs, type DocModel, type Instruction, type Flag } from '../model/document';
import { dockerLogical, type Logical } from '../model/shell';
import { AUTOMATIC_PLATFORM_ARGS, PREDEFINED_ARGS } from '../model/variables';
import { INSTRUCTIONS, flagInfo } from '../knowledge/flags';

export const TOKEN_TYPES = [
  'keyword',
  'comment',
  'parameter',
  'property',
  'namespace',
  'type',
  'class',
  'string',
  'variable',
  'operator',
  'function',
  'macro',
  'number',
  'enumMember',
] as const;
export const TOKEN_MODIFIERS = ['declaration', 'deprecated', 'defaultLibrary'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const T = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const DECLARATION = 1;
const DEPRECATED = 2;
const DEFAULT_LIBRARY = 4;
/** No token for this part (plain words keep the TextMate colours). */
const NONE = -1;

const KNOWN_KEYWORDS = new Set<string>(INSTRUCTIONS);
const WELL_KNOWN_VARS = new Set([...AUTOMATIC_PLATFORM_ARGS, ...PREDEFINED_ARGS]);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
const SHELL_RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]']);
/** Reserved words after which a command name is expected again. */
const RESERVED_THEN_COMMAND = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time', 'function']);
const NUMERIC_FLAG_VALUES = new Set(['duration', 'integer', 'chmod']);
const ENUM_FLAG_VALUES = new Set(['enum', 'boolean']);
const MOUNT_ENUM_KEYS = new Set(['type', 'sharing', 'readonly', 'ro', 'rw', 'readwrite', 'required']);
const MOUNT_NUMBER_KEYS = new Set(['mode', 'uid', 'gid', 'size']);

/** Tokens as document offsets, in parallel arrays (no object per token). */
class Sink {
  s: number[] = [];
  e: number[] = [];
  t: number[] = [];
  m: number[] = [];
  add(start: number, end: number, type: number, mod = 0): void {
    if (end <= start || type < 0) return;
    this.s.push(start);
    this.e.push(end);
    this.t.push(type);
    this.m.push(mod);
  }
  get length(): number {
    return this.s.length;
  }
}

type Emit = (start: number, end: number, type: number, mod?: number) => void;

/** The encoded tokens of a document (LSP relative encoding), cached per model. */
const computed = new WeakMap<DocModel, number[]>();

export function semanticTokens(model: DocModel): SemanticTokens {
  let data = computed.get(model);
  if (!data) {
    data = encode(model, collect(model));
    computed.set(model, data);
  }
  return { data };
}

/**
 * Keeps the last result per document so that a delta request can answer with the changed
 * slice only. No connection involved: the server calls it with the current model.
 */
export class SemanticTokensStore {
  private last = new Map<string, { resultId: string; data: number[] }>();
  private counter = 0;

  full(uri: string, model: DocModel): SemanticTokens {
    const data = semanticTokens(model).data;
    const resultId = String(++this.counter);
    this.last.set(uri, { resultId, data });
    return { resultId, data };
  }

  delta(uri: string, model: DocModel, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const prev = this.last.get(uri);
    const result = this.full(uri, model);
    if (!prev || prev.resultId !== previousResultId) return result;
    return { resultId: result.resultId, edits: tokenEdits(prev.data, result.data) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** One edit turning `prev` into `next`: the changed middle between the common prefix and suffix (whole tokens). */
export function tokenEdits(prev: number[], next: number[]): SemanticTokensEdit[] {
  const max = Math.min(prev.length, next.length);
  let prefix = 0;
  while (prefix < max && prev[prefix] === next[prefix]) prefix++;
  prefix -= prefix % 5;
  if (prefix === prev.length && prefix === next.length) return [];
  let suffix = 0;
  while (suffix < max - prefix && prev[prev.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  suffix -= suffix % 5;
  return [{ start: prefix, deleteCount: prev.length - prefix - suffix, data: next.slice(prefix, next.length - suffix) }];
}

// ---------------------------------------------------------------------------------------
// Collecting tokens

function collect(model: DocModel): Sink {
  const out = new Sink();
  const text = model.text;
  const lines = model.lines;
  const stageNames = new Set(model.stages.filter((s) => s.name).map((s) => s.name!.toLowerCase()));
  const ctx: Ctx = { model, text, esc: model.escapeChar, stageNames, stageCount: model.stages.length, sink: out };

  // Comments and directives, in line order.
  const lineItems: { line: number; add: (sink: Sink) => void }[] = [];
  for (const d of model.directives) {
    lineItems.push({
      line: d.range.start.line,
      add: (sink) => {
        const start = lines.offsetAt(d.range.start);
        const nameStart = lines.offsetAt(d.nameRange.start);
        const nameEnd = lines.offsetAt(d.nameRange.end);
        const valueStart = lines.offsetAt(d.valueRange.start);
        const valueEnd = lines.offsetAt(d.valueRange.end);
        sink.add(start, nameStart, T.comment);
        sink.add(nameStart, nameEnd, T.macro);
        const eq = text.indexOf('=', nameEnd);
        if (eq >= 0 && eq < valueStart) sink.add(eq, eq + 1, T.operator);
        if (d.name === 'syntax') imageTokens({ ...ctx, sink }, valueStart, valueEnd);
        else sink.add(valueStart, valueEnd, T.string);
      },
    });
  }
  for (const c of model.comments) {
    lineItems.push({ line: c.line, add: (sink) => sink.add(lines.offsetAt(c.range.start), lines.offsetAt(c.range.end), T.comment) });
  }
  if (model.directives.length) lineItems.sort((a, b) => a.line - b.line);

  let next = 0;
  const local = new Sink();
  const clear = (sink: Sink) => (sink.s.length = sink.e.length = sink.t.length = sink.m.length = 0);
  // A line item's own tokens can come out of order (a directive value with a variable and an
  // escape): each goes through appendSorted like an instruction's.
  const addLineItem = (item: (typeof lineItems)[number]) => {
    clear(local);
    item.add(local);
    appendSorted(local, out);
  };
  for (const ins of model.instructions) {
    const first = ins.range.start.line;
    const last = ins.range.end.line;
    while (next < lineItems.length && lineItems[next].line < first) addLineItem(lineItems[next++]);
    clear(local);
    // comment lines inside the instruction (continuations)
    while (next < lineItems.length && lineItems[next].line <= last) lineItems[next++].add(local);
    instructionTokens({ ...ctx, sink: local }, ins);
    appendSorted(local, out);
  }
  while (next < lineItems.length) addLineItem(lineItems[next++]);
  return out;
}

/** Appends `from` to `to` in start order, dropping any token that overlaps an earlier one. */
function appendSorted(from: Sink, to: Sink): void {
  const n = from.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => from.s[a] - from.s[b] || a - b);
  let end = to.length ? to.e[to.length - 1] : 0;
  for (const i of order) {
    if (from.s[i] < end) continue;
    to.add(from.s[i], from.e[i], from.t[i], from.m[i]);
    end = from.e[i];
  }
}

interface Ctx {
  model: DocModel;
  text: string;
  esc: string;
  stageNames: Set<string>;
  stageCount: number;
  sink: Sink;
}

function instructionTokens(ctx: Ctx, ins: Instruction): void {
  const { model, sink } = ctx;
  const lines = model.lines;
  const at = (p: { line: number; character: number }) => lines.offsetAt(p);
  const kwStart = at(ins.keywordRange.start);
  const kwEnd = at(ins.keywordRange.end);
  const known = KNOWN_KEYWORDS.has(ins.keyword);
  if (known) sink.add(kwStart, kwEnd, T.keyword, ins.keyword === 'MAINTAINER' ? DEPRECATED : 0);
  for (const f of ins.flags) flagTokens(ctx, ins, f);
  if (ins.trigger) {
    instructionTokens(ctx, ins.trigger);
    return;
  }
  if (!ins.argsRange) return;
  const argsStart = at(ins.argsRange.start);
  const end = at(ins.range.end);
  if (!known) {
    valueRegion(ctx, argsStart, end, NONE);
    return;
  }
  switch (ins.keyword) {
    case 'FROM':
      return fromTokens(ctx, ins);
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
      return bodyTokens(ctx, ins, argsStart, end);
    case 'HEALTHCHECK': {
      const sub = ins.args[0];
      if (!sub) return;
      const upper = sub.value.toUpperCase();
      if (upper === 'CMD' || upper === 'NONE') sink.add(at(sub.range.start), at(sub.range.end), T.keyword);
      const rest = ins.args[1];
      if (upper === 'CMD' && rest) bodyTokens(ctx, ins, at(rest.range.start), end);
      return;
    }
    case 'SHELL':
      return ins.isJson ? jsonRegion(ctx, argsStart, end, true) : valueRegion(ctx, argsStart, end, NONE);
    case 'ENV':
    case 'ARG':
      return assignments(
        ctx,
        varDefs(ins).map((d) => ({ start: at(d.nameRange.start), end: at(d.nameRange.end) })),
        end,
        T.variable,
        DECLARATION,
      );
    case 'LABEL': {
      const props = safe(() => (ins.ast as unknown as { getProperties(): { getNameRange(): Range }[] }).getProperties(), []);
      return assignments(
        ctx,
        props.map((p) => ({ start: at(p.getNameRange().start), end: at(p.getNameRange().end) })),
        end,
        T.property,
        0,
      );
    }
    case 'EXPOSE':
      return wordsRegion(ctx, argsStart, end, exposeWord);
    case 'STOPSIGNAL':
      return wordsRegion(ctx, argsStart, end, (c, a, b) => c.sink.add(a, b, /^\d+$/.test(c.text.slice(a, b)) ? T.number : T.enumMember));
    case 'COPY':
    case 'ADD':
      if (ins.heredocs.length) return heredocInstruction(ctx, ins, argsStart, end, false);
      return ins.isJson ? jsonRegion(ctx, argsStart, end, false) : valueRegion(ctx, argsStart, end, NONE);
    case 'VOLUME':
      return ins.isJson ? jsonRegion(ctx, argsStart, end, false) : valueRegion(ctx, argsStart, end, NONE);
    case 'MAINTAINER':
      return valueRegion(ctx, argsStart, end, T.string);
    default:
      // USER, WORKDIR: quoted strings and variables only.
      return valueRegion(ctx, argsStart, end, NONE);
  }
}

function fromTokens(ctx: Ctx, ins: Instruction): void {
  const stage = ins.stage;
  if (!stage || stage.from !== ins) return;
  const at = (p: { line: number; character: number }) => ctx.model.lines.offsetAt(p);
  if (stage.imageRange) {
    const a = at(stage.imageRange.start);
    const b = at(stage.imageRange.end);
    if (stage.parent) region(ctx, a, b, T.class);
    else imageTokens(ctx, a, b);
  }
  if (stage.asRange) ctx.sink.add(at(stage.asRange.start), at(stage.asRange.end), T.keyword);
  if (stage.nameRange) region(ctx, at(stage.nameRange.start), at(stage.nameRange.end), T.class, DECLARATION);
}

/** `name=value` pairs (ARG, ENV, LABEL): the name, `=`, and the value up to the next name. */
function assignments(ctx: Ctx, names: { start: number; end: number }[], end: number, nameType: number, nameMod: number): void {
  const text = ctx.text;
  names.forEach((n, i) => {
    region(ctx, n.start, n.end, nameType, nameMod);
    let v = n.end;
    if (text[v] === '=') {
      ctx.sink.add(v, v + 1, T.operator);
      v++;
    }
    const stop = i + 1 < names.length ? names[i + 1].start : end;
    if (stop > v) valueRegion(ctx, v, stop, T.string);
  });
}

function exposeWord(ctx: Ctx, a: number, b: number): void {
  const w = ctx.text.slice(a, b);
  if (w.includes('$')) return valueRegion(ctx, a, b, T.number);
  const m = /^(\d+)(?:(-)(\d+))?(?:(\/)([A-Za-z]+))?$/.exec(w);
  if (!m) return;
  let i = a;
  const piece = (s: string | undefined, type: number) => {
    if (s === undefined) return;
    ctx.sink.add(i, i + s.length, type);
    i += s.length;
  };
  piece(m[1], T.number);
  piece(m[2], T.operator);
  piece(m[3], T.number);
  piece(m[4], T.operator);
  piece(m[5], T.enumMember);
}

function flagTokens(ctx: Ctx, ins: Instruction, f: Flag): void {
  const at = (p: { line: number; character: number }) => ctx.model.lines.offsetAt(p);
  const start = at(f.range.start);
  const nameEnd = at(f.nameRange.end);
  ctx.sink.add(start, nameEnd, T.parameter);
  if (ctx.text[nameEnd] === '=') ctx.sink.add(nameEnd, nameEnd + 1, T.operator);
  if (!f.valueRange) return;
  const a = at(f.valueRange.start);
  const b = at(f.valueRange.end);
  if (b <= a) return;
  if (f.name === 'mount' && ins.keyword === 'RUN') return mountTokens(ctx, a, b);
  const info = flagInfo(ins.keyword, f.name);
  const kind = info?.value;
  if (kind === 'source') return sourceTokens(ctx, a, b);
  if (ctx.text.slice(a, b).includes('$')) return valueRegion(ctx, a, b, T.string);
  if (kind && ENUM_FLAG_VALUES.has(kind)) return region(ctx, a, b, T.enumMember);
  if (kind && NUMERIC_FLAG_VALUES.has(kind) && /^[0-9][0-9a-zµ.]*$/.test(ctx.text.slice(a, b))) return region(ctx, a, b, T.number);
  valueRegion(ctx, a, b, T.string);
}

/** `--from=` / `from=`: a stage (by name or index), else an image. */
function sourceTokens(ctx: Ctx, a: number, b: number): void {
  const v = ctx.text.slice(a, b);
  if (ctx.stageNames.has(v.toLowerCase()) || (/^\d+$/.test(v) && Number(v) < ctx.stageCount)) return region(ctx, a, b, T.class);
  imageTokens(ctx, a, b);
}

/** `type=cache,target=/root/.cache,sharing=locked`: keys, `=`, `,`, values by key. */
function mountTokens(ctx: Ctx, a: number, b: number): void {
  const text = ctx.text;
  let i = a;
  while (i < b) {
    let j = i;
    let quote = '';
    while (j < b && (quote || text[j] !== ',')) {
      if (quote && text[j] === quote) quote = '';
      else if (!quote && (text[j] === '"' || text[j] === "'")) quote = text[j];
      j++;
    }
    const field = text.slice(i, j);
    const eq = field.indexOf('=');
    if (field.startsWith('"') || field.startsWith("'")) valueRegion(ctx, i, j, T.string);
    else if (eq < 0) region(ctx, i, j, T.property); // a bare option: `readonly`, `required`
    else {
      const key = field.slice(0, eq).toLowerCase();
      region(ctx, i, i + eq, T.property);
      ctx.sink.add(i + eq, i + eq + 1, T.operator);
      const va = i + eq + 1;
      if (va < j) {
        const value = text.slice(va, j);
        if (value.includes('$')) valueRegion(ctx, va, j, T.string);
        else if (key === 'from') sourceTokens(ctx, va, j);
        else if (MOUNT_ENUM_KEYS.has(key)) region(ctx, va, j, T.enumMember);
        else if (MOUNT_NUMBER_KEYS.has(key) && /^\d/.test(value)) region(ctx, va, j, T.number);
        else valueRegion(ctx, va, j, T.string);
      }
    }
    if (j < b) ctx.sink.add(j, j + 1, T.operator);
    i = j + 1;
  }
}

/** `[registry/]path/name[:tag][@digest]`; with variables, their parts only. */
function imageTokens(ctx: Ctx, a: number, b: number): void {
  const text = ctx.text.slice(a, b);
  if (!text) return;
  if (/[$\n'"]/.test(text) || text.includes(ctx.esc)) return valueRegion(ctx, a, b, T.type);
  if (text.toLowerCase() === 'scratch') return ctx.sink.add(a, b, T.type, DEFAULT_LIBRARY);
  const atSign = text.indexOf('@');
  const name = atSign >= 0 ? text.slice(0, atSign) : text;
  const slash = name.lastIndexOf('/');
  const colon = name.indexOf(':', slash + 1);
  const nameEnd = colon >= 0 ? colon : name.length;
  const sink = ctx.sink;
  if (slash >= 0) sink.add(a, a + slash + 1, T.namespace);
  sink.add(a + slash + 1, a + nameEnd, T.type);
  if (colon >= 0) {
    sink.add(a + colon, a + colon + 1, T.operator);
    sink.add(a + colon + 1, a + name.length, T.string);
  }
  if (atSign >= 0) {
    sink.add(a + atSign, a + atSign + 1, T.operator);
    sink.add(a + atSign + 1, b, T.string);
  }
}

/** RUN, CMD, ENTRYPOINT, HEALTHCHECK CMD bodies: exec form, shell, or a heredoc script. */
function bodyTokens(ctx: Ctx, ins: Instruction, a: number, b: number): void {
  if (ins.isJson || (ins.keyword === 'HEALTHCHECK' && ctx.text[a] === '[')) return jsonRegion(ctx, a, b, true);
  if (ins.heredocs.length) return heredocInstruction(ctx, ins, a, b, true);
  if (!ins.posixShell) return valueRegion(ctx, a, b, NONE);
  const lg = dockerLogical(ctx.text, a, b, ctx.esc);
  lexShell(lg.chars, 0, lg.chars.length, logicalEmit(ctx.sink, lg), null);
}

/**
 * An instruction with heredocs: the head line(s) as usual, `<<` and the delimiters, and the
 * body as a shell script when it is one (`RUN <<EOF`, `RUN bash <<EOF`); data bodies get none.
 */
function heredocInstruction(ctx: Ctx, ins: Instruction, a: number, b: number, shell: boolean): void {
  const lines = ctx.model.lines;
  const at = (p: { line: number; character: number }) => lines.offsetAt(p);
  const first = ins.heredocs[0];
  const bodyLine = first.contentRange?.start.line ?? first.endRange?.start.line ?? ins.range.end.line + 1;
  const headEnd = Math.min(b, bodyLine > 0 ? lines.lineEnd(bodyLine - 1) : b);
  for (const h of ins.heredocs) {
    const s = at(h.startRange.start);
    const e = at(h.startRange.end);
    const opLen = ctx.text.startsWith('<<-', s) ? 3 : 2;
    ctx.sink.add(s, s + opLen, T.operator);
    ctx.sink.add(s + opLen, e, T.keyword);
    if (h.endRange) ctx.sink.add(at(h.endRange.start), at(h.endRange.end), T.keyword);
  }
  const lg = dockerLogical(ctx.text, a, headEnd, ctx.esc);
  if (shell && ins.posixShell) lexShell(lg.chars, 0, lg.chars.length, logicalEmit(ctx.sink, lg), null);
  else valueRegion(ctx, a, headEnd, NONE);
  if (!shell || !ins.posixShell || !first.contentRange) return;
  const head = lg.chars.trimStart();
  const command = head.startsWith('<<') ? '' : /^\S+/.exec(head)?.[0] ?? '';
  const script = command === '' || SHELLS.has(command.slice(command.lastIndexOf('/') + 1));
  if (!script) return;
  const bodyStart = at(first.contentRange.start);
  const bodyEnd = at(first.contentRange.end);
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(ctx.text.slice(bodyStart, Math.min(bodyEnd, bodyStart + 200)));
  if (shebang) {
    const prog = (shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1]).replace(/^.*\//, '');
    if (!SHELLS.has(prog)) return;
  }
  lexShell(ctx.text, bodyStart, bodyEnd, (s, e, t, m) => ctx.sink.add(s, e, t, m), null);
}

/** Emits a token of the logical text as the document pieces it covers. */
function logicalEmit(sink: Sink, lg: Logical): Emit {
  const map = lg.map;
  return (ls, le, type, mod = 0) => {
    if (type < 0) return;
    let i = ls;
    while (i < le) {
      let j = i + 1;
      while (j < le && map[j] === map[j - 1] + 1) j++;
      sink.add(map[i], map[j - 1] + 1, type, mod);
      i = j;
    }
  };
}

/** A token over a document region, cut around continuations when it spans lines. */
function region(ctx: Ctx, a: number, b: number, type: number, mod = 0): void {
  const nl = ctx.text.indexOf('\n', a);
  if (nl < 0 || nl >= b) return ctx.sink.add(a, b, type, mod);
  const lg = dockerLogical(ctx.text, a, b, ctx.esc);
  logicalEmit(ctx.sink, lg)(0, lg.chars.length, type, mod);
}

/** Dockerfile words: quoted strings, variables, and the rest as `base`. */
function valueRegion(ctx: Ctx, a: number, b: number, base: number): void {
  const lg = dockerLogical(ctx.text, a, b, ctx.esc);
  lexValue(lg.chars, 0, lg.chars.length, base, ctx.esc, logicalEmit(ctx.sink, lg));
}

/** Each whitespace-separated word of a region, given to `word` with its document offsets. */
function wordsRegion(ctx: Ctx, a: number, b: number, word: (ctx: Ctx, a: number, b: number) => void): void {
  const text = ctx.text;
  let i = a;
  while (i < b) {
    while (i < b && /\s/.test(text[i])) i++;
    let j = i;
    while (j < b && !/\s/.test(text[j])) j++;
    if (j > i && !(j === i + 1 && text[i] === ctx.esc)) word(ctx, i, j);
    i = j;
  }
}

function jsonRegion(ctx: Ctx, a: number, b: number, exec: boolean): void {
  const lg = dockerLogical(ctx.text, a, b, ctx.esc);
  const s = lg.chars;
  const emit = logicalEmit(ctx.sink, lg);
  let first = exec;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '[' || c === ']' || c === ',') {
      emit(i, i + 1, T.operator);
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      j = Math.min(j + 1, s.length);
      emit(i, j, first ? T.function : T.string);
      first = false;
      i = j;
    } else i++;
  }
}

// ---------------------------------------------------------------------------------------
// Lexers over a string (logical text of an instruction, or a heredoc body in place)

/**
 * Dockerfile-level words (ENV/LABEL values, COPY paths…): `"…"` and `'…'` are strings (with
 * variables inside double quotes), `$VAR`/`${…}` variables, other characters `base`.
 */
function lexValue(s: string, i: number, to: number, base: number, esc: string, emit: Emit): void {
  let run = -1;
  const flush = (at: number) => {
    if (run >= 0) emit(run, at, base);
    run = -1;
  };
  while (i < to) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      flush(i);
      i++;
    } else if (c === esc && i + 1 < to) {
      if (run < 0) run = i;
      i += 2;
    } else if (c === '"' || c === "'") {
      flush(i);
      i = c === "'" ? singleQuoted(s, i, to, emit) : doubleQuoted(s, i, to, emit, esc, false);
    } else if (c === '$') {
      const e = variable(s, i, to, emit, esc, false);
      if (e > i) {
        flush(i);
        i = e;
      } else {
        if (run < 0) run = i;
        i++;
      }
    } else {
      if (run < 0) run = i;
      i++;
    }
  }
  flush(to);
}

function singleQuoted(s: string, i: number, to: number, emit: Emit): number {
  const close = s.indexOf("'", i + 1);
  const e = close < 0 || close >= to ? to : close + 1;
  emit(i, e, T.string);
  return e;
}

/** `"…"` from i (the quote); expansions inside are tokens of their own. Returns the index after it. */
function doubleQuoted(s: string, i: number, to: number, emit: Emit, esc: string, shell: boolean): number {
  let run = i;
  let j = i + 1;
  while (j < to && s[j] !== '"') {
    const c = s[j];
    if (c === esc) {
      j += 2;
    } else if (c === '$' || (shell && c === '`')) {
      const e = shell ? expansion(s, j, to, emit) : variable(s, j, to, emit, esc, false);
      if (e > j) {
        emit(run, j, T.string);
        run = e;
        j = e;
      } else j++;
    } else j++;
  }
  const end = Math.min(j + 1, to);
  emit(run, end, T.string);
  return end;
}

/**
 * `$NAME`, `${NAME}`, `${NAME:-word}` (and the other modifiers) from i. Emits the variable (with
 * `${`/`}`), the modifier operator and the word; returns the index after it, or i if none.
 */
function variable(s: string, i: number, to: number, emit: Emit, esc: string, shell: boolean): number {
  if (nesting >= MAX_NESTING) return i;
  nesting++;
  try {
    return variableAt(s, i, to, emit, esc, shell);
  } finally {
    nesting--;
  }
}

function variableAt(s: string, i: number, to: number, emit: Emit, esc: string, shell: boolean): number {
  const n = s[i + 1];
  if (n === '{') {
    let k = i + 2;
    while (k < to && /[A-Za-z0-9_]/.test(s[k])) k++;
    if (shell && k === i + 2 && k < to && /[@*#?$!-]/.test(s[k])) k++;
    const name = s.slice(i + 2, k);
    // the matching brace (nested `${…}` counted)
    let depth = 1;
    let j = k;
    while (j < to) {
      const c = s[j];
      if (c === esc || (shell && c === '\\')) j++;
      else if (c === '$' && s[j + 1] === '{') {
        depth++;
        j++;
      } else if (c === '}' && --depth === 0) break;
      j++;
    }
    const close = Math.min(j, to);
    const mod = wellKnown(name);
    if (k >= close) {
      emit(i, Math.min(close + 1, to), T.variable, mod);
      return Math.min(close + 1, to);
    }
    emit(i, k, T.variable, mod);
    const op = /^(?::?[-+?=]|##?|%%?|\/\/?|\^\^?|,,?|:)/.exec(s.slice(k, Math.min(k + 2, close)));
    let w = k;
    if (op) {
      emit(k, k + op[0].length, T.operator);
      w = k + op[0].length;
    }
    if (shell) lexShellWord(s, w, close, emit, T.string);
    else lexValue(s, w, close, T.string, esc, emit);
    if (close < to) emit(close, close + 1, T.variable, mod);
    return Math.min(close + 1, to);
  }
  if (n !== undefined && /[A-Za-z_]/.test(n)) {
    let k = i + 2;
    while (k < to && /[A-Za-z0-9_]/.test(s[k])) k++;
    k = Math.min(k, to);
    emit(i, k, T.variable, wellKnown(s.slice(i + 1, k)));
    return k;
  }
  if (shell && n !== undefined && /[0-9@*#?$!-]/.test(n) && i + 2 <= to) {
    emit(i, i + 2, T.variable);
    return i + 2;
  }
  return i;
}

function wellKnown(name: string): number {
  return WELL_KNOWN_VARS.has(name) ? DEFAULT_LIBRARY : 0;
}

/**
 * Nesting of `$(…)`, `${…:-…}` and backquotes being lexed. Past MAX_NESTING the rest is left
 * plain: a run of 25,000 `$(` or `${` used to exceed the call stack (the crash users report of
 * other servers' semantic tokens).
 */
let nesting = 0;
const MAX_NESTING = 64;

/** Shell `$…` and backquote expansions from i: variables, `$(…)`, `$((…))`, `` `…` ``. */
function expansion(s: string, i: number, to: number, emit: Emit): number {
  if (nesting >= MAX_NESTING) return i;
  nesting++;
  try {
    return nestedExpansion(s, i, to, emit);
  } finally {
    nesting--;
  }
}

function nestedExpansion(s: string, i: number, to: number, emit: Emit): number {
  if (s[i] === '`') {
    const close = findBackquote(s, i + 1, to);
    emit(i, i + 1, T.operator);
    lexShell(s, i + 1, close, emit, null);
    if (close < to) emit(close, close + 1, T.operator);
    return Math.min(close + 1, to);
  }
  if (s[i + 1] === '(' && s[i + 2] === '(') {
    const close = skipParens(s, i + 1, to); // after the outer `)`
    emit(i, i + 3, T.operator);
    for (let k = i + 3; k < close - 2; ) {
      if (s[k] === '$') {
        const e = variable(s, k, close - 2, emit, '\\', true);
        k = e > k ? e : k + 1;
      } else k++;
    }
    if (close - 2 >= i + 3) emit(close - 2, close, T.operator);
    return close;
  }
  if (s[i + 1] === '(') {
    emit(i, i + 2, T.operator);
    const close = lexShell(s, i + 2, to, emit, ')');
    if (close < to && s[close] === ')') {
      emit(close, close + 1, T.operator);
      return close + 1;
    }
    return close;
  }
  if (s[i + 1] === "'") return singleQuotedAnsi(s, i, to, emit);
  return variable(s, i, to, emit, '\\', true);
}

function singleQuotedAnsi(s: string, i: number, to: number, emit: Emit): number {
  let j = i + 2;
  while (j < to && s[j] !== "'") j += s[j] === '\\' ? 2 : 1;
  const e = Math.min(j + 1, to);
  emit(i, e, T.string);
  return e;
}

function findBackquote(s: string, i: number, to: number): number {
  while (i < to && s[i] !== '`') i += s[i] === '\\' ? 2 : 1;
  return Math.min(i, to);
}

/** Index after the `)` that closes the `(` at i (quotes skipped); `to` if unclosed. */
function skipParens(s: string, i: number, to: number): number {
  let depth = 0;
  while (i < to) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const q = s.indexOf("'", i + 1);
      i = q < 0 || q >= to ? to : q;
    } else if (c === '"') {
      let j = i + 1;
      while (j < to && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    i++;
  }
  return to;
}

const REDIRECT = /\d*(?:[<>]&(?:\d+|-)?|>>|<<<|<<-|<<|<>|>\||>|<)|&>>?/y;
const OPERATOR = /&&|\|\||;;&?|;&|\|&|[|;&()]/y;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

/**
 * A shell script from i to `to`; with `stop` (`)`), returns at the unmatched stop character.
 * Tracks command position to tell command names (`function`) and reserved words from
 * arguments; options are `parameter`. Heredoc bodies inside the script are skipped (data).
 */
function lexShell(s: string, i: number, to: number, emit: Emit, stop: ')' | null): number {
  let commandPos = true;
  let afterRedirect: '' | 'file' | 'heredoc' = '';
  let forVar = false;
  let expectIn: '' | 'for' | 'case' = '';
  /** Open `case` statements, and whether a pattern (`a | b)`) is expected. */
  let cases = 0;
  let pattern = false;
  let depth = 0;
  const heredocs: { delim: string; strip: boolean }[] = [];
  while (i < to) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      i++;
      commandPos = true;
      if (heredocs.length && stop === null) i = skipHeredocBodies(s, i, to, heredocs.splice(0), emit);
      continue;
    }
    if (c === '\\' && s[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (stop && c === stop && depth === 0 && !pattern) return i;
    if (c === '#') {
      let e = s.indexOf('\n', i);
      if (e < 0 || e > to) e = to;
      if (e > i && s[e - 1] === '\r') e--;
      emit(i, e, T.comment);
      i = e;
      continue;
    }
    REDIRECT.lastIndex = i;
    const r = REDIRECT.exec(s);
    if (r) {
      emit(i, i + r[0].length, T.operator);
      i += r[0].length;
      afterRedirect = r[0].endsWith('<<') || r[0].endsWith('<<-') ? 'heredoc' : 'file';
      if (afterRedirect === 'heredoc') heredocs.push({ delim: '', strip: r[0].endsWith('-') });
      continue;
    }
    OPERATOR.lastIndex = i;
    const o = OPERATOR.exec(s);
    if (o) {
      const op = o[0];
      emit(i, i + op.length, T.operator);
      i += op.length;
      if (pattern) {
        // `(a | b)` before a case branch: the `|` separates patterns, `)` ends them
        if (op === ')') {
          pattern = false;
          commandPos = true;
        }
        continue;
      }
      if (op === '(') depth++;
      if (op === ')') depth--;
      if (cases > 0 && op.startsWith(';') && op !== ';') pattern = true; // `;;`, `;&`, `;;&`
      commandPos = true;
      continue;
    }
    // a word
    const end = wordEnd(s, i, to);
    if (end === i) {
      i++;
      continue;
    }
    const raw = s.slice(i, end);
    if (pattern) {
      if (raw === 'esac') {
        emit(i, end, T.keyword);
        cases--;
        pattern = false;
        commandPos = false;
      } else lexShellWord(s, i, end, emit, NONE);
    } else if (afterRedirect) {
      if (afterRedirect === 'heredoc') {
        emit(i, end, T.keyword);
        const h = heredocs[heredocs.length - 1];
        if (h) h.delim = raw.replace(/["'\\]/g, '');
      } else lexShellWord(s, i, end, emit, NONE);
      afterRedirect = '';
    } else if (forVar) {
      emit(i, end, T.variable, DECLARATION);
      forVar = false;
    } else if (expectIn && raw === 'in') {
      emit(i, end, T.keyword);
      if (expectIn === 'case') pattern = true;
      expectIn = '';
      commandPos = false;
    } else if (commandPos && ASSIGNMENT.test(raw)) {
      const eq = raw.indexOf('=');
      const nameEnd = raw[eq - 1] === '+' ? eq - 1 : eq;
      emit(i, i + nameEnd, T.variable, DECLARATION);
      emit(i + nameEnd, i + eq + 1, T.operator);
      lexShellWord(s, i + eq + 1, end, emit, NONE);
    } else if (commandPos && SHELL_RESERVED.has(raw)) {
      emit(i, end, T.keyword);
      commandPos = RESERVED_THEN_COMMAND.has(raw);
      if (raw === 'for' || raw === 'select') {
        forVar = true;
        expectIn = 'for';
      } else if (raw === 'case') {
        expectIn = 'case';
        cases++;
      } else if (raw === 'esac') cases = Math.max(0, cases - 1);
    } else if (commandPos) {
      lexShellWord(s, i, end, emit, T.function);
      commandPos = false;
    } else if (raw.startsWith('-') && raw.length > 1) {
      const eq = raw.indexOf('=');
      const optEnd = eq < 0 ? end : i + eq;
      lexShellWord(s, i, optEnd, emit, T.parameter);
      if (eq >= 0) {
        emit(optEnd, optEnd + 1, T.operator);
        lexShellWord(s, optEnd + 1, end, emit, NONE);
      }
    } else {
      lexShellWord(s, i, end, emit, NONE);
    }
    i = end;
  }
  return to;
}

/** Skips the bodies of pending heredocs (each up to its delimiter line, emitted as `keyword`). */
function skipHeredocBodies(s: string, i: number, to: number, pending: { delim: string; strip: boolean }[], emit: Emit): number {
  for (const h of pending) {
    while (i < to) {
      let e = s.indexOf('\n', i);
      if (e < 0 || e > to) e = to;
      const lineEnd = e > i && s[e - 1] === '\r' ? e - 1 : e;
      let lineStart = i;
      if (h.strip) while (lineStart < lineEnd && s[lineStart] === '\t') lineStart++;
      const line = s.slice(lineStart, lineEnd);
      i = Math.min(e + 1, to);
      if (h.delim && line === h.delim) {
        emit(lineStart, lineEnd, T.keyword);
        break;
      }
    }
  }
  return i;
}

/** End of the shell word starting at i (quotes and expansions skipped whole). */
function wordEnd(s: string, i: number, to: number): number {
  while (i < to) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>') break;
    if (c === '\\') i += 2;
    else if (c === "'") {
      const q = s.indexOf("'", i + 1);
      i = q < 0 || q >= to ? to : q + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < to && s[j] !== '"') {
        if (s[j] === '\\') j++;
        else if (s[j] === '$' && s[j + 1] === '(') j = skipParens(s, j + 1, to) - 1;
        j++;
      }
      i = j + 1;
    } else if (c === '$' && s[i + 1] === '(') i = skipParens(s, i + 1, to);
    else if (c === '$' && s[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < to; j++) {
        if (s[j] === '\\') j++;
        else if (s[j] === '{') depth++;
        else if (s[j] === '}' && --depth === 0) break;
      }
      i = j + 1;
    } else if (c === '`') i = findBackquote(s, i + 1, to) + 1;
    else i++;
  }
  return Math.min(i, to);
}

/** The parts of one shell word: plain runs as `plain`, quotes as strings, expansions. */
function lexShellWord(s: string, i: number, to: number, emit: Emit, plain: number): void {
  let run = -1;
  const flush = (at: number) => {
    if (run >= 0) emit(run, at, plain);
    run = -1;
  };
  while (i < to) {
    const c = s[i];
    if (c === '\\') {
      if (run < 0) run = i;
      i += 2;
    } else if (c === "'") {
      flush(i);
      i = singleQuoted(s, i, to, emit);
    } else if (c === '"') {
      flush(i);
      i = doubleQuoted(s, i, to, emit, '\\', true);
    } else if (c === '$' || c === '`') {
      const e = expansion(s, i, to, emit);
      if (e > i) {
        flush(i);
        i = e;
      } else {
        if (run < 0) run = i;
        i++;
      }
    } else if (c === ' ' || c === '\t' || c === '\n') {
      flush(i);
      i++;
    } else {
      if (run < 0) run = i;
      i++;
    }
  }
  flush(Math.min(i, to));
}

// ---------------------------------------------------------------------------------------
// Encoding

/** LSP's relative encoding; tokens that span lines are cut at each line end (CR excluded). */
function encode(model: DocModel, sink: Sink): number[] {
  const starts = model.lines.lineStarts;
  const text = model.text;
  const data: number[] = [];
  let line = 0;
  let prevLine = 0;
  let prevChar = 0;
  const lineContentEnd = (l: number) => {
    if (l + 1 >= starts.length) return text.length;
    let e = starts[l + 1] - 1;
    if (e > starts[l] && text.charCodeAt(e - 1) === 13) e--;
    return e;
  };
  const push = (l: number, a: number, b: number, type: number, mod: number) => {
    const ch = a - starts[l];
    data.push(l - prevLine, l === prevLine ? ch - prevChar : ch, b - a, type, mod);
    prevLine = l;
    prevChar = ch;
  };
  for (let k = 0; k < sink.length; k++) {
    let a = sink.s[k];
    const b = sink.e[k];
    while (line + 1 < starts.length && starts[line + 1] <= a) line++;
    for (;;) {
      const le = lineContentEnd(line);
      if (b <= le || line + 1 >= starts.length) {
        if (b > a) push(line, a, b, sink.t[k], sink.m[k]);
        break;
      }
      if (le > a) push(line, a, le, sink.t[k], sink.m[k]);
      line++;
      a = starts[line];
    }
  }
  return data;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
