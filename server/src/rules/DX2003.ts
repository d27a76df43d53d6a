import doc from './DX2003.md';
import { defineRule } from './rule';
import { builderRange, builderText } from './util';
import { editDistance } from '../knowledge/flags';

const FORM = 'the builder accepts only `FROM <image>` or `FROM <image> AS <name>`';

export default defineRule({
  id: 'DX2003',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('FROM')) {
      if (ins.onbuild) continue; // `ONBUILD FROM` is DL3043's
      const bt = builderText(model, ins);
      const words = [...bt.text.slice(bt.argsStart).matchAll(/[^\t\n\v\f\r ]+/g)].map((m) => ({
        text: m[0],
        start: bt.argsStart + m.index!,
        end: bt.argsStart + m.index! + m[0].length,
      }));
      if (words.length <= 1) continue;
      const isAs = (w: { text: string }) => w.text.toLowerCase() === 'as';
      const asText = ins.keywordText === ins.keywordText.toLowerCase() ? 'as' : 'AS';
      if (words.length === 3 && isAs(words[1])) continue;
      const comment = words.findIndex((w, i) => i > 0 && w.text.startsWith('#'));
      const commentHint = comment > 0 ? ' A `#` comment must start its own line: here it is part of the instruction.' : '';
      const range = (from: number) => builderRange(model, bt, words[from].start, words[words.length - 1].end);
      if (words.length === 2 && isAs(words[1])) {
        ctx.report({
          range: builderRange(model, bt, words[1].start, words[1].end),
          message: `\`${words[1].text}\` has no stage name after it: ${FORM}.`,
          instruction: ins,
        });
      } else if (words.length === 2 && comment < 0) {
        ctx.report({
          range: range(1),
          message: `\`FROM\` has an extra word \`${words[1].text}\`: ${FORM}. Did you mean \`${asText} ${words[1].text}\`?`,
          instruction: ins,
          fix: {
            title: `Insert ${asText} before ${words[1].text}`,
            edits: [{ range: builderRange(model, bt, words[1].start, words[1].start), newText: `${asText} ` }],
            safe: false,
          },
        });
      } else if (words.length === 3 && comment < 0 && editDistance(words[1].text.toLowerCase(), 'as') <= 1) {
        ctx.report({
          range: builderRange(model, bt, words[1].start, words[1].end),
          message: `\`${words[1].text}\` must be \`AS\`: ${FORM}.`,
          instruction: ins,
          fix: { title: `Change to ${asText}`, edits: [{ range: builderRange(model, bt, words[1].start, words[1].end), newText: asText }], safe: false },
        });
      } else {
        const from = words.length > 3 && isAs(words[1]) ? 3 : 1;
        ctx.report({
          range: range(from),
          message: `\`FROM\` has ${words.length} words: ${FORM}.${commentHint}`,
          instruction: ins,
        });
      }
    }
  },
});
