import doc from './DL3018.md';
import { defineRule } from './rule';
import { unpinnedPackagesCheck } from './checks';

export default defineRule({
  id: 'DL3018',
  severity: 'warning',
  fixable: false,
  doc,
  check: unpinnedPackagesCheck({ managers: ['apk'], style: 'apk' }),
});
