import doc from './DL3015.md';
import { defineRule } from './rule';
import { argNamed, commandsNamed, insertAfter, wordRange } from './util';
import { commandFlags } from '../model/shell';

export default defineRule({
  id: 'DL3015',
  severity: 'info',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of commandsNamed(ins, 'apt-get')) {
        const install = argNamed(cmd, 'install');
        if (!install) continue;
        if (commandFlags(cmd).has('no-install-recommends')) continue;
        if (cmd.args.some((a) => a.text === 'APT::Install-Recommends=false')) continue;
        ctx.report({
          range: wordRange(ctx.model, { start: cmd.name!.start, end: install.end }),
          message: '`apt-get install` without `--no-install-recommends` also installs every recommended package.',
          instruction: ins,
          fix: {
            title: 'Add --no-install-recommends',
            edits: [insertAfter(ctx.model, install, ' --no-install-recommends')],
            safe: false,
          },
        });
      }
    }
  },
});
