import doc from './DL3014.md';
import { defineRule } from './rule';
import { insertAfter, wordRange } from './util';
import { hasAssumeYes, installOf } from '../knowledge/os-packages';

export default defineRule({
  id: 'DL3014',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (install?.spec.name !== 'apt-get' || hasAssumeYes(cmd, install.spec)) continue;
        ctx.report({
          range: wordRange(ctx.model, { start: cmd.name!.start, end: install.subcommand.end }),
          message: '`apt-get install` without `-y` waits for a "Do you want to continue?" answer that a build cannot give, and fails.',
          instruction: ins,
          fix: { title: 'Add -y', edits: [insertAfter(ctx.model, install.subcommand, ' -y')], safe: true },
        });
      }
    }
  },
});
