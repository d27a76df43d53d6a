import doc from './DL3058.md';
import { defineRule } from './rule';
import { typedLabels } from './util';
import { isEmail } from '../knowledge/labels';

export default defineRule({
  id: 'DL3058',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const { ins, pair } of typedLabels(ctx, 'email')) {
      if (isEmail(pair.value)) continue;
      const angle = /<([^<>]+)>/.exec(pair.value);
      const hint = angle && isEmail(angle[1]) ? ` (only the address: \`${angle[1]}\`)` : '';
      ctx.report({
        range: pair.valueRange,
        message: `Label \`${pair.key}\` should be an e-mail address, but \`${pair.value}\` is not one${hint}.`,
        instruction: ins,
      });
    }
  },
});
