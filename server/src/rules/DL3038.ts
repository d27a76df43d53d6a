import doc from './DL3038.md';
import { defineRule } from './rule';
import { insertAfter, wordRange } from './util';
import { hasAssumeYes, installOf } from '../knowledge/os-packages';

const MANAGERS = ['dnf', 'microdnf'];

export default defineRule({
  id: 'DL3038',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (!install || !MANAGERS.includes(install.spec.name) || hasAssumeYes(cmd, install.spec)) continue;
        const words = ctx.model.text.slice(cmd.name!.start, install.subcommand.end).replace(/\s+/g, ' ');
        ctx.report({
          range: wordRange(ctx.model, { start: cmd.name!.start, end: install.subcommand.end }),
          message: `\`${words}\` without \`-y\` waits for an "Is this ok [y/N]" answer that a build cannot give, and fails.`,
          instruction: ins,
          fix: { title: 'Add -y', edits: [insertAfter(ctx.model, install.subcommand, ' -y')], safe: true },
        });
      }
    }
  },
});
