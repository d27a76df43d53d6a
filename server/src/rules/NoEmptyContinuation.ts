import doc from './NoEmptyContinuation.md';
import { defineRule } from './rule';
import type { TextEdit } from 'vscode-languageserver-types';
import type { DocModel, Instruction } from '../model/document';

export default defineRule({
  id: 'NoEmptyContinuation',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of model.instructions) {
      const runs = emptyRuns(model, ins);
      if (!runs.length) continue;
      const [first] = runs;
      const lines = runs.reduce((n, r) => n + r.last - r.first + 1, 0);
      // A run on the file's last line ends at that line's end: there is no line after it to point at.
      const edits: TextEdit[] = runs.map((r) => ({
        range: {
          start: { line: r.first, character: 0 },
          end: r.last + 1 < model.lines.lineCount ? { line: r.last + 1, character: 0 } : { line: r.last, character: model.lines.lineText(r.last).length },
        },
        newText: '',
      }));
      ctx.report({
        range: { start: first.escape, end: { line: first.last, character: model.lines.lineText(first.last).length } },
        message:
          lines === 1
            ? `Empty line inside a continued \`${ins.keywordText}\`: the builder skips it today, but empty continuation lines are to become errors.`
            : `${lines} empty lines inside a continued \`${ins.keywordText}\`: the builder skips them today, but empty continuation lines are to become errors.`,
        instruction: ins,
        fix: { title: lines === 1 ? 'Remove the empty line' : 'Remove the empty lines', edits, safe: true },
      });
    }
  },
});

interface EmptyRun {
  /** The escape character that continues the instruction onto the empty lines. */
  escape: { line: number; character: number };
  first: number;
  last: number;
}

/**
 * The runs of empty (or blank) lines inside an instruction's line continuations, as the builder
 * reads them: after a line that ends with the escape character, comment lines and empty lines
 * do not end the instruction. Heredoc bodies are not continuation lines.
 */
function emptyRuns(model: DocModel, ins: Instruction): EmptyRun[] {
  const runs: EmptyRun[] = [];
  const count = model.lines.lineCount;
  let line = ins.range.start.line;
  let at = continuationAt(model.lines.lineText(line), model.escapeChar);
  let escape = at >= 0 ? { line, character: at } : undefined;
  let run: EmptyRun | undefined;
  while (escape && ++line < count) {
    const text = model.lines.lineText(line);
    // After the file's last line break there is no line at all.
    if (line === count - 1 && text === '') break;
    if (text.trim() === '') {
      if (run) run.last = line;
      else runs.push((run = { escape, first: line, last: line }));
      continue;
    }
    run = undefined;
    if (/^[ \t]*#/.test(text)) continue;
    at = continuationAt(text, model.escapeChar);
    escape = at >= 0 ? { line, character: at } : undefined;
  }
  return runs;
}

/**
 * Where a line's continuation (the escape character, then only blanks) is, or -1. An escaped
 * escape character (`C:\\`) at the end of a line does not continue it.
 */
function continuationAt(text: string, esc: string): number {
  const trimmed = text.replace(/[ \t]+$/, '');
  const n = trimmed.length;
  return n >= 2 && trimmed[n - 1] === esc && trimmed[n - 2] !== esc ? n - 1 : -1;
}
