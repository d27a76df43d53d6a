import doc from './StageNameCasing.md';
import { defineRule } from './rule';
import type { TextEdit } from 'vscode-languageserver-types';
import { allInstructions, type DocModel, type Stage } from '../model/document';
import { mountFroms, stageByRef } from './util';

export default defineRule({
  id: 'StageNameCasing',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const name = stage.name;
      if (!name || !stage.nameRange || name === name.toLowerCase()) continue;
      const lower = name.toLowerCase();
      ctx.report({
        range: stage.nameRange,
        message: `Stage name \`${name}\` has capital letters; the builder compares stage names in lowercase, so write \`${lower}\`.`,
        instruction: stage.from,
        fix: { title: `Rename the stage to "${lower}" everywhere`, edits: renameEdits(model, stage, lower), safe: true },
      });
    }
  },
});

/**
 * Edits that write the stage's name in lowercase where it is defined and wherever the file
 * refers to it: `FROM <name>`, `COPY --from=<name>`, `RUN --mount=…,from=<name>`.
 */
function renameEdits(model: DocModel, stage: Stage, lower: string): TextEdit[] {
  const edits: TextEdit[] = [{ range: stage.nameRange!, newText: lower }];
  const key = lower;
  for (const other of model.stages) {
    if (other !== stage && other.parent === stage && other.imageRange && other.image !== lower) {
      edits.push({ range: other.imageRange, newText: lower });
    }
  }
  for (const ins of allInstructions(model)) {
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      for (const f of ins.flags) {
        if (f.name.toLowerCase() !== 'from' || !f.value || !f.valueRange) continue;
        if (f.value.toLowerCase() === key && f.value !== lower && stageByRef(model, f.value) === stage) edits.push({ range: f.valueRange, newText: lower });
      }
    } else if (ins.keyword === 'RUN') {
      for (const m of mountFroms(model, ins)) {
        if (m.from.toLowerCase() === key && m.from !== lower && stageByRef(model, m.from) === stage) edits.push({ range: m.range, newText: lower });
      }
    }
  }
  return edits;
}
