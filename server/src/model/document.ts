/**
 * The document model every feature reads: built once per document version from
 * dockerfile-ast, with stages, instructions (keyword, flags, arguments, exact
 * ranges), parser directives, comments, heredocs, variables in scope and a lazily
 * parsed shell model of each shell body.
 */
import {
  DockerfileParser,
  type Dockerfile,
  type Instruction as AstInstruction,
  Instruction as AstInstructionClass,
  type Heredoc as AstHeredoc,
  From,
  Onbuild,
  JSONInstruction,
  Healthcheck,
  Env,
  Arg,
  ModifiableInstruction,
} from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import { LineIndex } from './text';
import { parseShell, type ShellScript } from './shell';

export interface Flag {
  /** Name without the leading dashes: `mount`. */
  name: string;
  value: string | null;
  /** Whole flag as written, `--mount=type=cache`. */
  range: Range;
  /** The name as written, without dashes. */
  nameRange: Range;
  valueRange: Range | null;
}

export interface Word {
  value: string;
  range: Range;
}

export interface Heredoc {
  name: string;
  /** `<<EOF` (with its operator). */
  startRange: Range;
  /** The body; null when the heredoc is unterminated or empty. */
  contentRange: Range | null;
  /** The closing delimiter line; null when unterminated. */
  endRange: Range | null;
}

export interface VarDef {
  name: string;
  value: string | null;
  kind: 'ARG' | 'ENV';
  nameRange: Range;
  instruction: Instruction;
}

export interface Instruction {
  /** Upper-cased keyword: `FROM`. */
  keyword: string;
  /** The keyword as written: `from`. */
  keywordText: string;
  keywordRange: Range;
  /** From the keyword to the end of the last argument (continuations included). */
  range: Range;
  flags: Flag[];
  /** Arguments after the flags (JSON strings for exec form). */
  args: Word[];
  /** True when the arguments are a JSON array (exec form). */
  isJson: boolean;
  /** Range of the arguments after the flags, or null when there are none. */
  argsRange: Range | null;
  heredocs: Heredoc[];
  /** The stage this instruction belongs to; undefined for ARGs before the first FROM. */
  stage?: Stage;
  /** For a trigger inside `ONBUILD`, the ONBUILD instruction; findings anchor there. */
  onbuild?: Instruction;
  /** For `ONBUILD`, the instruction it wraps. */
  trigger?: Instruction;
  /** Index among the top-level instructions. */
  index: number;
  /**
   * Shell model of the body (RUN, shell-form CMD/ENTRYPOINT, HEALTHCHECK CMD); undefined when
   * not a shell body, or when the shell in effect is not a POSIX shell (PowerShell, cmd).
   */
  readonly shell: ShellScript | undefined;
  /** The shell that runs shell-form bodies here: the SHELL in effect, else `/bin/sh -c`. */
  shellCommand: string[];
  /** False when the shell in effect (SHELL, or `# hadolint shell=`) is PowerShell or cmd. */
  posixShell: boolean;
  ast: AstInstruction;
}

export interface Stage {
  index: number;
  /** Stage name as written after AS, if any. */
  name?: string;
  nameRange?: Range;
  /** The `AS` keyword's range, if present. */
  asRange?: Range;
  from: Instruction;
  /** The base image reference as written (`python:3.11-slim`, `$BASE`, or a stage name). */
  image?: string;
  imageRange?: Range;
  /** The earlier stage this one is built `FROM`, if any. */
  parent?: Stage;
  instructions: Instruction[];
  /** ARG and ENV definitions made in this stage, in order. */
  vars: VarDef[];
  /** The SHELL in effect at the end of the stage (inherited from a parent stage). */
  shell: string[];
}

export interface Directive {
  name: string;
  value: string;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

export interface CommentLine {
  line: number;
  /** Text after `#`, trimmed. */
  content: string;
  range: Range;
}

export interface DocModel {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  escapeChar: string;
  directives: Directive[];
  comments: CommentLine[];
  /** Top-level instructions in order. */
  instructions: Instruction[];
  stages: Stage[];
  /** ARGs before the first FROM. */
  globalArgs: VarDef[];
  ast: Dockerfile;
}

// dockerfile-ast re-tokenizes an instruction's arguments on every call, and calls that
// itself many times while parsing. Instructions never change after parsing, so keep the
// first result per instance (callers get a copy: some of them shift() it).
{
  const proto = AstInstructionClass.prototype as unknown as { getRawArguments(): unknown[]; __dxRawArgs?: unknown[] };
  const original = proto.getRawArguments;
  if (!(original as { memoized?: boolean }).memoized) {
    const memo = function (this: typeof proto): unknown[] {
      return (this.__dxRawArgs ??= original.call(this)).slice();
    };
    (memo as { memoized?: boolean }).memoized = true;
    proto.getRawArguments = memo;
  }
}

const SHELL_BODY = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
const DEFAULT_SHELL = ['/bin/sh', '-c'];

/** Whether a shell (path or name) is POSIX-like; hadolint turns shell rules off for the others. */
export function isPosixShell(shell: string): boolean {
  return !/(?:^|[\\/])(?:pwsh|powershell|cmd)(?:\.exe)?$/i.test(shell.trim()) && !/pwsh|powershell/i.test(shell);
}
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/**
 * Stand-ins, in the text given to dockerfile-ast, for a line-final escape character (`\\` or
 * `` ` ``) that the builder does not read as a continuation. One UTF-16 unit each, so every
 * range stays true.
 */
const LITERAL_BACKSLASH = '\uE000';
const LITERAL_BACKTICK = '\uE001';

/** The escape character a document's directives choose (`\\` unless `# escape=\``). */
function leadingEscapeDirective(text: string): string {
  const m = /^(?:[ \t]*#[ \t]*[A-Za-z]+[ \t]*=[^\n]*\n)*?[ \t]*#[ \t]*escape[ \t]*=[ \t]*(`)[ \t]*\r?(?:\n|$)/i.exec(text);
  return m ? '`' : '\\';
}

/**
 * The builder reads an escape character at the end of a line as a continuation only when the
 * character before it is not an escape too: `COPY a.dll C:\\Windows\\` followed by a new line
 * ends the instruction (a Windows path), while dockerfile-ast would join the next line to it.
 * The last escape of such a line is replaced by a stand-in for dockerfile-ast only.
 */
function protectLiteralEscapes(text: string): string {
  const esc = leadingEscapeDirective(text);
  if (!text.includes(esc + esc)) return text;
  const e = esc === '`' ? '`' : '\\\\';
  return text.replace(new RegExp(`${e}${e}(?=[ \\t]*(?:\\r?\\n|$))`, 'g'), esc + (esc === '`' ? LITERAL_BACKTICK : LITERAL_BACKSLASH));
}

/** Undoes protectLiteralEscapes in a value read from dockerfile-ast. */
function restoreEscapes<T extends string | null>(value: T): T {
  if (value === null || !/[\uE000\uE001]/.test(value)) return value;
  return value.replace(/\uE000/g, '\\').replace(/\uE001/g, '`') as T;
}

export function parseDocument(text: string, uri = 'untitled:Dockerfile', version = 0): DocModel {
  // A BOM is not part of the first instruction: blank it out (keeps offsets stable).
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const ast = DockerfileParser.parse(protectLiteralEscapes(source));
  const lines = new LineIndex(source);
  const escapeChar = safe(() => ast.getEscapeCharacter(), '\\') || '\\';
  const model: DocModel = {
    uri,
    version,
    text: source,
    lines,
    escapeChar,
    directives: [],
    comments: [],
    instructions: [],
    stages: [],
    globalArgs: [],
    ast,
  };

  // dockerfile-ast reads any leading `# a b=c` line as a directive; BuildKit only knows
  // single-word keys. Keep the real ones and turn the others back into comments.
  let inDirectiveBlock = true;
  for (const d of safe(() => ast.getDirectives(), [])) {
    const name = d.getName().toLowerCase();
    if (inDirectiveBlock && KNOWN_DIRECTIVES.has(name) && /^[A-Za-z][A-Za-z0-9]*$/.test(d.getName())) {
      model.directives.push({ name, value: d.getValue(), range: d.getRange(), nameRange: d.getNameRange(), valueRange: d.getValueRange() });
      continue;
    }
    inDirectiveBlock = false;
    const r = d.getRange();
    const line = lines.lineText(r.start.line);
    model.comments.push({ line: r.start.line, content: line.slice(line.indexOf('#') + 1).trim(), range: r });
  }
  for (const c of safe(() => ast.getComments(), [])) {
    const r = c.getRange();
    model.comments.push({ line: r.start.line, content: c.getContent().trim(), range: r });
  }
  model.comments.sort((a, b) => a.line - b.line);

  let stage: Stage | undefined;
  const byName = new Map<string, Stage>();
  // `# hadolint shell=<name>` pragmas, applied from their line on.
  const shellPragmas = model.comments
    .map((c) => ({ line: c.line, m: /^hadolint\s+shell\s*=\s*(\S+)/.exec(c.content) }))
    .filter((p): p is { line: number; m: RegExpExecArray } => !!p.m);
  let pragmaShell: string | undefined;
  let nextPragma = 0;
  ast.getInstructions().forEach((ai, index) => {
    const ins = makeInstruction(model, ai, index);
    while (nextPragma < shellPragmas.length && shellPragmas[nextPragma].line < ins.range.start.line) {
      pragmaShell = shellPragmas[nextPragma++].m[1];
    }
    if (ins.keyword === 'FROM') {
      stage = makeStage(model.stages.length, ins, ai as From, byName);
      stage.shell = stage.parent?.shell ?? DEFAULT_SHELL;
      model.stages.push(stage);
      const key = stage.name?.toLowerCase();
      if (key && !byName.has(key)) byName.set(key, stage);
    }
    ins.stage = stage;
    if (ins.trigger) ins.trigger.stage = stage;
    const shell = stage?.shell ?? DEFAULT_SHELL;
    for (const i of ins.trigger ? [ins, ins.trigger] : [ins]) {
      i.shellCommand = shell;
      i.posixShell = isPosixShell(shell[0] ?? '') && (pragmaShell === undefined || isPosixShell(pragmaShell));
    }
    if (ins.keyword === 'SHELL' && stage && ins.isJson && ins.args.length) {
      stage.shell = ins.args.map((a) => a.value);
      pragmaShell = undefined; // a SHELL instruction overrides an earlier shell pragma
    }
    stage?.instructions.push(ins);
    if (ins.keyword === 'ARG' || ins.keyword === 'ENV') {
      const defs = varDefs(ins);
      if (stage) stage.vars.push(...defs);
      else if (ins.keyword === 'ARG') model.globalArgs.push(...defs);
    }
    model.instructions.push(ins);
  });
  return model;
}

function makeStage(index: number, ins: Instruction, from: From, byName: Map<string, Stage>): Stage {
  const stage: Stage = { index, from: ins, instructions: [], vars: [], shell: DEFAULT_SHELL };
  const image = safe(() => from.getImage(), null);
  if (image !== null) {
    stage.image = image;
    stage.imageRange = safe(() => from.getImageRange(), null) ?? undefined;
    stage.parent = byName.get(image.toLowerCase());
  }
  const name = safe(() => from.getBuildStage(), null);
  if (name) {
    stage.name = name;
    stage.nameRange = safe(() => from.getBuildStageRange(), null) ?? undefined;
    const asArg = ins.args.find((a) => a.value.toLowerCase() === 'as');
    if (asArg) stage.asRange = asArg.range;
  }
  return stage;
}

function makeInstruction(model: DocModel, ai: AstInstruction, index: number, onbuild?: Instruction): Instruction {
  const keywordText = ai.getInstruction();
  const keyword = keywordText.toUpperCase();
  const flags: Flag[] =
    ai instanceof ModifiableInstruction
      ? safe(() => ai.getFlags(), []).map((f) => ({
          name: f.getName(),
          value: restoreEscapes(f.getValue()),
          range: f.getRange(),
          nameRange: f.getNameRange(),
          valueRange: f.getValueRange(),
        }))
      : [];
  // dockerfile-ast recomputes arguments on every call: ask once and derive the rest.
  const astArgs = safe(() => ai.getArguments(), []);
  let isJson = false;
  let args: Word[];
  if (ai instanceof JSONInstruction && safe(() => ai.getOpeningBracket(), null) && safe(() => ai.getClosingBracket(), null)) {
    isJson = true;
    const e = model.escapeChar === '`' ? '`' : '\\\\';
    const continuation = new RegExp(`(?<!${e})${e}[ \\t]*\\r?\\n`, 'g');
    // dockerfile-ast's JSON values drop spaces and \u escapes: decode the source text ourselves.
    args = ai.getJSONStrings().map((s) => {
      const range = s.getRange();
      // Line continuations inside a JSON string are removed before Docker reads the JSON.
      const raw = model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end)).replace(continuation, '');
      return { value: safe(() => JSON.parse(raw) as string, s.getJSONValue()), range };
    });
  } else {
    args = astArgs.map((a) => ({ value: restoreEscapes(a.getValue()), range: a.getRange() }));
  }
  const mayHaveHeredoc = HEREDOC_KEYWORDS.has(keyword) && astArgs.some((a) => a.getValue().includes('<<'));
  const heredocs: Heredoc[] = mayHaveHeredoc
    ? safe(() => (ai as unknown as { getHeredocs(): AstHeredoc[] }).getHeredocs(), []).map((h) => ({
        name: h.getName(),
        startRange: h.getStartRange(),
        contentRange: h.getContentRange(),
        endRange: h.getDelimiterRange(),
      }))
    : [];
  // Arguments range after the flags (from the JSON bracket for exec form).
  let argsRange: Range | null = null;
  if (astArgs.length) {
    const jsonOpen = isJson ? (ai as JSONInstruction).getOpeningBracket()?.getRange().start ?? null : null;
    argsRange = { start: jsonOpen ?? astArgs[0].getRange().start, end: astArgs[astArgs.length - 1].getRange().end };
  }
  const ins: Instruction = {
    keyword,
    keywordText,
    keywordRange: ai.getInstructionRange(),
    range: ai.getRange(),
    flags,
    args,
    isJson,
    argsRange,
    heredocs,
    index,
    onbuild,
    ast: ai,
    shell: undefined,
    shellCommand: DEFAULT_SHELL,
    posixShell: true,
  };
  let shellCache: ShellScript | undefined | null = null;
  Object.defineProperty(ins, 'shell', {
    enumerable: false,
    get: () => {
      if (shellCache === null) shellCache = safe(() => buildShell(model, ins), undefined);
      return shellCache;
    },
  });
  if (ai instanceof Onbuild) {
    const t = safe(() => ai.getTriggerInstruction(), null);
    if (t) ins.trigger = makeInstruction(model, t, index, ins);
  }
  return ins;
}

/** The shell body of an instruction, when it has one. */
function buildShell(model: DocModel, ins: Instruction): ShellScript | undefined {
  if (ins.isJson || !ins.argsRange || !ins.posixShell) return undefined;
  let start = model.lines.offsetAt(ins.argsRange.start);
  let end = model.lines.offsetAt(ins.argsRange.end);
  if (ins.keyword === 'HEALTHCHECK') {
    const sub = ins.args[0];
    if (!sub || sub.value.toUpperCase() !== 'CMD') return undefined;
    const rest = ins.args[1];
    if (!rest) return undefined;
    if (model.text[model.lines.offsetAt(rest.range.start)] === '[') return undefined; // exec form
    start = model.lines.offsetAt(rest.range.start);
  } else if (!SHELL_BODY.has(ins.keyword)) {
    return undefined;
  }
  const first = ins.heredocs[0];
  if (first) {
    const firstArg = ins.args[0];
    if (firstArg && firstArg.value.startsWith('<<') && first.contentRange) {
      // RUN <<EOF … EOF: the body is the script.
      return parseShell(model.text, model.lines.offsetAt(first.contentRange.start), model.lines.offsetAt(first.contentRange.end), null);
    }
    // RUN cmd <<EOF: the script is the text up to the heredoc's line end.
    end = Math.min(end, model.lines.lineEnd(first.startRange.start.line));
  }
  return parseShell(model.text, start, end, model.escapeChar);
}

/** Joins arguments split inside quotes (`B="x y"` comes from dockerfile-ast as `B="x` and `y"`). */
function quotedWords(args: Word[]): Word[] {
  const out: Word[] = [];
  let open = false;
  for (const a of args) {
    const last = out[out.length - 1];
    if (open && last) out[out.length - 1] = { value: `${last.value} ${a.value}`, range: { start: last.range.start, end: a.range.end } };
    else out.push(a);
    open = unbalancedQuote(out[out.length - 1].value);
  }
  return out;
}

function unbalancedQuote(text: string): boolean {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quote !== "'") i++;
    else if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
  }
  return quote !== '';
}

export function varDefs(ins: Instruction): VarDef[] {
  const ai = ins.ast;
  if (ai instanceof Arg) {
    // The builder reads every word of an ARG as one declaration, `name` or `name=default`:
    // `ARG TARGETOS TARGETARCH` declares two names (dockerfile-ast reads a value `TARGETARCH`).
    const props = new Map(safe(() => ai.getProperties(), []).map((p) => [p.getName(), p] as const));
    return quotedWords(ins.args).flatMap((a) => {
      const eq = a.value.indexOf('=');
      const name = eq < 0 ? a.value : a.value.slice(0, eq);
      if (!name) return [];
      const found = eq < 0 ? undefined : props.get(name);
      const prop = found && readableProperty(found) ? found : undefined;
      const value = eq < 0 ? null : prop ? restoreEscapes(prop.getValue()) : a.value.slice(eq + 1);
      // A word continued over lines (`ARG " \` + comment + more) has no one-line name: take the word.
      const oneLine = eq >= 0 && a.range.start.line === a.range.end.line;
      const nameRange = prop ? prop.getNameRange() : oneLine ? { start: a.range.start, end: { line: a.range.start.line, character: a.range.start.character + name.length } } : a.range;
      return [{ name, value, kind: 'ARG' as const, nameRange, instruction: ins }];
    });
  }
  const props = (ai instanceof Env ? safe(() => ai.getProperties(), []) : []).filter(readableProperty);
  return props.map((p) => ({
    name: p.getName(),
    value: restoreEscapes(p.getValue()),
    kind: 'ENV' as const,
    nameRange: p.getNameRange(),
    instruction: ins,
  }));
}

/**
 * Whether dockerfile-ast could read a property: it gives ranges that run backwards for a comment
 * line inside a continued ENV, or a quoted `"$A"` key after a continuation (found by the
 * fuzzer). Such a property is no definition, and no rule should point at it.
 */
export function readableProperty(p: { getNameRange(): Range; getValueRange(): Range | null }): boolean {
  const name = p.getNameRange();
  const value = p.getValueRange();
  return notAfter(name.start, name.end) && (!value || (notAfter(name.end, value.start) && notAfter(value.start, value.end)));
}

const notAfter = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Instructions of the document with ONBUILD triggers included (right after their ONBUILD). */
export function* allInstructions(model: DocModel): Iterable<Instruction> {
  for (const ins of model.instructions) {
    yield ins;
    if (ins.trigger) yield ins.trigger;
  }
}

/** The stage chain of a stage: itself, then its parent, and so on (cycle-safe). */
export function stageChain(stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    out.push(s);
  }
  return out;
}

/**
 * Variables visible to an instruction, by name, with the value they have there.
 * Global ARGs (before the first FROM) are visible to FROM lines; inside a stage a
 * global ARG is visible only once re-declared (`ARG NAME` takes its default).
 * A stage built `FROM <stage>` inherits that stage's ARGs and ENVs (as BuildKit does).
 */
export function variablesAt(model: DocModel, ins: Instruction): Map<string, VarDef> {
  const out = new Map<string, VarDef>();
  const globals = new Map(model.globalArgs.map((d) => [d.name, d]));
  const stage = ins.stage;
  if (!stage || ins === stage.from) {
    for (const d of model.globalArgs) if (before(d.instruction, ins)) out.set(d.name, d);
    return out;
  }
  const chain = stageChain(stage).reverse(); // oldest ancestor first
  for (const s of chain) {
    for (const d of s.vars) {
      if (s === stage && !before(d.instruction, ins)) break;
      const inherited = d.kind === 'ARG' && d.value === null ? (out.get(d.name) ?? globals.get(d.name)) : undefined;
      out.set(d.name, inherited && inherited.value !== null ? { ...d, value: inherited.value } : d);
    }
  }
  return out;
}

function before(a: Instruction, b: Instruction): boolean {
  return a.index < b.index;
}

/** The line findings for an instruction are anchored to (for pragmas): the ONBUILD line for triggers. */
export function anchorLine(ins: Instruction): number {
  return (ins.onbuild ?? ins).range.start.line;
}

export function isHealthcheck(ins: Instruction): ins is Instruction & { ast: Healthcheck } {
  return ins.ast instanceof Healthcheck;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
