import doc from './DL3007.md';
import { defineRule } from './rule';
import { splitImageRef } from './util';

export default defineRule({
  id: 'DL3007',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (!stage.image || !stage.imageRange) continue;
      const ref = splitImageRef(stage.image);
      if (ref.tag !== 'latest' || ref.digest !== undefined) continue;
      ctx.report({
        range: stage.imageRange,
        message: `\`${stage.image}\` follows whatever is newest when you build, so two builds of the same Dockerfile can differ; name a version.`,
        instruction: stage.from,
      });
    }
  },
});
