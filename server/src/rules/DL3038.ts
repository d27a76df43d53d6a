import doc from './DL3038.md';
import { defineRule } from './rule';
import { assumeYesCheck } from './checks';

export default defineRule({
  id: 'DL3038',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check: assumeYesCheck(['dnf', 'microdnf']),
});
