import doc from './DX2018.md';
import { defineRule } from './rule';
import { builderRange, builderText } from './util';

const VALID = /^[a-z][a-z0-9_.-]*$/;

export default defineRule({
  id: 'DX2018',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('FROM')) {
      if (ins.onbuild) continue; // `ONBUILD FROM` is DL3043's
      const bt = builderText(model, ins);
      const words = [...bt.text.slice(bt.argsStart).matchAll(/[^\t\n\v\f\r ]+/g)];
      if (words.length !== 3 || words[1][0].toLowerCase() !== 'as') continue;
      const name = words[2][0];
      if (VALID.test(name.toLowerCase())) continue;
      const start = bt.argsStart + words[2].index!;
      const why = /^[^a-z]/i.test(name)
        ? 'it must start with a letter'
        : `it contains ${[...new Set(name.toLowerCase().replace(/[a-z0-9_.-]/g, ''))].map((c) => `\`${c}\``).join(', ')}`;
      ctx.report({
        range: builderRange(model, bt, start, start + name.length),
        message: `\`${name}\` is not a valid stage name (${why}; then only letters, digits, \`-\`, \`_\` and \`.\`): the builder rejects it.`,
        instruction: ins,
      });
    }
  },
});
