import doc from './DL3035.md';
import { defineRule } from './rule';
import { wordRange } from './util';
import { baseName } from '../model/shell';
import { subcommandOf } from '../knowledge/os-packages';

export default defineRule({
  id: 'DL3035',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        if (baseName(cmd) !== 'zypper') continue;
        const sub = subcommandOf(cmd);
        if (!sub || (sub.text !== 'dist-upgrade' && sub.text !== 'dup')) continue;
        ctx.report({
          range: wordRange(ctx.model, { start: cmd.name!.start, end: sub.end }),
          message: `\`zypper ${sub.text}\` upgrades the whole distribution to whatever the repositories hold on build day; use a newer base image instead.`,
          instruction: ins,
        });
      }
    }
  },
});
