import doc from './DL3016.md';
import { defineRule } from './rule';
import { unpinnedIn, wordRange } from './util';
import { installOf, isPinned } from '../knowledge/lang-packages';

export default defineRule({
  id: 'DL3016',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (install?.spec.name !== 'npm') continue;
        for (const word of install.packages) {
          const loose = unpinnedIn(ctx.model, ins, word, (p) => isPinned('npm', p));
          if (!loose.length) continue;
          ctx.report({
            range: wordRange(ctx.model, word),
            message: message(word.text, loose),
            instruction: ins,
          });
        }
      }
    }
  },
});

function message(word: string, loose: string[]): string {
  if (loose.length !== 1 || loose[0] !== word) {
    return `\`${word}\` names packages without a version (${loose.join(', ')}): pin each as \`<package>@<version>\`.`;
  }
  const at = word.lastIndexOf('@');
  if (at > 0 && word.slice(at + 1) === 'latest') {
    return `\`${word}\` follows every new release: name a version, \`${word.slice(0, at)}@<version>\`, so every build installs the same one.`;
  }
  return `\`${word}\` has no version: write \`${word}@<version>\` so every build installs the same one.`;
}
