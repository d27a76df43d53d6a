import doc from './DL3065.md';
import { defineRule } from './rule';
import { removeFlagEdit, unquote } from './util';

export default defineRule({
  id: 'DL3065',
  aliases: ['RedundantTargetPlatform'],
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('FROM')) {
      const flag = ins.flags.find((f) => f.name.toLowerCase() === 'platform');
      if (!flag?.value) continue;
      const value = unquote(flag.value);
      if (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}') continue;
      ctx.report({
        range: flag.range,
        message: `\`--platform=${flag.value}\` changes nothing: a stage is built for the target platform by default.`,
        instruction: ins,
        fix: { title: 'Remove the redundant --platform flag', edits: [removeFlagEdit(ctx.model, flag)], safe: true },
      });
    }
  },
});
