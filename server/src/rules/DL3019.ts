import doc from './DL3019.md';
import { defineRule } from './rule';
import { cacheMountTargets, insertAfter, wordRange } from './util';
import { hasNoCache, installOf } from '../knowledge/os-packages';
import { commandFlags } from '../model/shell';

export default defineRule({
  id: 'DL3019',
  severity: 'info',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (install?.spec.name !== 'apk' || hasNoCache(cmd, install.spec)) continue;
        // --no-network downloads no index, so there is nothing to leave behind.
        if (commandFlags(cmd).has('no-network')) continue;
        if (cacheMountTargets(ins).some((t) => t.includes('/var/cache/apk'))) break;
        ctx.report({
          range: wordRange(ctx.model, { start: cmd.name!.start, end: install.subcommand.end }),
          message: '`apk add` without `--no-cache` leaves the package index in the layer (/var/cache/apk).',
          instruction: ins,
          fix: { title: 'Add --no-cache', edits: [insertAfter(ctx.model, install.subcommand, ' --no-cache')], safe: true },
        });
      }
    }
  },
});
