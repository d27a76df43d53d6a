import doc from './DL3057.md';
import { defineRule } from './rule';
import { lastInChain, stagesUsedAsBase, stagesUsedAsSources } from './util';

export default defineRule({
  id: 'DL3057',
  severity: 'off',
  fixable: false,
  doc,
  check(ctx) {
    const { model } = ctx;
    // Only stages that become images someone runs: not build helpers, not bases of later stages.
    const helpers = stagesUsedAsSources(model);
    const bases = stagesUsedAsBase(model);
    for (const stage of model.stages) {
      if (helpers.has(stage) || bases.has(stage)) continue;
      // A HEALTHCHECK (even `HEALTHCHECK NONE`) here or in a stage this one is built FROM.
      if (lastInChain(stage, 'HEALTHCHECK')) continue;
      ctx.report({
        range: stage.imageRange ?? stage.from.keywordRange,
        message: stage.name
          ? `Stage \`${stage.name}\` has no HEALTHCHECK, so Docker cannot tell when its container stops working.`
          : 'This image has no HEALTHCHECK, so Docker cannot tell when its container stops working.',
        instruction: stage.from,
      });
    }
  },
});
