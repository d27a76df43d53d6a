import doc from './FromAsCasing.md';
import { defineRule } from './rule';

export default defineRule({
  id: 'FromAsCasing',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (!stage.asRange) continue;
      const from = stage.from.keywordText;
      const as = ctx.model.text.slice(ctx.model.lines.offsetAt(stage.asRange.start), ctx.model.lines.offsetAt(stage.asRange.end));
      let want: string;
      if (from === from.toLowerCase()) want = 'as';
      else if (from === from.toUpperCase()) want = 'AS';
      else continue; // `From`: the keyword itself is mixed case, another check's business
      if (as === want) continue;
      ctx.report({
        range: stage.asRange,
        message: `\`${as}\` does not match the casing of \`${from}\`; write \`${from} … ${want}\`.`,
        instruction: stage.from,
        fix: { title: `Write "${want}"`, edits: [{ range: stage.asRange, newText: want }], safe: true },
      });
    }
  },
});
