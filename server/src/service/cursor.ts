/**
 * Where the cursor stands, for completion and signature help: in a comment (parser directive
 * or pragma), in a heredoc body, or in an instruction — and then which word, with the words
 * of the whole instruction as the builder splits them (continuations joined, comment lines
 * inside it dropped). It reads the text around the cursor, so a half-typed instruction the
 * parser could not make sense of still has a context; the model supplies stages, variables
 * and heredocs.
 */
import type { Position } from 'vscode-languageserver-types';
import type { DocModel, Instruction } from '../model/document';

export interface CursorWord {
  text: string;
  /** Document offsets, end exclusive. */
  start: number;
  end: number;
}

export interface CommentCursor {
  kind: 'comment';
  offset: number;
  line: number;
  /** Document offset just after the `#`. */
  bodyStart: number;
  /** The comment text from after `#` to the cursor. */
  before: string;
  /** Whether the line is in the parser-directive block at the top of the file. */
  directiveBlock: boolean;
}

export interface InstructionCursor {
  kind: 'instruction';
  offset: number;
  line: number;
  /** The words of the instruction (keyword first); a blank at the cursor is an empty word. */
  words: CursorWord[];
  /** Index in `words` of the word at the cursor. */
  at: number;
  /** Index in `words` of the keyword: 1 inside an `ONBUILD` trigger, else 0. */
  keywordAt: number;
  /** The upper-cased keyword (of the trigger inside ONBUILD). */
  keyword: string;
  /** The keyword as written. */
  keywordText: string;
  /** The instruction of the model on that line, if the parser made one. */
  ins?: Instruction;
  /** First line of the instruction. */
  startLine: number;
}

export type Cursor = CommentCursor | InstructionCursor | { kind: 'heredoc' | 'none'; offset: number; line: number };

/** Whether a line ends with an unescaped escape character (a continuation). */
export function continues(line: string, escape: string): boolean {
  const t = line.replace(/[ \t\r]+$/, '');
  if (!t.endsWith(escape)) return false;
  const e = escape === '`' ? '`' : '\\\\';
  return !new RegExp(`${e}${e}$`).test(t);
}

const isComment = (line: string) => /^[ \t]*#/.test(line);
const isBlank = (line: string) => /^[ \t\r]*$/.test(line);

/** The instruction of the model whose first line is `line`, else the last one starting before it. */
export function instructionNear(model: DocModel, line: number): Instruction | undefined {
  const list = model.instructions;
  let lo = 0;
  let hi = list.length - 1;
  let found: Instruction | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].range.start.line <= line) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether a line lies in the body (or on the closing line) of a heredoc of an instruction. */
function inHeredoc(model: DocModel, line: number): boolean {
  const ins = instructionNear(model, line);
  if (!ins) return false;
  for (const i of ins.trigger ? [ins, ins.trigger] : [ins]) {
    for (const h of i.heredocs) {
      const first = h.startRange.start.line + 1;
      const last = h.endRange ? h.endRange.start.line : model.lines.lineCount - 1;
      if (line >= first && line <= last) return true;
    }
  }
  return false;
}

/** Splits text into words at blanks outside quotes. `base` is the document offset of text[0]. */
function splitWords(text: string, base: number, escape: string): CursorWord[] {
  const out: CursorWord[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i])) i++;
    if (i >= n) break;
    const start = i;
    let quote = '';
    while (i < n) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === escape && quote === '"' && i + 1 < n) i++;
        i++;
        continue;
      }
      if (/\s/.test(c)) break;
      if (c === '"' || c === "'") quote = c;
      i++;
    }
    out.push({ text: text.slice(start, i), start: base + start, end: base + i });
  }
  return out;
}

/** The cursor's context at a position; `none` past the end of the document or of the line. */
export function cursorAt(model: DocModel, pos: Position): Cursor {
  const lines = model.lines;
  const none = { kind: 'none' as const, offset: 0, line: pos.line };
  if (pos.line < 0 || pos.character < 0 || pos.line >= lines.lineCount) return none;
  const lineText = lines.lineText(pos.line);
  if (pos.character > lineText.length) return none;
  const offset = lines.offsetAt(pos);
  const esc = model.escapeChar;
  if (inHeredoc(model, pos.line)) return { kind: 'heredoc', offset, line: pos.line };

  // The first line of the instruction: go up while the line above (skipping comment and
  // blank lines, which the builder drops inside a continuation) ends with the escape character.
  let start = pos.line;
  for (;;) {
    let prev = start - 1;
    while (prev >= 0 && (isComment(lines.lineText(prev)) || isBlank(lines.lineText(prev)))) prev--;
    if (prev < 0 || !continues(lines.lineText(prev), esc) || isComment(lines.lineText(prev)) || inHeredoc(model, prev)) break;
    start = prev;
  }

  if (isComment(lineText)) {
    const hash = lineText.indexOf('#');
    if (pos.character <= hash) return { kind: 'none', offset, line: pos.line };
    let directiveBlock = start === pos.line;
    for (let l = 0; l < pos.line && directiveBlock; l++) directiveBlock = /^[ \t]*#[ \t]*[A-Za-z][A-Za-z0-9]*[ \t]*=/.test(lines.lineText(l));
    const bodyStart = lines.lineStarts[pos.line] + hash + 1;
    return { kind: 'comment', offset, line: pos.line, bodyStart, before: model.text.slice(bodyStart, offset), directiveBlock };
  }

  // The last line of the instruction: go down while the line ends with the escape character.
  let end = start;
  while (end < lines.lineCount - 1 && continues(lines.lineText(end), esc) && !isComment(lines.lineText(end))) {
    let next = end + 1;
    while (next < lines.lineCount - 1 && (isComment(lines.lineText(next)) || isBlank(lines.lineText(next)))) next++;
    end = next;
  }
  end = Math.max(end, pos.line);

  // The instruction's text with continuations and comment lines blanked (same length, so
  // indexes stay document offsets). A heredoc's body is not part of the words.
  const from = lines.lineStarts[start];
  let text = '';
  for (let l = start; l <= end; l++) {
    let t = lines.lineText(l);
    if (l > start && isComment(t)) t = ' '.repeat(t.length);
    else if (l < end && continues(t, esc)) {
      const cut = t.replace(/[ \t\r]+$/, '').length - 1;
      t = t.slice(0, cut) + ' '.repeat(t.length - cut);
    }
    text += t;
    if (l < end) text += ' '.repeat(lines.lineStarts[l + 1] - (lines.lineStarts[l] + lines.lineText(l).length));
  }
  const words = splitWords(text, from, esc);
  let at = words.findIndex((w) => w.start <= offset && offset <= w.end);
  if (at < 0) {
    at = words.filter((w) => w.end < offset).length;
    words.splice(at, 0, { text: '', start: offset, end: offset });
  }
  let keywordAt = 0;
  if (words[0].text.toUpperCase() === 'ONBUILD' && at >= 1 && words.length > 1) keywordAt = 1;
  const kw = words[keywordAt];
  const candidate = instructionNear(model, start);
  const ins = candidate && candidate.range.start.line === start ? candidate : undefined;
  return { kind: 'instruction', offset, line: pos.line, words, at, keywordAt, keyword: kw.text.toUpperCase(), keywordText: kw.text, ins, startLine: start };
}

/** Text from the cursor word's start to the cursor. */
export function typedPart(c: InstructionCursor): string {
  const w = c.words[c.at];
  return w.text.slice(0, c.offset - w.start);
}
