import doc from './DL3061.md';
import { defineRule } from './rule';

export default defineRule({
  id: 'DL3061',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    // Only ARG may come before the first FROM (comments and parser directives are not instructions).
    for (const ins of ctx.model.instructions) {
      if (ins.keyword === 'FROM') return;
      if (ins.keyword === 'ARG') continue;
      ctx.report({
        range: ins.keywordRange,
        message: `\`${ins.keywordText}\` comes before the first FROM; a Dockerfile must start with FROM (only ARG, comments and parser directives may precede it).`,
        instruction: ins,
      });
      return;
    }
  },
});
