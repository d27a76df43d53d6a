import doc from './DL3032.md';
import { defineRule } from './rule';
import { cacheCleanupCheck } from './checks';
import { MANAGERS } from '../knowledge/os-packages';

export default defineRule({
  id: 'DL3032',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check: cacheCleanupCheck(MANAGERS.yum, '/var/cache/yum'),
});
