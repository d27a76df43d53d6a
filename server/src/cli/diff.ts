/**
 * A unified diff of two texts (what `lint --fix --dry-run` prints): `---`/`+++` headers,
 * `@@ -a,b +c,d @@` hunks with three lines of context, and `\ No newline at end of file` after
 * a last line without a line break. Lines are compared with their line break, so a CRLF line
 * is printed with its CR.
 */
import { diffLines, splitLines } from '../service/textDiff';

/** `start,count` of a hunk side, as GNU diff writes it: no count when it is 1; an empty side names the line before it. */
function hunkRange(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/** The unified diff turning `before` into `after`, or '' when they are the same. */
export function unifiedDiff(before: string, after: string, beforeName: string, afterName: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  // Changes at most 2 × context lines apart share a hunk.
  const groups: Array<[number, number]> = [];
  ops.forEach((o, i) => {
    if (o.kind === ' ') return;
    const g = groups[groups.length - 1];
    if (g && i - g[1] <= 2 * context + 1) g[1] = i;
    else groups.push([i, i]);
  });
  let out = `--- ${beforeName}\n+++ ${afterName}\n`;
  for (const [first, last] of groups) {
    const hunk = ops.slice(Math.max(0, first - context), Math.min(ops.length, last + context + 1));
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    out += `@@ -${hunkRange(hunk[0].a, aCount)} +${hunkRange(hunk[0].b, bCount)} @@\n`;
    for (const o of hunk) {
      out += o.kind + o.line.replace(/\n$/, '') + '\n';
      if (!o.line.endsWith('\n')) out += '\\ No newline at end of file\n';
    }
  }
  return out;
}
