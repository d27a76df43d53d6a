import doc from './DL3050.md';
import { defineRule } from './rule';
import { labelPairs, type LabelPair } from './util';
import type { DocModel, Instruction } from '../model/document';
import type { TextEdit } from 'vscode-languageserver-types';

export default defineRule({
  id: 'DL3050',
  severity: 'info',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    if (!ctx.config.strictLabels) return;
    const schema = ctx.config.labelSchema;
    for (const ins of ctx.instructions('LABEL')) {
      const pairs = labelPairs(ctx.model, ins);
      pairs.forEach((pair, i) => {
        if (Object.prototype.hasOwnProperty.call(schema, pair.key)) return;
        ctx.report({
          range: pair.keyRange,
          message: `Label \`${pair.key}\` is not in the label-schema of .hadolint.yaml, and strict-labels allows no others.`,
          instruction: ins,
          fix: { title: `Remove the label ${pair.key}`, edits: [removePair(ctx.model, ins, pairs, i)], safe: false },
        });
      });
    }
  },
});

/**
 * Deletes one pair and the space that separates it from its neighbour, keeping the other
 * pairs' layout; a LABEL left without pairs is deleted with its line(s).
 */
function removePair(model: DocModel, ins: Instruction, pairs: LabelPair[], i: number): TextEdit {
  if (pairs.length === 1) return removeLines(model, ins.onbuild ?? ins);
  if (i < pairs.length - 1) return { range: { start: pairs[i].keyRange.start, end: pairs[i + 1].keyRange.start }, newText: '' };
  return { range: { start: pairs[i - 1].valueRange.end, end: pairs[i].valueRange.end }, newText: '' };
}

function removeLines(model: DocModel, ins: Instruction): TextEdit {
  const first = ins.range.start.line;
  const last = ins.range.end.line;
  if (last + 1 < model.lines.lineCount) return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' };
  const end = model.lines.positionAt(model.lines.lineEnd(last));
  const start = first > 0 ? model.lines.positionAt(model.lines.lineEnd(first - 1)) : { line: first, character: 0 };
  return { range: { start, end }, newText: '' };
}
