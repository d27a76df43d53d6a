import doc from './DX2014.md';
import { defineRule } from './rule';
import { builderText } from './util';
import { chmodProblem } from '../knowledge/flags';

export default defineRule({
  id: 'DX2014',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('COPY', 'ADD')) {
      for (const flag of builderText(ctx.model, ins).flags) {
        if (flag.name !== 'chmod' || !flag.value || !flag.valueRange || flag.value.includes('$')) continue;
        const problem = chmodProblem(flag.value);
        if (!problem) continue;
        ctx.report({
          range: flag.valueRange,
          message: `\`--chmod=${flag.value}\` ${problem}: the builder rejects it.`,
          instruction: ins,
        });
      }
    }
  },
});
