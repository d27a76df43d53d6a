import doc from './DL3034.md';
import { defineRule } from './rule';
import { insertAfter, wordRange } from './util';
import { baseName } from '../model/shell';
import { hasAssumeYes, MANAGERS, subcommandOf } from '../knowledge/os-packages';

/** zypper subcommands that ask before they change anything. */
const ASKING = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];

export default defineRule({
  id: 'DL3034',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        if (baseName(cmd) !== 'zypper') continue;
        const sub = subcommandOf(cmd);
        if (!sub || !ASKING.includes(sub.text) || hasAssumeYes(cmd, MANAGERS.zypper)) continue;
        ctx.report({
          range: wordRange(ctx.model, { start: cmd.name!.start, end: sub.end }),
          message: `\`zypper ${sub.text}\` without \`-n\` (\`--non-interactive\`) waits for an answer that a build cannot give, and fails.`,
          instruction: ins,
          // -n is a global option: it goes before the subcommand.
          fix: { title: 'Add -n (non-interactive)', edits: [insertAfter(ctx.model, cmd.name!, ' -n')], safe: true },
        });
      }
    }
  },
});
