import doc from './DL3013.md';
import { defineRule } from './rule';
import { unpinnedIn, wordRange } from './util';
import { installOf, isPinned } from '../knowledge/lang-packages';

export default defineRule({
  id: 'DL3013',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (install?.spec.name !== 'pip' || install.pinnedByFlag) continue;
        for (const word of install.packages) {
          const loose = unpinnedIn(ctx.model, ins, word, (p) => isPinned('pip', p));
          if (!loose.length) continue;
          ctx.report({
            range: wordRange(ctx.model, word),
            message:
              loose.length === 1 && loose[0] === word.text
                ? `\`${word.text}\` has no version: write \`${word.text}==<version>\` (or install from a requirements file) so every build installs the same one.`
                : `\`${word.text}\` names packages without a version (${loose.join(', ')}): pin each as \`<package>==<version>\`.`,
            instruction: ins,
          });
        }
      }
    }
  },
});
