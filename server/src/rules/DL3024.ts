import doc from './DL3024.md';
import { defineRule } from './rule';
import type { Stage } from '../model/document';

export default defineRule({
  id: 'DL3024',
  aliases: ['DuplicateStageName'],
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    // The builder looks stages up by their lowercased name, so `Build` and `build` clash.
    const seen = new Map<string, Stage>();
    for (const stage of ctx.model.stages) {
      if (!stage.name || !stage.nameRange) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (!first) {
        seen.set(key, stage);
        continue;
      }
      const line = first.from.range.start.line + 1;
      const earlier = first.name === stage.name ? `the stage on line ${line}` : `the stage on line ${line} (as \`${first.name}\`; case does not count)`;
      ctx.report({
        range: stage.nameRange,
        message: `Stage name \`${stage.name}\` is already used by ${earlier}; give each stage its own name.`,
        instruction: stage.from,
      });
    }
  },
});
