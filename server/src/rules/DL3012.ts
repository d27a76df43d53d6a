import doc from './DL3012.md';
import { defineRule } from './rule';

export default defineRule({
  id: 'DL3012',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      // Top-level HEALTHCHECKs only: `ONBUILD HEALTHCHECK` belongs to images built from this one.
      const checks = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
      const last = checks[checks.length - 1];
      for (const hc of checks.slice(0, -1)) {
        ctx.report({
          range: hc.keywordRange,
          message: `This HEALTHCHECK has no effect: the HEALTHCHECK on line ${last.range.start.line + 1} replaces it (a stage keeps only its last HEALTHCHECK).`,
          instruction: hc,
        });
      }
    }
  },
});
