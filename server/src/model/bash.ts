/**
 * The real shell parser: tree-sitter-bash (its bundled .wasm) through web-tree-sitter.
 * Turns a script into simple commands (name, arguments, assignments, the operator that
 * joins each to the previous one), in offsets of the text it was given. Results are
 * cached by text, so an unchanged RUN is parsed once however often the file is linted.
 *
 * Loading WebAssembly is asynchronous: `initBashParser()` is awaited once at start-up
 * (server, CLI, tests). Until it has finished — or if the .wasm cannot be loaded — the
 * shell model falls back to its own small tokenizer (see shell.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, Language, type TreeCursor } from 'web-tree-sitter';

export interface RawWord {
  text: string;
  start: number;
  end: number;
}

export interface RawCommand {
  name?: RawWord;
  args: RawWord[];
  assignments: RawWord[];
  start: number;
  end: number;
  /** Inside `$(…)`, backticks or `<(…)`. */
  nested: boolean;
}

let parser: Parser | undefined;
let initializing: Promise<boolean> | undefined;
let failure: string | undefined;

const CACHE_LIMIT = 4000;
const cache = new Map<string, RawCommand[]>();

/** Where a bundled .wasm is: beside the bundle (shipped builds), else in node_modules (tests). */
function locate(file: string, packagePath: string): string {
  const beside = join(__dirname, file);
  if (existsSync(beside)) return beside;
  return require.resolve(packagePath);
}

/** Loads tree-sitter-bash once. Resolves true when the real parser is ready. Never rejects. */
export function initBashParser(): Promise<boolean> {
  initializing ??= (async () => {
    try {
      await Parser.init({ locateFile: () => locate('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm') });
      const bash = await Language.load(locate('tree-sitter-bash.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'));
      const p = new Parser();
      p.setLanguage(bash);
      parser = p;
      return true;
    } catch (e) {
      failure = (e as Error)?.message ?? String(e);
      return false;
    }
  })();
  return initializing;
}

export function bashParserReady(): boolean {
  return parser !== undefined;
}

/** Why the parser could not load, if it could not. */
export function bashParserFailure(): string | undefined {
  return failure;
}

/** Commands of a script, or undefined when the parser is not loaded. */
export function parseBash(text: string): RawCommand[] | undefined {
  if (!parser) return undefined;
  const hit = cache.get(text);
  if (hit) {
    // keep recently used entries last (simple LRU)
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const tree = parser.parse(text);
  if (!tree) return undefined;
  const out: RawCommand[] = [];
  const cursor = tree.walk();
  try {
    collect(cursor, text, out, false);
  } finally {
    cursor.delete();
    tree.delete();
  }
  out.sort((a, b) => a.start - b.start);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, out);
  return out;
}

const NESTING = new Set(['command_substitution', 'process_substitution']);
const MAX_UNQUOTED = 1000;

function collect(cursor: TreeCursor, text: string, out: RawCommand[], nested: boolean): void {
  const type = cursor.nodeType;
  if (type === 'command') {
    readCommand(cursor, text, out, nested);
    return;
  }
  const inner = nested || NESTING.has(type);
  if (cursor.gotoFirstChild()) {
    do collect(cursor, text, out, inner);
    while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
}

/** A `command` node: name, arguments, assignments; commands nested in its words (`$(…)`) are collected too. */
function readCommand(cursor: TreeCursor, text: string, out: RawCommand[], nested: boolean): void {
  const cmd: RawCommand = { args: [], assignments: [], start: cursor.startIndex, end: cursor.endIndex, nested };
  out.push(cmd);
  if (!cursor.gotoFirstChild()) return;
  do {
    if (!cursor.nodeIsNamed) continue;
    const field = cursor.currentFieldName;
    const t = cursor.nodeType;
    if (t === 'comment' || field === 'redirect') continue;
    // A word longer than MAX_UNQUOTED keeps its text as written: no command name, flag or package
    // is that long, and unquoting each level of a deep `$($($(…)))` re-read the rest of the script.
    const raw = text.slice(cursor.startIndex, cursor.endIndex);
    const word = { text: raw.length > MAX_UNQUOTED ? raw : unquote(raw), start: cursor.startIndex, end: cursor.endIndex };
    if (field === 'name') cmd.name = word;
    else if (t === 'variable_assignment') cmd.assignments.push(word);
    else if (field === 'argument') cmd.args.push(word);
    collect(cursor, text, out, true);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

/** The value of a shell word as written: quotes removed, backslash escapes resolved, expansions kept. */
export function unquote(raw: string): string {
  let out = '';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw[i];
    if (c === '\\') {
      if (i + 1 < n && raw[i + 1] !== '\n') out += raw[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      const stop = close < 0 ? n : close;
      out += raw.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < n && raw[i] !== '"') {
        if (raw[i] === '\\' && i + 1 < n && '"\\$`'.includes(raw[i + 1])) {
          out += raw[i + 1];
          i += 2;
          continue;
        }
        if (raw[i] === '\\' && raw[i + 1] === '\n') {
          i += 2;
          continue;
        }
        out += raw[i++];
      }
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
