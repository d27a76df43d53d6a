import doc from './DL3037.md';
import { defineRule } from './rule';
import { unpinnedPackagesCheck } from './checks';

export default defineRule({
  id: 'DL3037',
  severity: 'warning',
  fixable: false,
  doc,
  check: unpinnedPackagesCheck({ managers: ['zypper'], style: 'zypper', packagesOnly: true }),
});
