import doc from './DL3004.md';
import { defineRule, type Fix } from './rule';
import { wordRange } from './util';
import type { DocModel } from '../model/document';
import { baseName, type ShellCommand } from '../model/shell';

/** sudo options that only matter when a password or another user is involved: dropping them with sudo keeps the command the same. */
const HARMLESS_SHORT = new Set(['E', 'H', 'n', 'S', 'k', 'P']);
const HARMLESS_LONG = /^--(?:preserve-env(?:=.*)?|set-home|non-interactive|stdin|reset-timestamp|preserve-groups)$/;

export default defineRule({
  id: 'DL3004',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        if (!cmd.name || baseName(cmd) !== 'sudo') continue;
        ctx.report({
          range: wordRange(ctx.model, cmd.name),
          message: '`sudo` does not belong in a build: RUN already runs as the USER in effect (root unless changed); switch with `USER root` around the commands that need it.',
          instruction: ins,
          fix: removeSudo(ctx.model, cmd),
        });
      }
    }
  },
});

/**
 * Deletes `sudo` and its harmless options up to the command it runs. No fix when sudo is asked to
 * act as another user (`-u`), to start a login shell (`-i`, `-s`) or anything else that changes
 * the command, or when a comment line sits in between.
 */
function removeSudo(model: DocModel, cmd: ShellCommand): Fix | undefined {
  let i = 0;
  for (; i < cmd.args.length; i++) {
    const t = cmd.args[i].text;
    if (t === '--') {
      i++;
      break;
    }
    if (!t.startsWith('-')) break;
    if (t.startsWith('--') ? !HARMLESS_LONG.test(t) : ![...t.slice(1)].every((c) => HARMLESS_SHORT.has(c))) return undefined;
  }
  const target = cmd.args[i];
  if (!target || target.text.startsWith('-')) return undefined;
  if (model.text.slice(cmd.name!.start, target.start).includes('#')) return undefined;
  return {
    title: 'Remove sudo',
    edits: [{ range: model.lines.range(cmd.name!.start, target.start), newText: '' }],
    safe: false,
  };
}
