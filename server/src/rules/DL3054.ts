import doc from './DL3054.md';
import { defineRule } from './rule';
import { typedLabels } from './util';
import { checkSpdx } from '../knowledge/labels';

export default defineRule({
  id: 'DL3054',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const { ins, pair } of typedLabels(ctx, 'spdx')) {
      const result = checkSpdx(pair.value);
      if (result.ok) continue;
      const problem = result.problem.startsWith('`') ? result.problem : `\`${pair.value}\` ${result.problem}`;
      const hint = result.suggestion ? ` (did you mean \`${result.suggestion}\`?)` : '';
      ctx.report({
        range: pair.valueRange,
        message: `Label \`${pair.key}\` should be an SPDX license expression: ${problem}${hint}.`,
        instruction: ins,
      });
    }
  },
});
