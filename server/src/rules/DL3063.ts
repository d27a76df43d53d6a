import doc from './DL3063.md';
import { defineRule } from './rule';

/** Names the builder gives a meaning of its own: the empty image, and the build context. */
const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  id: 'DL3063',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      // Exact comparison, as hadolint does (BuildKit's ReservedStageName ignores case).
      if (!stage.name || !stage.nameRange || !RESERVED.has(stage.name)) continue;
      const meaning = stage.name === 'scratch' ? 'the empty base image' : 'the build context';
      ctx.report({
        range: stage.nameRange,
        message: `\`${stage.name}\` is a reserved name (it means ${meaning}); name the stage something else.`,
        instruction: stage.from,
      });
    }
  },
});
