import doc from './DL3008.md';
import { defineRule } from './rule';
import { unpinnedPackagesCheck } from './checks';

export default defineRule({
  id: 'DL3008',
  severity: 'warning',
  fixable: false,
  doc,
  check: unpinnedPackagesCheck({ managers: ['apt-get'], style: 'apt', packagesOnly: true }),
});
