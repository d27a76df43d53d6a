import doc from './DL3041.md';
import { defineRule } from './rule';
import { unpinnedIn, unpinnedMessage, wordRange } from './util';
import { installOf, isModulePinned, isPinned } from '../knowledge/os-packages';

const MANAGERS = ['dnf', 'microdnf'];

export default defineRule({
  id: 'DL3041',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (!install || !MANAGERS.includes(install.spec.name) || install.kind === 'group') continue;
        for (const word of install.packages) {
          if (install.kind === 'module') {
            if (unpinnedIn(ctx.model, ins, word, isModulePinned).length === 0) continue;
            ctx.report({
              range: wordRange(ctx.model, word),
              message: `Module \`${word.text}\` has no stream: write \`${word.text}:<stream>\` so every build enables the same one.`,
              instruction: ins,
            });
            continue;
          }
          const loose = unpinnedIn(ctx.model, ins, word, (p) => isPinned('rpm', p));
          if (!loose.length) continue;
          ctx.report({
            range: wordRange(ctx.model, word),
            message: unpinnedMessage(word, loose, 'rpm'),
            instruction: ins,
          });
        }
      }
    }
  },
});
