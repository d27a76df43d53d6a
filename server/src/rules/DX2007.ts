import doc from './DX2007.md';
import { defineRule } from './rule';
import { builderRange, builderText } from './util';

export default defineRule({
  id: 'DX2007',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('HEALTHCHECK')) {
      const bt = builderText(model, ins);
      const m = /^(\S+)(\s+)(\S[\s\S]*)$/.exec(bt.text.slice(bt.argsStart));
      if (!m || m[1].toUpperCase() !== 'NONE') continue;
      const typeEnd = bt.argsStart + m[1].length;
      const extraStart = typeEnd + m[2].length;
      ctx.report({
        range: builderRange(model, bt, extraStart, bt.text.length),
        message: `\`HEALTHCHECK ${m[1]}\` takes no arguments: the builder rejects \`${m[3].length > 40 ? m[3].slice(0, 37) + '…' : m[3]}\` after it.`,
        instruction: ins,
        fix: {
          title: 'Remove the arguments after NONE',
          edits: [{ range: builderRange(model, bt, typeEnd, bt.text.length), newText: '' }],
          safe: false,
        },
      });
    }
  },
});
