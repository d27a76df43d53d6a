import doc from './DL3063.md';
import { defineRule } from './rule';

/** Names the builder gives a meaning of its own: the empty image, and the build context. */
const RESERVED = new Map([
  ['scratch', 'the empty base image'],
  ['context', 'the build context'],
]);

export default defineRule({
  id: 'DL3063',
  aliases: ['ReservedStageName'],
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (!stage.name || !stage.nameRange) continue;
      // The builder lowercases stage names, so `Scratch` is `scratch` to it.
      const lower = stage.name.toLowerCase();
      const meaning = RESERVED.get(lower);
      if (!meaning) continue;
      const why = lower === stage.name ? `it means ${meaning}` : `the builder reads it as \`${lower}\`, which means ${meaning}`;
      ctx.report({
        range: stage.nameRange,
        message: `\`${stage.name}\` is a reserved name (${why}); name the stage something else.`,
        instruction: stage.from,
      });
    }
  },
});
