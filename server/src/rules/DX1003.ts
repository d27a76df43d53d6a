import doc from './DX1003.md';
import { defineRule } from './rule';
import { finalStage, lastInChain } from './util';

export default defineRule({
  id: 'DX1003',
  severity: 'info',
  fixable: false,
  doc,
  check(ctx) {
    const stage = finalStage(ctx.model);
    if (!stage) return;
    const expose = lastInChain(stage, 'EXPOSE');
    if (!expose) return; // not a network service, as far as the Dockerfile says
    if (lastInChain(stage, 'HEALTHCHECK')) return; // a check, or a deliberate HEALTHCHECK NONE
    const ports = expose.args.map((a) => a.value);
    ctx.report({
      range: stage.imageRange ?? stage.from.keywordRange,
      message: `The final image exposes ${ports.length ? `port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}` : 'a port'} but has no HEALTHCHECK, so Docker only knows whether the process is running, not whether it still answers.`,
      instruction: stage.from,
    });
  },
});
