import doc from './DL3048.md';
import { defineRule } from './rule';
import { labelPairs } from './util';
import { labelKeyProblem } from '../knowledge/labels';

export default defineRule({
  id: 'DL3048',
  severity: 'style',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('LABEL')) {
      for (const pair of labelPairs(ctx.model, ins)) {
        // `${PREFIX}.version` is only known at build time.
        if (pair.dynamicKey) continue;
        const problem = labelKeyProblem(pair.key);
        if (!problem) continue;
        ctx.report({
          range: pair.keyRange,
          message: `Label key \`${pair.key}\` ${problem}.`,
          instruction: ins,
        });
      }
    }
  },
});
