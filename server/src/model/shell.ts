/**
 * A small, allocation-light shell model for RUN bodies and shell-form commands.
 * It splits a script into simple commands (name, arguments, leading assignments)
 * joined by operators, with every word's exact offsets in the Dockerfile text,
 * across line continuations and comment lines inside them.
 *
 * It is deliberately conservative: anything it does not understand stays part of
 * a word, and it never throws. (A full tree-sitter model replaces it later; its
 * interface is what rules depend on.)
 */

export interface Word {
  /** The word with quotes removed and escapes resolved (variables kept as written). */
  text: string;
  /** Document offsets of the word as written. */
  start: number;
  end: number;
}

export type Operator = '' | '&&' | '||' | ';' | '|' | '&' | '\n' | '(' | ')';

import { parseBash } from './bash';

export interface ShellCommand {
  /** Command name; undefined for a bare assignment or a closing keyword. */
  name?: Word;
  /** Arguments after the name (redirection targets excluded). */
  args: Word[];
  /** `VAR=value` words before the name. */
  assignments: Word[];
  /** The operator that joins this command to the previous one ('' for the first). */
  joinedBy: Operator;
  /** Inside a command substitution (`$(…)`, backticks) of another command. */
  nested?: boolean;
  /** baseName's answer, kept once computed. */
  base?: string;
  start: number;
  end: number;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** True when some command is joined to the previous one by a pipe. */
  hasPipe: boolean;
  /** Document offsets of the script. */
  start: number;
  end: number;
}

const PREFIX_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time', 'exec']);
const CLOSING_KEYWORDS = new Set(['fi', 'done', 'esac', '}']);

export interface Logical {
  chars: string;
  /** map[i] = document offset of logical char i; map[chars.length] = end offset. */
  map: number[];
}

/**
 * Removes Dockerfile line continuations (escape char + newline) and the comment
 * or empty lines that Docker drops inside a continued instruction.
 */
export function dockerLogical(text: string, start: number, end: number, escapeChar: string): Logical {
  // Most instructions fit on one line: nothing to remove.
  const nl = text.indexOf('\n', start);
  if (nl < 0 || nl >= end) {
    const last = end > start ? text[end - 1] : '';
    if (last !== escapeChar && last !== ' ' && last !== '\t' && last !== '\r') return plainLogical(text, start, end);
  }
  let chars = '';
  const map: number[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    // escape + optional horizontal whitespace + newline = continuation, unless the escape
    // follows another one (`C:\\dir\\` at a line end is a path, as the builder reads it)
    if (c === escapeChar && text[i - 1] !== escapeChar) {
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < end && text[j] === '\r') j++;
      if (j < end && text[j] === '\n') {
        i = skipDroppedLines(text, j + 1, end);
        continue;
      }
      if (j >= end) break; // trailing escape at end of instruction
    }
    chars += c;
    map.push(i);
    i++;
  }
  map.push(end);
  return { chars, map };
}

/** Skips comment lines and empty lines that follow a continuation. */
function skipDroppedLines(text: string, i: number, end: number): number {
  for (;;) {
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    if (j < end && text[j] === '#') {
      while (j < end && text[j] !== '\n') j++;
      if (j < end) {
        i = j + 1;
        continue;
      }
      return j;
    }
    if (j < end && (text[j] === '\n' || (text[j] === '\r' && text[j + 1] === '\n'))) {
      i = text[j] === '\n' ? j + 1 : j + 2;
      continue;
    }
    return i;
  }
}

function plainLogical(text: string, start: number, end: number): Logical {
  const map: number[] = [];
  for (let i = start; i <= end; i++) map.push(i);
  return { chars: text.slice(start, end), map };
}

/**
 * Parses a shell script found in `text` between `start` and `end`.
 * `escapeChar` is the Dockerfile escape character when the script is the body of
 * an instruction (continuations are Dockerfile syntax), or null for a heredoc body.
 */
export function parseShell(text: string, start: number, end: number, escapeChar: string | null): ShellScript {
  const lg = escapeChar === null ? plainLogical(text, start, end) : dockerLogical(text, start, end, escapeChar);
  const raw = parseBash(lg.chars);
  if (raw) {
    const at = (i: number) => lg.map[Math.min(i, lg.map.length - 1)];
    const word = (w: { text: string; start: number; end: number }): Word => ({ text: w.text, start: at(w.start), end: at(w.end) });
    const commands: ShellCommand[] = raw.map((c) => ({
      name: c.name && word(c.name),
      args: c.args.map(word),
      assignments: c.assignments.map(word),
      joinedBy: operatorBefore(lg.chars, c.start),
      nested: c.nested || undefined,
      start: at(c.start),
      end: at(c.end),
    }));
    return { commands, hasPipe: commands.some((c) => c.joinedBy === '|'), start, end };
  }
  return tokenizeShell(lg, start, end);
}

/** The operator just before a command in the script ('' at the start). */
function operatorBefore(s: string, i: number): Operator {
  let j = i - 1;
  while (j >= 0 && (s[j] === ' ' || s[j] === '\t' || s[j] === '\r')) j--;
  if (j < 0) return '';
  const c = s[j];
  if (c === '\n') return '\n';
  if ((c === '&' || c === '|') && s[j - 1] === c) return c === '&' ? '&&' : '||';
  if (c === '&' && s[j - 1] === '|') return '|';
  if (c === '|' || c === ';' || c === '&' || c === '(' || c === ')') return c;
  return ';'; // after a keyword such as `then`, `do`, `{`, `!`
}

/** The fallback tokenizer, used until tree-sitter-bash is loaded (or if it cannot be). */
export function tokenizeShell(lg: Logical, start: number, end: number): ShellScript {
  const s = lg.chars;
  const commands: ShellCommand[] = [];
  let hasPipe = false;
  let words: Word[] = [];
  let joinedBy: Operator = '';
  let expectRedirectTarget = false;

  const flush = (next: Operator) => {
    if (words.length > 0) {
      const cmd = toCommand(words, joinedBy);
      if (cmd) commands.push(cmd);
    }
    words = [];
    joinedBy = next;
    if (next === '|') hasPipe = true;
  };

  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      // a backslash-newline inside a heredoc body is a shell continuation
      flush(words.length ? '\n' : joinedBy || '\n');
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && s[i] !== '\n') i++;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      flush(two);
      i += 2;
      continue;
    }
    if (c === ';' || c === '(' || c === ')') {
      flush(c === ';' ? ';' : (c as Operator));
      i += s[i + 1] === ';' ? 2 : 1;
      continue;
    }
    if (c === '|') {
      flush('|');
      i += s[i + 1] === '&' ? 2 : 1;
      continue;
    }
    if (c === '&' && s[i + 1] !== '>') {
      flush('&');
      i++;
      continue;
    }
    // redirections: [n]> [n]>> < << <<< &> >& etc.
    const redir = /^(?:\d*(?:>>|>&|<&|<<<|<<-?|<>|>\||>|<)|&>>?)/.exec(s.slice(i, i + 5));
    if (redir) {
      i += redir[0].length;
      // a target glued to the operator (2>&1, >/dev/null)
      if (i < n && !/[\s;&|()]/.test(s[i])) {
        const w = readWord(s, i);
        i = w.next;
      } else {
        expectRedirectTarget = true;
      }
      continue;
    }
    const w = readWord(s, i);
    if (w.next === i) {
      i++; // never loop forever on an unexpected character
      continue;
    }
    if (expectRedirectTarget) {
      expectRedirectTarget = false;
    } else {
      words.push({ text: w.text, start: lg.map[i], end: lg.map[w.next] });
    }
    i = w.next;
  }
  flush('');
  return { commands, hasPipe, start, end };
}

function toCommand(words: Word[], joinedBy: Operator): ShellCommand | undefined {
  let k = 0;
  const assignments: Word[] = [];
  while (k < words.length) {
    const t = words[k].text;
    if (PREFIX_KEYWORDS.has(t)) {
      k++;
      continue;
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) {
      assignments.push(words[k]);
      k++;
      continue;
    }
    break;
  }
  const name = words[k];
  if (name && CLOSING_KEYWORDS.has(name.text)) return undefined;
  return {
    name,
    args: words.slice(k + 1),
    assignments,
    joinedBy,
    start: words[0].start,
    end: words[words.length - 1].end,
  };
}

/** Reads one shell word starting at i; returns its unquoted text and the index after it. */
function readWord(s: string, i: number): { text: string; next: number } {
  let text = '';
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '|' || c === '(' || c === ')') break;
    if (c === '&' || c === '<' || c === '>') break;
    if (c === '\\') {
      if (i + 1 < n) text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      const stop = close < 0 ? n : close;
      text += s.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < n && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < n && '"\\$`'.includes(s[i + 1])) {
          text += s[i + 1];
          i += 2;
          continue;
        }
        if (s[i] === '$' && s[i + 1] === '(') {
          const e = skipBalanced(s, i + 1, '(', ')');
          text += s.slice(i, e);
          i = e;
          continue;
        }
        text += s[i++];
      }
      i++;
      continue;
    }
    if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
      const open = s[i + 1];
      const e = skipBalanced(s, i + 1, open, open === '(' ? ')' : '}');
      text += s.slice(i, e);
      i = e;
      continue;
    }
    if (c === '`') {
      const close = s.indexOf('`', i + 1);
      const stop = close < 0 ? n : close + 1;
      text += s.slice(i, stop);
      i = stop;
      continue;
    }
    text += c;
    i++;
  }
  return { text, next: Math.min(i, n) };
}

/** Index just after the bracket that closes the one at `i`; tolerant of quotes and of no close. */
function skipBalanced(s: string, i: number, open: string, close: string): number {
  let depth = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'" && open === '(') {
      const q = s.indexOf("'", i + 1);
      i = q < 0 ? n : q + 1;
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return n;
}

/**
 * Flags of a command as hadolint reads them: `-abc` gives a, b, c; `--name=v` gives name.
 * Arguments after a bare `--` are not flags.
 */
export function commandFlags(cmd: ShellCommand): Set<string> {
  const out = new Set<string>();
  for (const a of cmd.args) {
    const t = a.text;
    if (t === '--') break;
    if (t.startsWith('--')) out.add(t.slice(2).split('=')[0]);
    else if (t.startsWith('-') && t.length > 1) for (const ch of t.slice(1)) out.add(ch);
  }
  return out;
}

/** Arguments that are not flags (values of flags included, as hadolint does). */
export function nonFlagArgs(cmd: ShellCommand): Word[] {
  const out: Word[] = [];
  let afterDashDash = false;
  for (const a of cmd.args) {
    if (!afterDashDash && a.text === '--') {
      afterDashDash = true;
      continue;
    }
    if (afterDashDash || !a.text.startsWith('-') || a.text === '-') out.push(a);
  }
  return out;
}

/** The command's base name: `/usr/bin/apt-get` → `apt-get`. */
export function baseName(cmd: ShellCommand): string {
  if (cmd.base !== undefined) return cmd.base;
  const t = cmd.name?.text ?? '';
  const slash = t.lastIndexOf('/');
  return (cmd.base = slash >= 0 ? t.slice(slash + 1) : t);
}
