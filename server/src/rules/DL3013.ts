import doc from './DL3013.md';
import { defineRule } from './rule';
import { unpinnedLangPackagesCheck } from './checks';

export default defineRule({
  id: 'DL3013',
  severity: 'warning',
  fixable: false,
  doc,
  check: unpinnedLangPackagesCheck('pip', (word, loose) =>
    loose.length === 1 && loose[0] === word.text
      ? `\`${word.text}\` has no version: write \`${word.text}==<version>\` (or install from a requirements file) so every build installs the same one.`
      : `\`${word.text}\` names packages without a version (${loose.join(', ')}): pin each as \`<package>==<version>\`.`,
  ),
});
