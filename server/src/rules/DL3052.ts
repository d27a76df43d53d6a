import doc from './DL3052.md';
import { defineRule } from './rule';
import { typedLabels } from './util';
import { isUrl } from '../knowledge/labels';

export default defineRule({
  id: 'DL3052',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const { ins, pair } of typedLabels(ctx, 'url')) {
      if (isUrl(pair.value)) continue;
      const hint = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(pair.value) ? '' : ' (it needs a scheme such as `https://`)';
      ctx.report({
        range: pair.valueRange,
        message: `Label \`${pair.key}\` should be a URL, but \`${pair.value}\` is not one${hint}.`,
        instruction: ins,
      });
    }
  },
});
