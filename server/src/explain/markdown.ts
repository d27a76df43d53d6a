/** Small Markdown writers for the explain document: code spans, tables, fences, heading anchors. */

/** Inline code for any text (backticks inside included), on one line, shortened past `max` characters. */
export function code(text: string, max = 80): string {
  let t = oneLine(text);
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  if (!t) return '` `';
  const runs = t.match(/`+/g);
  if (!runs) return `\`${t}\``;
  const ticks = '`'.repeat(Math.max(...runs.map((r) => r.length)) + 1);
  return `${ticks} ${t} ${ticks}`;
}

/** Text on one line: line breaks and runs of blanks become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A table cell: on one line, with `|` escaped. */
export function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|') || ' ';
}

/** A Markdown table; cells are escaped here. */
export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** A fenced code block, its fence longer than any backtick run inside. */
export function fence(lang: string, body: string): string {
  const runs = body.match(/`{3,}/g);
  const ticks = '`'.repeat(runs ? Math.max(...runs.map((r) => r.length)) + 1 : 3);
  return `${ticks}${lang}\n${body.trimEnd()}\n${ticks}`;
}

/** The first sentence of a paragraph (the whole paragraph when it has one sentence). */
export function firstSentence(text: string): string {
  const t = oneLine(text);
  const m = /^(.+?[.!?])\s+(?=[A-Z`*(“"])/.exec(t);
  return m ? m[1] : t;
}

/** Markdown to plain text for the text diagram: no code spans, no emphasis. */
export function plain(md: string): string {
  return oneLine(md.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`+ ?([^`]*?) ?`+/g, '$1'));
}

/**
 * Heading anchors as GitHub and VS Code's preview make them: lower case, punctuation dropped,
 * blanks to `-`; a repeated anchor gets `-1`, `-2`…
 */
export class Anchors {
  private seen = new Map<string, number>();
  take(heading: string): string {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-');
    const n = this.seen.get(base);
    this.seen.set(base, (n ?? -1) + 1);
    return n === undefined ? base : `${base}-${n + 1}`;
  }
}

/** `a`, `a and b`, `a, b and c`. */
export function list(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Up to `max` items in code, then `…`: `` `gcc`, `make` and 3 more ``. */
export function codeList(items: string[], max = 4): string {
  const shown = items.slice(0, max).map((i) => code(i));
  if (items.length > max) return `${shown.join(', ')} and ${items.length - max} more`;
  return list(shown);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
