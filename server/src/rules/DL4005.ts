import doc from './DL4005.md';
import { defineRule } from './rule';
import { wordRange } from './util';
import { baseName } from '../model/shell';

export default defineRule({
  id: 'DL4005',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        if (baseName(cmd) !== 'ln') continue;
        const sh = cmd.args.find((a) => a.text === '/bin/sh');
        if (!sh) continue;
        ctx.report({
          range: wordRange(ctx.model, sh),
          message: 'Relinking `/bin/sh` swaps the shell of every script and program in the image; to run RUN instructions with another shell, use `SHELL ["/bin/bash", "-c"]`.',
          instruction: ins,
        });
      }
    }
  },
});
