import doc from './DL3008.md';
import { defineRule } from './rule';
import { unpinnedIn, unpinnedMessage, wordRange } from './util';
import { installOf, isPinned } from '../knowledge/os-packages';

export default defineRule({
  id: 'DL3008',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (install?.spec.name !== 'apt-get' || install.kind !== 'package') continue;
        for (const word of install.packages) {
          const loose = unpinnedIn(ctx.model, ins, word, (p) => isPinned('apt', p));
          if (!loose.length) continue;
          ctx.report({
            range: wordRange(ctx.model, word),
            message: unpinnedMessage(word, loose, 'apt'),
            instruction: ins,
          });
        }
      }
    }
  },
});
