/**
 * Variable expansion as the Dockerfile frontend does it in FROM, COPY, ADD, ENV, ARG,
 * EXPOSE, LABEL, USER, WORKDIR, VOLUME, STOPSIGNAL…: `$v`, `${v}`, `${v:-word}`,
 * `${v-word}`, `${v:+word}`, `${v+word}`, `${v:?msg}`, and the pattern forms `${v#p}`,
 * `${v##p}`, `${v%p}`, `${v%%p}`, `${v/p/r}`, `${v//p/r}`.
 */
import type { DocModel, Instruction } from './document';
import { variablesAt } from './document';

/** BuildKit's automatic platform ARGs (global scope; a stage sees them after `ARG NAME`). */
export const AUTOMATIC_PLATFORM_ARGS = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
];

/** Build args every build accepts without an ARG (proxy settings) and BuildKit's own. */
export const PREDEFINED_ARGS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
];

/**
 * What a name is at a point: a string value, `null` when declared without a value (set by
 * `--build-arg` or automatically), or `undefined` when not declared there.
 */
export type Lookup = (name: string) => string | null | undefined;

export interface Expansion {
  /** The expanded text; unknown values are kept as written. */
  value: string;
  /** True when every variable had a known value (so `value` is what the builder sees). */
  complete: boolean;
  /** Names that are not declared where they are used. */
  undefinedNames: string[];
}

/** The lookup for an instruction: its ARGs/ENVs in scope, plus the automatic ARGs in FROM lines. */
export function lookupAt(model: DocModel, ins: Instruction): Lookup {
  const vars = variablesAt(model, ins);
  const inFrom = ins.keyword === 'FROM';
  return (name) => {
    const d = vars.get(name);
    if (d) return d.value;
    if (inFrom && AUTOMATIC_PLATFORM_ARGS.includes(name)) return null;
    return undefined;
  };
}

export function expand(text: string, lookup: Lookup, escapeChar = '\\'): Expansion {
  let value = '';
  let complete = true;
  const undefinedNames: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === escapeChar && text[i + 1] === '$') {
      value += '$';
      i += 2;
      continue;
    }
    if (c !== '$') {
      value += c;
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = matchingBrace(text, i + 1);
      if (close < 0) {
        value += text.slice(i);
        complete = false;
        break;
      }
      const inner = text.slice(i + 2, close);
      const r = expandBraced(inner, lookup, escapeChar);
      if (r.undefinedName) undefinedNames.push(r.undefinedName);
      if (r.value === undefined) {
        value += text.slice(i, close + 1);
        complete = false;
      } else value += r.value;
      i = close + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (!m) {
      value += c;
      i++;
      continue;
    }
    const v = lookup(m[0]);
    if (v === undefined) undefinedNames.push(m[0]);
    if (typeof v === 'string') value += v;
    else if (v === undefined) value += ''; // an undeclared variable expands to nothing
    else {
      value += `$${m[0]}`;
      complete = false;
    }
    i += 1 + m[0].length;
  }
  return { value, complete, undefinedNames };
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** `${…}` contents → the value, or undefined when it depends on an unknown value. */
function expandBraced(inner: string, lookup: Lookup, escapeChar: string): { value?: string; undefinedName?: string } {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(.*)$/s.exec(inner);
  if (!m) return {};
  const [, name, rest] = m;
  const v = lookup(name);
  const undefinedName = v === undefined ? name : undefined;
  const word = (w: string) => {
    const e = expand(w, lookup, escapeChar);
    return e.complete ? e.value : undefined;
  };
  if (rest === '') return { value: typeof v === 'string' ? v : v === undefined ? '' : undefined, undefinedName };
  const op = /^(:-|-|:\+|\+|:\?|\?|##|#|%%|%|\/\/|\/)(.*)$/s.exec(rest);
  if (!op) return { undefinedName };
  const [, kind, arg] = op;
  if (v === null) return { undefinedName }; // set at build time: cannot know
  const set = v !== undefined;
  const nonEmpty = set && v !== '';
  switch (kind) {
    case ':-':
      return { value: nonEmpty ? v : word(arg), undefinedName: undefined };
    case '-':
      return { value: set ? v : word(arg), undefinedName: undefined };
    case ':+':
      return { value: nonEmpty ? word(arg) : '', undefinedName: undefined };
    case '+':
      return { value: set ? word(arg) : '', undefinedName: undefined };
    case ':?':
    case '?':
      return { value: set ? v : undefined, undefinedName };
    default: {
      const s = v ?? '';
      const pattern = word(kind.startsWith('/') ? arg.split('/')[0] : arg);
      if (pattern === undefined) return { undefinedName };
      return { value: applyPattern(s, kind, pattern, kind.startsWith('/') ? arg.split('/').slice(1).join('/') : ''), undefinedName };
    }
  }
}

/** Glob pattern (`*`, `?`) → RegExp source. */
function globSource(p: string): string {
  return p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
}

function applyPattern(s: string, kind: string, pattern: string, replacement: string): string {
  const g = globSource(pattern);
  switch (kind) {
    case '#':
      return s.replace(new RegExp(`^${g.replace(/\.\*/g, '.*?')}`), '');
    case '##':
      return s.replace(new RegExp(`^${g}`), '');
    case '%': {
      // shortest suffix: try from the end
      for (let i = s.length; i >= 0; i--) if (new RegExp(`^${g}$`).test(s.slice(i))) return s.slice(0, i);
      return s;
    }
    case '%%': {
      for (let i = 0; i <= s.length; i++) if (new RegExp(`^${g}$`).test(s.slice(i))) return s.slice(0, i);
      return s;
    }
    case '/':
      return s.replace(new RegExp(g), replacement);
    case '//':
      return s.replace(new RegExp(g, 'g'), replacement);
  }
  return s;
}
