import doc from './DL3027.md';
import { defineRule, type Fix } from './rule';
import { wordRange } from './util';
import { baseName } from '../model/shell';
import { subcommandOf } from '../knowledge/os-packages';

/** apt subcommands that apt-get also has, with the same name. */
const APT_GET_SUBCOMMANDS = new Set([
  'update', 'upgrade', 'install', 'remove', 'purge', 'autoremove', 'dist-upgrade', 'source', 'build-dep', 'satisfy',
  'check', 'download', 'clean', 'autoclean', 'changelog',
]);

export default defineRule({
  id: 'DL3027',
  severity: 'warning',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        if (baseName(cmd) !== 'apt') continue;
        const name = cmd.name!;
        const sub = subcommandOf(cmd);
        let fix: Fix | undefined;
        // Only when the name is written plainly (`apt`, `/usr/bin/apt`) and apt-get knows the subcommand.
        if (sub && APT_GET_SUBCOMMANDS.has(sub.text) && model.text.slice(name.start, name.end).endsWith('apt')) {
          const at = model.lines.positionAt(name.end);
          fix = { title: 'Use apt-get', edits: [{ range: { start: at, end: at }, newText: '-get' }], safe: false };
        }
        ctx.report({
          range: wordRange(model, name),
          message:
            sub && APT_GET_SUBCOMMANDS.has(sub.text)
              ? `\`apt ${sub.text}\` is meant for people at a terminal and its behaviour may change between releases; scripts should use \`apt-get ${sub.text}\`.`
              : `\`apt${sub ? ' ' + sub.text : ''}\` is meant for people at a terminal and its behaviour may change between releases; scripts should use \`apt-get\`, \`apt-cache\` or \`dpkg-query\`.`,
          instruction: ins,
          fix,
        });
      }
    }
  },
});
