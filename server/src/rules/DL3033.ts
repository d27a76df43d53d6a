import doc from './DL3033.md';
import { defineRule } from './rule';
import { unpinnedPackagesCheck } from './checks';

export default defineRule({
  id: 'DL3033',
  severity: 'warning',
  fixable: false,
  doc,
  check: unpinnedPackagesCheck({ managers: ['yum'], style: 'rpm', modules: true }),
});
