import doc from './DL3055.md';
import { defineRule } from './rule';
import { typedLabels } from './util';
import { isGitHash } from '../knowledge/labels';

export default defineRule({
  id: 'DL3055',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const { ins, pair } of typedLabels(ctx, 'hash')) {
      if (isGitHash(pair.value)) continue;
      const hint = /^[0-9A-Fa-f]+$/.test(pair.value) && /[A-F]/.test(pair.value) ? ' (git writes hashes in lowercase)' : '';
      ctx.report({
        range: pair.valueRange,
        message: `Label \`${pair.key}\` should be a git commit hash (7 to 40 lowercase hex digits), but is \`${pair.value}\`${hint}.`,
        instruction: ins,
      });
    }
  },
});
