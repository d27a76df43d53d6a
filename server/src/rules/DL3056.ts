import doc from './DL3056.md';
import { defineRule } from './rule';
import { typedLabels } from './util';
import { isSemver } from '../knowledge/labels';

export default defineRule({
  id: 'DL3056',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const { ins, pair } of typedLabels(ctx, 'semver')) {
      if (isSemver(pair.value)) continue;
      let hint = '';
      if (/^[vV]/.test(pair.value) && isSemver(pair.value.slice(1))) hint = ' (drop the leading `v`)';
      else if (/^\d+(\.\d+)?$/.test(pair.value)) hint = ' (a semantic version has three parts: MAJOR.MINOR.PATCH)';
      ctx.report({
        range: pair.valueRange,
        message: `Label \`${pair.key}\` should be a semantic version such as \`1.4.2\`, but is \`${pair.value}\`${hint}.`,
        instruction: ins,
      });
    }
  },
});
