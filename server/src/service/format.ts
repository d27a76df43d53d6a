/**
 * Formatting (document, range, on-type) as minimal text edits, from the document model.
 *
 * What it may change, each under its own setting:
 * - `formatKeywordCase` (default `upper`): the case of instruction keywords (ONBUILD triggers
 *   included), `AS` in FROM and HEALTHCHECK `CMD`/`NONE` — the builder reads them in any case.
 * - `formatTrimTrailingWhitespace` (default on): spaces and tabs at line ends. The builder
 *   ignores them, after a continuation character too.
 * - `formatContinuationIndent` (default `keep`): with a unit, instructions and comments start
 *   at column 0 and each continuation line gets the unit plus whatever it was indented beyond
 *   the instruction's shallowest continuation line, so hand-made nesting (`if … then` blocks,
 *   package lists under `apt-get install`) survives.
 *
 * What it never changes: heredoc bodies and their closing delimiters (not a byte); line
 * breaks (CRLF stays CRLF); the indentation of a line where that whitespace is inside a quoted
 * string, or where the line is glued to the previous one with no space (adding or removing
 * whitespace there would change what the builder reads); parser directives; anything else.
 * Formatting twice gives what formatting once gives.
 */
import type { FormattingOptions, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { DocModel, Instruction } from '../model/document';
import { INSTRUCTIONS } from '../knowledge/flags';
import type { Settings } from '../settings';

type Kind = 'case' | 'trim' | 'indent';

interface Edit {
  start: number;
  end: number;
  text: string;
  kind: Kind;
  line: number;
}

const KEYWORDS = new Set<string>(INSTRUCTIONS);
const NO_LINES: [number, number][] = [];
const SHELL_BODIES = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export type FormatSettings = Pick<Settings, 'formatKeywordCase' | 'formatContinuationIndent' | 'formatTrimTrailingWhitespace'>;

/** Characters that trigger on-type formatting: Enter (the line left behind) and space (a keyword just typed). */
export const ON_TYPE_TRIGGERS = { firstTriggerCharacter: '\n', moreTriggerCharacter: [' '] };

/**
 * Edits that format the whole document. `source` is the document's exact text when it may
 * differ from `model.text` (a byte-order mark, which the model blanks out).
 */
export function formatDocument(model: DocModel, settings: FormatSettings, options: FormattingOptions, source?: string): TextEdit[] {
  return toTextEdits(model, computeEdits(model, settings, options, source));
}

/** Edits on the lines the range touches (a range ending at column 0 leaves that line out). */
export function formatRange(model: DocModel, range: Range, settings: FormatSettings, options: FormattingOptions, source?: string): TextEdit[] {
  const first = range.start.line;
  const last = range.end.line > first && range.end.character === 0 ? range.end.line - 1 : range.end.line;
  const inRange = (e: Edit) => e.line >= first && e.line <= last;
  return toTextEdits(model, computeEdits(model, settings, options, source).filter(inRange));
}

/**
 * On-type formatting. After Enter: the line left behind gets its keyword case and loses its
 * trailing whitespace (its indentation stays), and a new continuation line gets the indentation
 * of the line above (or one unit below the instruction's first line) when a unit is set. After
 * a space: a keyword just typed gets its case. Whitespace at the cursor is never removed.
 */
export function formatOnType(
  model: DocModel,
  position: Position,
  ch: string,
  settings: FormatSettings,
  options: FormattingOptions,
  source?: string,
): TextEdit[] {
  const all = computeEdits(model, settings, options, source);
  const lines = model.lines;
  if (ch === '\n') {
    const prev = position.line - 1;
    if (prev < 0) return [];
    // the line above keeps its indentation (the user is typing below it)
    const out = all.filter((e) => (e.line === prev && e.kind !== 'indent') || (e.line === position.line && e.kind === 'case'));
    const indent = newLineIndent(model, position.line, settings, options, source ?? model.text);
    if (indent !== undefined) {
      const start = lines.lineStarts[position.line];
      const text = (source ?? model.text).slice(start, lines.lineEnd(position.line));
      const ws = /^[ \t]*/.exec(text)![0];
      if (ws !== indent) out.push({ start, end: start + ws.length, text: indent, kind: 'indent', line: position.line });
    }
    return toTextEdits(model, out);
  }
  const cursor = lines.offsetAt(position);
  return toTextEdits(
    model,
    all.filter((e) => e.kind === 'case' && e.line === position.line && e.end <= cursor),
  );
}

/** The indentation a fresh line should get when the line above continues an instruction. */
function newLineIndent(model: DocModel, line: number, settings: FormatSettings, options: FormattingOptions, text: string): string | undefined {
  const unit = indentUnit(settings, options);
  if (unit === undefined || line < 1) return undefined;
  const lines = model.lines;
  const prevText = text.slice(lines.lineStarts[line - 1], lines.lineEnd(line - 1));
  if (!prevText.replace(/[ \t]+$/, '').endsWith(model.escapeChar)) return undefined;
  const ins = model.instructions.find((i) => i.range.start.line <= line - 1 && line - 1 <= i.range.end.line);
  if (!ins || heredocLines(ins).some(([a, b]) => a <= line - 1 && line - 1 <= b)) return undefined;
  if (ins.range.start.line === line - 1) return unit;
  return /^[ \t]*/.exec(prevText)![0] || unit;
}

function toTextEdits(model: DocModel, edits: Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: model.lines.range(e.start, e.end), newText: e.text }));
}

function indentUnit(settings: FormatSettings, options: FormattingOptions): string | undefined {
  switch (settings.formatContinuationIndent) {
    case 'tab':
      return '\t';
    case '2 spaces':
      return '  ';
    case '4 spaces':
      return '    ';
    case 'editor':
      return options.insertSpaces ? ' '.repeat(Math.max(1, options.tabSize || 4)) : '\t';
    default:
      return undefined;
  }
}

/** Lines of heredoc bodies and closing delimiters, as [first, last] pairs. */
function heredocLines(ins: Instruction): [number, number][] {
  if (!ins.heredocs.length && !ins.trigger?.heredocs.length) return NO_LINES;
  const out: [number, number][] = [];
  for (const i of ins.trigger ? [ins, ins.trigger] : [ins]) {
    for (const h of i.heredocs) {
      const first = h.contentRange?.start.line ?? h.endRange?.start.line ?? h.startRange.start.line + 1;
      const last = h.endRange?.end.line ?? Math.max(h.contentRange?.end.line ?? first, ins.range.end.line);
      if (last >= first) out.push([first, last]);
    }
  }
  return out;
}

function computeEdits(model: DocModel, settings: FormatSettings, options: FormattingOptions, source?: string): Edit[] {
  const text = source !== undefined && source.length === model.text.length ? source : model.text;
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines = model.lines;
  const n = lines.lineCount;
  const frozen = new Uint8Array(n);
  const inInstruction = new Uint8Array(n);
  const edits: Edit[] = [];
  const unit = indentUnit(settings, options);
  const tabSize = Math.max(1, options.tabSize || 4);
  const lineStart = (l: number) => lines.lineStarts[l] + (bom && l === 0 ? 1 : 0);

  for (const ins of model.instructions) {
    const { start, end } = ins.range;
    for (let l = start.line; l <= end.line; l++) inInstruction[l] = 1;
    if (end.line > start.line) for (const [a, b] of heredocLines(ins)) for (let l = a; l <= Math.min(b, n - 1); l++) frozen[l] = 1;
  }

  // Keyword case.
  if (settings.formatKeywordCase !== 'keep') {
    const cased = (s: string) => (settings.formatKeywordCase === 'upper' ? s.toUpperCase() : s.toLowerCase());
    const word = (range: Range, written: string) => {
      if (range.start.line !== range.end.line || frozen[range.start.line]) return;
      const want = cased(written);
      if (want === written) return;
      edits.push({ start: lines.offsetAt(range.start), end: lines.offsetAt(range.end), text: want, kind: 'case', line: range.start.line });
    };
    for (const top of model.instructions) {
      for (const ins of top.trigger ? [top, top.trigger] : [top]) {
        if (!KEYWORDS.has(ins.keyword)) continue;
        word(ins.keywordRange, ins.keywordText);
        if (ins.keyword === 'FROM' && ins.args[1] && /^as$/i.test(ins.args[1].value)) {
          const r = ins.args[1].range; // `AS`, also while the stage name is still to be typed
          word(r, text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end)));
        }
        if (ins.keyword === 'HEALTHCHECK' && ins.args[0] && /^(?:cmd|none)$/i.test(ins.args[0].value)) {
          const r = ins.args[0].range;
          word(r, text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end)));
        }
      }
    }
  }

  // Indentation.
  if (unit !== undefined) {
    for (const ins of model.instructions) indentInstruction(model, ins, text, unit, tabSize, frozen, lineStart, edits);
    const firstInstruction = model.instructions[0]?.range.start.line ?? n;
    for (const c of model.comments) {
      if (inInstruction[c.line] || frozen[c.line]) continue;
      // `  # escape=…` above the instructions: without its indentation it could become a directive
      if (c.line < firstInstruction && /^[ \t]*#[ \t]*[A-Za-z][A-Za-z0-9]*[ \t]*=/.test(lines.lineText(c.line))) continue;
      const start = lineStart(c.line);
      const ws = leadingWhitespace(text, start, lines.lineEnd(c.line));
      if (ws) edits.push({ start, end: start + ws.length, text: '', kind: 'indent', line: c.line });
    }
  }

  // Trailing whitespace.
  if (settings.formatTrimTrailingWhitespace) {
    for (let l = 0; l < n; l++) {
      if (frozen[l]) continue;
      const start = lineStart(l);
      const end = lines.lineEnd(l);
      let k = end;
      while (k > start && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
      if (k < end) edits.push({ start: k, end, text: '', kind: 'trim', line: l });
    }
  }

  edits.sort((a, b) => a.start - b.start);
  return edits;
}

function leadingWhitespace(text: string, start: number, end: number): string {
  let k = start;
  while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
  return text.slice(start, k);
}

function columns(ws: string, tabSize: number): number {
  let col = 0;
  for (const c of ws) col = c === '\t' ? col - (col % tabSize) + tabSize : col + 1;
  return col;
}

function renderIndent(unit: string, extra: number, tabSize: number): string {
  if (extra <= 0) return unit;
  if (unit.startsWith('\t')) return unit + '\t'.repeat(Math.floor(extra / tabSize)) + ' '.repeat(extra % tabSize);
  return unit + ' '.repeat(extra);
}

interface Candidate {
  line: number;
  start: number;
  ws: string;
  comment: boolean;
}

/**
 * Re-indents one instruction: its first line to column 0, its continuation lines to the unit
 * plus their depth beyond the shallowest one. A continuation line is left alone when the
 * whitespace at its start is inside quotes, or when neither it nor the end of the previous
 * line has any (the two lines form one word).
 */
function indentInstruction(
  model: DocModel,
  ins: Instruction,
  text: string,
  unit: string,
  tabSize: number,
  frozen: Uint8Array,
  lineStart: (l: number) => number,
  edits: Edit[],
): void {
  const lines = model.lines;
  const first = ins.range.start.line;
  const esc = model.escapeChar;
  {
    const start = lineStart(first);
    const kw = lines.offsetAt(ins.range.start);
    const ws = text.slice(start, kw);
    if (ws && /^[ \t]+$/.test(ws)) edits.push({ start, end: kw, text: '', kind: 'indent', line: first });
  }
  if (ins.range.end.line === first) return;
  const body = ins.trigger ?? ins;
  const shell = SHELL_BODIES.has(body.keyword) && !body.isJson;
  const quoteEsc = body.isJson ? '\\' : shell ? (body.posixShell ? '\\' : '`') : esc;
  const state = { quote: '', comment: false };
  let joinWs = false; // the logical text so far ends with whitespace
  let continues = false;
  const candidates: Candidate[] = [];
  const eligible = new Set<Candidate>();
  for (let l = first; l <= ins.range.end.line; l++) {
    if (frozen[l]) break;
    const start = lineStart(l);
    const end = lines.lineEnd(l);
    const raw = text.slice(start, end);
    let from: number;
    let atWordStart: boolean;
    if (l === first) {
      from = lines.offsetAt(ins.keywordRange.start) - start;
      atWordStart = true;
    } else {
      const ws = /^[ \t]*/.exec(raw)![0];
      const rest = raw.slice(ws.length);
      if (rest === '') continue;
      if (rest[0] === '#') {
        candidates.push({ line: l, start, ws, comment: true }); // dropped by the builder: always free
        continue;
      }
      if (!continues) break;
      const c: Candidate = { line: l, start, ws, comment: false };
      candidates.push(c);
      if (!state.quote && (state.comment || joinWs || ws.length > 0)) eligible.add(c);
      from = ws.length;
      atWordStart = joinWs || ws.length > 0;
    }
    const trimmed = raw.replace(/[ \t]+$/, '');
    continues = trimmed.endsWith(esc) && !trimmed.endsWith(esc + esc);
    const contentEnd = continues ? trimmed.length - 1 : trimmed.length;
    scanQuotes(raw, from, contentEnd, state, quoteEsc, shell, atWordStart);
    if (contentEnd > from) joinWs = raw[contentEnd - 1] === ' ' || raw[contentEnd - 1] === '\t';
    else joinWs = joinWs || (l !== first && /^[ \t]/.test(raw));
  }
  const code = candidates.filter((c) => eligible.has(c));
  const basis = code.length ? code : candidates.filter((c) => c.comment);
  if (!basis.length) return;
  const base = basis.reduce((min, c) => Math.min(min, columns(c.ws, tabSize)), Infinity);
  for (const c of candidates) {
    if (!c.comment && !eligible.has(c)) continue;
    const want = renderIndent(unit, columns(c.ws, tabSize) - base, tabSize);
    if (want !== c.ws) edits.push({ start: c.start, end: c.start + c.ws.length, text: want, kind: 'indent', line: c.line });
  }
}

/** Follows quotes (and, in shell bodies, a `#` comment that runs to the end of the instruction). */
function scanQuotes(s: string, i: number, end: number, st: { quote: string; comment: boolean }, esc: string, shell: boolean, atWordStart: boolean): void {
  let wordStart = atWordStart;
  for (; i < end && !st.comment; i++) {
    const c = s[i];
    if (st.quote === "'") {
      if (c === "'") st.quote = '';
    } else if (st.quote === '"') {
      if (c === esc) i++;
      else if (c === '"') st.quote = '';
    } else if (c === esc) {
      i++;
    } else if (c === '"' || c === "'") {
      st.quote = c;
    } else if (shell && c === '#' && wordStart) {
      st.comment = true;
    }
    wordStart = c === ' ' || c === '\t' || c === ';' || c === '&' || c === '|' || c === '(';
  }
}
