import doc from './DL3041.md';
import { defineRule } from './rule';
import { unpinnedPackagesCheck } from './checks';

export default defineRule({
  id: 'DL3041',
  severity: 'warning',
  fixable: false,
  doc,
  check: unpinnedPackagesCheck({ managers: ['dnf', 'microdnf'], style: 'rpm', modules: true }),
});
