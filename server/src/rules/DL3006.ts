import doc from './DL3006.md';
import { defineRule } from './rule';
import { splitImageRef } from './util';

export default defineRule({
  id: 'DL3006',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const image = stage.image;
      if (!image || !stage.imageRange) continue;
      if (image.toLowerCase() === 'scratch' || image.startsWith('$')) continue;
      // An earlier stage's name (BuildKit matches stage names case-insensitively; hadolint does not).
      if (stage.parent) continue;
      const ref = splitImageRef(image);
      if (ref.tag !== undefined || ref.digest !== undefined) continue;
      // A variable in the image's own name may carry the tag (`registry/${IMAGE}`).
      if (ref.name.slice(ref.name.lastIndexOf('/') + 1).includes('$')) continue;
      ctx.report({
        range: stage.imageRange,
        message: `\`${image}\` has no tag, so the build uses whatever \`${image}:latest\` points to that day; name a version.`,
        instruction: stage.from,
      });
    }
  },
});
