import doc from './DL3002.md';
import { defineRule } from './rule';
import type { Instruction } from '../model/document';

/** `root`, `0`, `root:<group>` or `0:<group>`, as hadolint reads a USER value. */
function isRootUser(ins: Instruction): boolean {
  const user = ins.args.map((a) => a.value).join(' ');
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

export default defineRule({
  id: 'DL3002',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      // Top-level USERs only: an `ONBUILD USER` changes the images built from this one, not this one.
      const users = stage.instructions.filter((i) => i.keyword === 'USER' && i.argsRange);
      const last = users[users.length - 1];
      if (!last || !isRootUser(last)) continue;
      const where = stage.name ? `stage "${stage.name}"` : stage === ctx.model.stages[ctx.model.stages.length - 1] ? 'the final stage' : `stage ${stage.index + 1}`;
      ctx.report({
        range: last.argsRange!,
        message: `The last USER of ${where} is root: the instructions after it, and any container started from this stage, run with full privileges.`,
        instruction: last,
      });
    }
  },
});
