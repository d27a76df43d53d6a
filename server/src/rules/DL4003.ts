import doc from './DL4003.md';
import { defineRule } from './rule';

export default defineRule({
  id: 'DL4003',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      // Top-level CMDs only: `ONBUILD CMD` sets the CMD of images built from this one.
      const cmds = stage.instructions.filter((i) => i.keyword === 'CMD');
      const last = cmds[cmds.length - 1];
      for (const cmd of cmds.slice(0, -1)) {
        ctx.report({
          range: cmd.keywordRange,
          message: `This CMD has no effect: the CMD on line ${last.range.start.line + 1} replaces it (a stage keeps only its last CMD).`,
          instruction: cmd,
        });
      }
    }
  },
});
