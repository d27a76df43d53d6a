import doc from './DL3049.md';
import { defineRule } from './rule';
import { labelPairs, stagesUsedAsBase, stagesUsedAsSources } from './util';
import { stageChain } from '../model/document';

export default defineRule({
  id: 'DL3049',
  severity: 'info',
  fixable: false,
  doc,
  check(ctx) {
    const required = Object.keys(ctx.config.labelSchema);
    if (!required.length) return;
    const { model } = ctx;
    // Only stages that become images: not build helpers (COPY --from / mount sources), and not
    // bases of later stages, whose children carry (or miss) the labels themselves.
    const helpers = stagesUsedAsSources(model);
    const bases = stagesUsedAsBase(model);
    for (const stage of model.stages) {
      if (helpers.has(stage) || bases.has(stage)) continue;
      const present = new Set<string>();
      for (const s of stageChain(stage)) {
        for (const ins of s.instructions) for (const pair of labelPairs(model, ins)) present.add(pair.key);
      }
      const missing = required.filter((k) => !present.has(k));
      if (!missing.length) continue;
      const list = missing.map((k) => `\`${k}\``).join(', ');
      const subject = stage.name ? `Stage \`${stage.name}\`` : 'This image';
      ctx.report({
        range: stage.imageRange ?? stage.from.keywordRange,
        message:
          missing.length === 1
            ? `${subject} has no ${list} label, which the label-schema in .hadolint.yaml requires.`
            : `${subject} lacks the labels ${list}, which the label-schema in .hadolint.yaml requires.`,
        instruction: stage.from,
      });
    }
  },
});
