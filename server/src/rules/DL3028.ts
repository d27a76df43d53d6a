import doc from './DL3028.md';
import { defineRule } from './rule';
import { unpinnedLangPackagesCheck } from './checks';

export default defineRule({
  id: 'DL3028',
  severity: 'warning',
  fixable: false,
  doc,
  check: unpinnedLangPackagesCheck('gem', (word, loose) =>
    loose.length === 1 && loose[0] === word.text
      ? `\`${word.text}\` has no version: write \`${word.text}:<version>\` (or add \`-v <version>\`) so every build installs the same one.`
      : `\`${word.text}\` names gems without a version (${loose.join(', ')}): pin each as \`<gem>:<version>\`.`,
  ),
});
