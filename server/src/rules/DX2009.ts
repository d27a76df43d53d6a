import doc from './DX2009.md';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { defineRule } from './rule';
import type { DocModel } from '../model/document';
import { allInstructions } from '../model/document';
import { builderText, removeFlagEdit, type BuilderFlag } from './util';
import { flagInfo, flagsChecked } from '../knowledge/flags';

export default defineRule({
  id: 'DX2009',
  severity: 'error',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of allInstructions(model)) {
      const bt = builderText(model, ins);
      if (bt.flags.length < 2 || !flagsChecked(ins.keyword, bt.text.slice(bt.argsStart))) continue;
      const seen = new Map<string, BuilderFlag>();
      for (const flag of bt.flags) {
        const info = flagInfo(ins.keyword, flag.name);
        if (!info || info.kind === 'strings') continue;
        const first = seen.get(flag.name);
        if (!first) {
          seen.set(flag.name, flag);
          continue;
        }
        const same = first.value === flag.value;
        ctx.report({
          range: flag.range,
          message: `\`--${flag.name}\` is given twice on this \`${ins.keywordText}\`${same ? '' : ` (\`${show(first.value)}\`, then \`${show(flag.value)}\`)`}: the builder rejects a repeated \`--${flag.name}\`.`,
          instruction: ins,
          fix: same ? { title: `Remove the repeated --${flag.name}`, edits: [removeEdit(model, flag)], safe: true } : undefined,
        });
      }
    }
  },
});

/** Deletes a flag; when it is alone on a continuation line, the whole line goes. */
function removeEdit(model: DocModel, flag: { range: Range }): TextEdit {
  const line = flag.range.start.line;
  const text = model.lines.lineText(line);
  const before = text.slice(0, flag.range.start.character);
  const after = flag.range.end.line === line ? text.slice(flag.range.end.character) : '';
  if (flag.range.end.line === line && before.trim() === '' && after.trim() === model.escapeChar) {
    return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  }
  return removeFlagEdit(model, flag);
}

function show(value: string | null): string {
  return value === null ? 'no value' : value;
}
