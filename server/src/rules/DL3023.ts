import doc from './DL3023.md';
import { defineRule } from './rule';
import { unquote } from './util';

export default defineRule({
  id: 'DL3023',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('COPY')) {
      // In an ONBUILD trigger, `--from` names a stage of the build that uses this image.
      if (ins.onbuild || !ins.stage) continue;
      const flag = ins.flags.find((f) => f.name.toLowerCase() === 'from');
      if (!flag?.value || !flag.valueRange) continue;
      const from = unquote(flag.value);
      const stage = ins.stage;
      // The stage's own name (compared exactly, as hadolint does), or its own index.
      if (from !== stage.name && from !== String(stage.index)) continue;
      ctx.report({
        range: flag.valueRange,
        message: `\`--from=${from}\` is the stage this COPY is in; a stage can't copy from itself (BuildKit stops with a circular dependency error).`,
        instruction: ins,
      });
    }
  },
});
