import doc from './DL3067.md';
import { defineRule } from './rule';
import { copyPaths, dropQuotes } from './util';

export default defineRule({
  id: 'DL3067',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('COPY')) {
      const from = ins.flags.find((f) => f.name.toLowerCase() === 'from');
      if (!from) continue;
      const { sources, dest } = copyPaths(ctx.model, ins);
      if (!dest || dropQuotes(dest.value) !== '/') continue;
      const root = sources.find((s) => dropQuotes(s.value) === '/');
      if (!root) continue;
      ctx.report({
        range: root.range,
        message: `\`COPY --from=${from.value ?? ''} / /\` copies that image's entire filesystem over this one; copy only the directories you need.`,
        instruction: ins,
      });
    }
  },
});
