import doc from './DX2004.md';
import { defineRule } from './rule';
import { builderRange, builderText } from './util';

export default defineRule({
  id: 'DX2004',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('COPY', 'ADD')) {
      const bt = builderText(model, ins);
      const rest = bt.text.slice(bt.argsStart);
      if (ins.isJson) {
        if (ins.args.length === 1) {
          ctx.report({
            range: ins.args[0].range,
            message: `\`${ins.keywordText}\` has only one path, \`${ins.args[0].value}\`: it needs a source and a destination.`,
            instruction: ins,
          });
        }
        continue;
      }
      const words = [...rest.matchAll(/[^\t\n\v\f\r ]+/g)].map((m) => ({ text: m[0], start: bt.argsStart + m.index!, end: bt.argsStart + m.index! + m[0].length }));
      if (words.length === 0) continue;
      const last = words[words.length - 1];
      const range = builderRange(model, bt, last.start, last.end);
      if (words.length === 1) {
        const what = last.text.startsWith('<<') ? 'a heredoc' : `\`${last.text}\``;
        ctx.report({
          range,
          message: `\`${ins.keywordText}\` has only one argument, ${what}: it needs a destination after the sources (\`${ins.keyword} <source>… <destination>\`).`,
          instruction: ins,
        });
      } else if (last.text.startsWith('<<')) {
        ctx.report({
          range,
          message: `The destination of \`${ins.keywordText}\` can't be a heredoc: put the heredoc among the sources and a path last.`,
          instruction: ins,
        });
      }
    }
  },
});
