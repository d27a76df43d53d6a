import doc from './MultipleInstructionsDisallowed.md';
import { defineRule } from './rule';
import type { TextEdit } from 'vscode-languageserver-types';
import type { DocModel, Instruction } from '../model/document';

const TRACKED = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export default defineRule({
  id: 'MultipleInstructionsDisallowed',
  severity: 'warning',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    // Each stage starts afresh (a stage built FROM another does not inherit the count), and
    // ONBUILD triggers belong to other builds.
    for (const stage of model.stages) {
      for (const keyword of TRACKED) {
        const all = stage.instructions.filter((i) => i.keyword === keyword);
        for (let k = 0; k + 1 < all.length; k++) {
          const earlier = all[k];
          const later = all[k + 1];
          const edit = deleteInstruction(model, earlier);
          ctx.report({
            range: earlier.keywordRange,
            message: `This ${keyword} is overridden by the ${keyword} on line ${later.range.start.line + 1}: a stage keeps only its last ${keyword}.`,
            instruction: earlier,
            fix: edit && { title: `Remove this ${keyword}`, edits: [edit], safe: false },
          });
        }
      }
    }
  },
});

/**
 * An edit deleting an instruction with its whole lines; undefined when something else shares
 * its first or last line.
 */
function deleteInstruction(model: DocModel, ins: Instruction): TextEdit | undefined {
  const first = ins.range.start.line;
  const last = ins.range.end.line;
  const before = model.lines.lineText(first).slice(0, ins.range.start.character);
  const after = model.lines.lineText(last).slice(ins.range.end.character);
  if (before.trim() || (after.trim() && !after.trim().startsWith('#'))) return undefined;
  if (last + 1 >= model.lines.lineCount) {
    return { range: { start: { line: first, character: 0 }, end: { line: last, character: model.lines.lineText(last).length } }, newText: '' };
  }
  return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' };
}
