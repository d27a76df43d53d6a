import doc from './DL3030.md';
import { defineRule } from './rule';
import { assumeYesCheck } from './checks';

export default defineRule({
  id: 'DL3030',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check: assumeYesCheck(['yum']),
});
