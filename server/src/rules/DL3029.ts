import doc from './DL3029.md';
import { defineRule } from './rule';
import { removeFlagEdit } from './util';

export default defineRule({
  id: 'DL3029',
  severity: 'warning',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('FROM')) {
      const flag = ins.flags.find((f) => f.name.toLowerCase() === 'platform');
      if (!flag?.value) continue;
      // `$BUILDPLATFORM` (build on the builder's platform) and `$TARGETPLATFORM` follow the build's settings.
      if (flag.value.includes('BUILDPLATFORM') || flag.value.includes('TARGETPLATFORM')) continue;
      ctx.report({
        range: flag.range,
        message: `\`--platform=${flag.value}\` pins this stage to one platform, whatever platform the build targets; leave it out or use \`$BUILDPLATFORM\`.`,
        instruction: ins,
        fix: { title: 'Remove the --platform flag', edits: [removeFlagEdit(ctx.model, flag)], safe: false },
      });
    }
  },
});
