import doc from './DL3053.md';
import { defineRule } from './rule';
import { typedLabels } from './util';
import { isRfc3339 } from '../knowledge/labels';

export default defineRule({
  id: 'DL3053',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const { ins, pair } of typedLabels(ctx, 'rfc3339')) {
      if (isRfc3339(pair.value)) continue;
      ctx.report({
        range: pair.valueRange,
        message: `Label \`${pair.key}\` should be an RFC 3339 date-time such as \`2024-05-01T12:30:00Z\`, but is \`${pair.value}\`.`,
        instruction: ins,
      });
    }
  },
});
