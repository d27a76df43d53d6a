import doc from './DL3036.md';
import { defineRule } from './rule';
import { cacheCleanupCheck } from './checks';
import { MANAGERS } from '../knowledge/os-packages';

export default defineRule({
  id: 'DL3036',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check: cacheCleanupCheck(MANAGERS.zypper, '/var/cache/zypp'),
});
