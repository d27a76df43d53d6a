/**
 * Fix-all: every safe fix of a document, overlapping ones skipped, and then again on the new
 * text until nothing is left to fix — what the `source.fixAll` code action and `lint --fix`
 * apply. A fix skipped for overlapping another (a keyword's casing and `MAINTAINER` → `LABEL`)
 * or one that only shows once another is applied gets its turn on the next pass.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { parseDocument, type DocModel } from '../model/document';
import { LineIndex } from '../model/text';
import { toDiagnostic, SOURCE, type DiagnosticData } from './diagnostics';
import type { Problem } from './lint';

/** Applies non-overlapping edits (positions in `text`) and returns the new text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e, i) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText, i }))
    // From the end backwards, so earlier offsets stay valid; insertions at one point keep their order.
    .sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/**
 * One pass: the safe fixes of our current diagnostics, in order, each taken unless one of its
 * edits overlaps (or touches, for insertions) an edit already taken.
 */
export function safeFixes(model: DocModel, diagnostics: Diagnostic[]): { edits: TextEdit[]; fixed: Diagnostic[] } {
  const taken: Array<[number, number]> = [];
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  for (const d of diagnostics) {
    const data = d.data as DiagnosticData | undefined;
    const fix = data?.fix;
    if (d.source !== SOURCE || !fix || !fix.safe || data.version !== model.version) continue;
    const spans = fix.edits.map((e) => [model.lines.offsetAt(e.range.start), model.lines.offsetAt(e.range.end)] as [number, number]);
    const overlaps = spans.some(([s, e]) => taken.some(([ts, te]) => (s < te && ts < e) || (s === e && s >= ts && s <= te) || (ts === te && ts >= s && ts <= e)));
    if (overlaps) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
    fixed.push(d);
  }
  return { edits, fixed };
}

export interface FixAllResult {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  /** Passes that changed the text. */
  passes: number;
}

/** At most this many fix-all passes: each one lints again, and one or two are the norm. */
export const MAX_FIX_PASSES = 5;

/**
 * Applies every safe fix to `text`, pass after pass (linting the new text after each) until
 * no safe fix is left, the text stops changing, or `maxPasses` is reached.
 */
export function fixAllText(text: string, lintModel: (model: DocModel) => Problem[], uri = 'untitled:Dockerfile', maxPasses = MAX_FIX_PASSES): FixAllResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const model = parseDocument(current, uri, pass);
    const { edits, fixed } = safeFixes(
      model,
      lintModel(model).map((p) => toDiagnostic(model, p)),
    );
    if (!edits.length) break;
    const next = applyTextEdits(current, edits);
    if (next === current) break;
    current = next;
    applied += fixed.length;
    passes++;
  }
  return { text: current, applied, passes };
}
