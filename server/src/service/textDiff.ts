/**
 * A line diff of two texts (longest common subsequence between the first and the last
 * differing lines), for fix-all's edits after more than one pass and for the CLI's
 * `--fix --dry-run` unified diff.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../model/text';

/** A line kept (' '), removed ('-') or added ('+'); `a` and `b` are its place in the old and the new lines. */
export interface LineOp {
  kind: ' ' | '-' | '+';
  line: string;
  a: number;
  b: number;
}

/** Cells of the LCS table beyond which the middle part is diffed as removed then added (still a correct diff). */
const MAX_CELLS = 4_000_000;

/** Lines with their line break (`\n`, `\r\n` or a lone `\r`, as LineIndex counts them); the last one may have none. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** The lines of `a` and `b` in order, each kept, removed or added. A removal comes before an addition. */
export function diffLines(a: string[], b: string[]): LineOp[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops: LineOp[] = [];
  for (let i = 0; i < pre; i++) ops.push({ kind: ' ', line: a[i], a: i, b: i });
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (let i = 0; i < n; i++) ops.push({ kind: '-', line: a[pre + i], a: pre + i, b: pre });
    for (let j = 0; j < m; j++) ops.push({ kind: '+', line: b[pre + j], a: pre + n, b: pre + j });
  } else {
    // lcs[i * w + j]: the LCS length of a[pre+i..] and b[pre+j..] (middle part only).
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = a[pre + i] === b[pre + j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] === b[pre + j]) {
        ops.push({ kind: ' ', line: a[pre + i], a: pre + i, b: pre + j });
        i++;
        j++;
      } else if (j >= m || (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
        ops.push({ kind: '-', line: a[pre + i], a: pre + i, b: pre + j });
        i++;
      } else {
        ops.push({ kind: '+', line: b[pre + j], a: pre + i, b: pre + j });
        j++;
      }
    }
  }
  for (let k = 0; k < suf; k++) ops.push({ kind: ' ', line: a[a.length - suf + k], a: a.length - suf + k, b: b.length - suf + k });
  return ops;
}

/**
 * Edits turning `before` into `after`: one per run of changed lines, trimmed to the
 * characters that differ, so that text around the changes (and positions in it) is left alone.
 */
export function textEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const lines = new LineIndex(before);
  const aStart = (i: number) => (i < lines.lineCount ? lines.lineStarts[i] : before.length);
  const ops = diffLines(a, b);
  const edits: TextEdit[] = [];
  for (let k = 0; k < ops.length; ) {
    if (ops[k].kind === ' ') {
      k++;
      continue;
    }
    const first = ops[k];
    let old = '';
    let neu = '';
    let lastA = first.a;
    for (; k < ops.length && ops[k].kind !== ' '; k++) {
      if (ops[k].kind === '-') {
        old += ops[k].line;
        lastA = ops[k].a + 1;
      } else neu += ops[k].line;
    }
    let start = aStart(first.a);
    let end = old ? aStart(lastA) : start;
    // Trim what the old and the new text of the run share at either end, never between a CR
    // and its LF (a position cannot point there).
    let p = 0;
    while (p < old.length && p < neu.length && old[p] === neu[p]) p++;
    if (p > 0 && old[p - 1] === '\r' && old[p] === '\n') p--;
    let s = 0;
    while (s < old.length - p && s < neu.length - p && old[old.length - 1 - s] === neu[neu.length - 1 - s]) s++;
    if (s > 0 && old[old.length - s] === '\n' && old[old.length - s - 1] === '\r') s--;
    start += p;
    end -= s;
    edits.push({ range: lines.range(start, end), newText: neu.slice(p, neu.length - s) });
  }
  return edits;
}
