import doc from './DL4004.md';
import { defineRule } from './rule';

export default defineRule({
  id: 'DL4004',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      // Top-level ENTRYPOINTs only: `ONBUILD ENTRYPOINT` sets the ENTRYPOINT of images built from this one.
      const entries = stage.instructions.filter((i) => i.keyword === 'ENTRYPOINT');
      const last = entries[entries.length - 1];
      for (const entry of entries.slice(0, -1)) {
        ctx.report({
          range: entry.keywordRange,
          message: `This ENTRYPOINT has no effect: the ENTRYPOINT on line ${last.range.start.line + 1} replaces it (a stage keeps only its last ENTRYPOINT).`,
          instruction: entry,
        });
      }
    }
  },
});
