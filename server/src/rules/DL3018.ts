import doc from './DL3018.md';
import { defineRule } from './rule';
import { unpinnedIn, unpinnedMessage, wordRange } from './util';
import { installOf, isPinned } from '../knowledge/os-packages';

export default defineRule({
  id: 'DL3018',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (install?.spec.name !== 'apk') continue;
        for (const word of install.packages) {
          const loose = unpinnedIn(ctx.model, ins, word, (p) => isPinned('apk', p));
          if (!loose.length) continue;
          ctx.report({
            range: wordRange(ctx.model, word),
            message: unpinnedMessage(word, loose, 'apk'),
            instruction: ins,
          });
        }
      }
    }
  },
});
