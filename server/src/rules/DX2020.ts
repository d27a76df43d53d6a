import doc from './DX2020.md';
import { defineRule } from './rule';
import { builderRange, execFormStart } from './util';
import { allInstructions } from '../model/document';
import { scanExecForm } from '../knowledge/flags';

export default defineRule({
  id: 'DX2020',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of allInstructions(model)) {
      const at = execFormStart(model, ins);
      if (!at) continue;
      const text = at.bt.text.slice(at.start);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        continue; // not JSON: the builder reads it as shell form (DX2021)
      }
      if (!Array.isArray(value) || value.every((v) => typeof v === 'string')) continue;
      const items = scanExecForm(text).items;
      value.forEach((v, k) => {
        const item = items[k];
        if (typeof v === 'string' || !item) return;
        const written = text.slice(item.start, item.end);
        const range = builderRange(model, at.bt, at.start + item.start, at.start + item.end);
        const scalar = typeof v === 'number' || typeof v === 'boolean' || v === null;
        ctx.report({
          range,
          message: `\`${written}\` is not a string: in the JSON form of \`${ins.keywordText}\` every element must be a string in double quotes, and the builder rejects the array.`,
          instruction: ins,
          fix: scalar ? { title: `Quote ${written}`, edits: [{ range, newText: JSON.stringify(written) }], safe: false } : undefined,
        });
      });
    }
  },
});
