/** Hovering by line and text, as the hover tests describe a position: "on line 3, at `--gid`". */
import '../setup';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/document';
import { hover } from '../../server/src/service/hover';

/** The hover's Markdown and range at the first occurrence of `needle` on `line` (0-based), `shift` characters in. */
export function hoverOn(text: string, line: number, needle: string, shift = 0): { md: string; range: string } | null {
  const model = parseDocument(text);
  const col = model.lines.lineText(line).indexOf(needle);
  assert.ok(col >= 0, `"${needle}" is not on line ${line}`);
  const h = hover(model, { line, character: col + shift });
  if (!h) return null;
  const md = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : String(h.contents);
  const r = h.range!;
  return { md, range: `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` };
}

/** The Markdown only ('' when there is no hover). */
export const md = (text: string, line: number, needle: string, shift = 0) => hoverOn(text, line, needle, shift)?.md ?? '';
