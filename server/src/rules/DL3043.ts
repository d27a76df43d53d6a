import doc from './DL3043.md';
import { defineRule } from './rule';

/** Instructions ONBUILD can't defer. */
const NOT_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  id: 'DL3043',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('ONBUILD')) {
      const trigger = ins.trigger;
      if (ins.onbuild || !trigger || !NOT_TRIGGERS.has(trigger.keyword)) continue;
      const why =
        trigger.keyword === 'ONBUILD'
          ? 'triggers can\'t be chained'
          : trigger.keyword === 'FROM'
            ? 'a trigger runs inside the child\'s stage and can\'t start a new one'
            : 'MAINTAINER is deprecated; use a LABEL';
      ctx.report({
        range: trigger.keywordRange,
        message: `\`ONBUILD ${trigger.keywordText}\` is not allowed (${why}); BuildKit rejects the Dockerfile.`,
        instruction: ins,
      });
    }
  },
});
