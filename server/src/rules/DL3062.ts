import doc from './DL3062.md';
import { defineRule } from './rule';
import { unpinnedIn, wordRange } from './util';
import { installOf, isPinned } from '../knowledge/lang-packages';

export default defineRule({
  id: 'DL3062',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (install?.spec.name !== 'go') continue;
        const sub = install.subcommand.text;
        for (const word of install.packages) {
          const loose = unpinnedIn(ctx.model, ins, word, (p) => isPinned('go', p));
          if (!loose.length) continue;
          ctx.report({ range: wordRange(ctx.model, word), message: message(sub, word.text, loose), instruction: ins });
        }
      }
    }
  },
});

function message(sub: string, word: string, loose: string[]): string {
  if (loose.length !== 1 || loose[0] !== word) {
    return `\`${word}\` names packages without a version (${loose.join(', ')}): pin each as \`<package>@<version>\`.`;
  }
  const at = word.lastIndexOf('@');
  if (at >= 0) {
    return `\`@${word.slice(at + 1)}\` is not a version: \`go ${sub}\` resolves it anew on every build; write \`${word.slice(0, at)}@<version>\`.`;
  }
  return `\`${word}\` has no version: write \`${word}@<version>\` so every build of \`go ${sub}\` gets the same code.`;
}
