import doc from './DL3024.md';
import { defineRule } from './rule';
import type { Stage } from '../model/document';

export default defineRule({
  id: 'DL3024',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    // Exact comparison, as hadolint does (BuildKit's DuplicateStageName ignores case).
    const seen = new Map<string, Stage>();
    for (const stage of ctx.model.stages) {
      if (!stage.name || !stage.nameRange) continue;
      const first = seen.get(stage.name);
      if (!first) {
        seen.set(stage.name, stage);
        continue;
      }
      ctx.report({
        range: stage.nameRange,
        message: `Stage name \`${stage.name}\` is already used by the stage on line ${first.from.range.start.line + 1}; give each stage its own name.`,
        instruction: stage.from,
      });
    }
  },
});
