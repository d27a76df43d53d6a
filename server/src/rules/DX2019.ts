import doc from './DX2019.md';
import { defineRule } from './rule';
import { allInstructions } from '../model/document';
import { expandedWords } from './util';
import { expansionProblem } from '../knowledge/flags';

/** Instructions whose arguments the builder splits at blanks before it removes quotes. */
const BLANK_SPLIT = new Set(['COPY', 'ADD', 'VOLUME', 'EXPOSE', 'FROM']);

export default defineRule({
  id: 'DX2019',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of allInstructions(model)) {
      for (const word of expandedWords(model, ins)) {
        if (!word.quotes) continue;
        const p = expansionProblem(word.text, model.escapeChar);
        if (!p || p.kind !== 'quote') continue;
        const hint = BLANK_SPLIT.has(ins.keyword)
          ? ins.keyword === 'COPY' || ins.keyword === 'ADD' || ins.keyword === 'VOLUME'
            ? ` \`${ins.keyword}\` splits its arguments at blanks before it reads quotes: for paths with spaces use the JSON form, \`${ins.keyword} ["my file", "/dest/"]\`.`
            : ` \`${ins.keyword}\` splits its arguments at blanks before it reads quotes.`
          : '';
        ctx.report({
          range: model.lines.range(word.offsets[p.start], word.offsets[word.text.length - 1] + 1),
          message: `In \`${word.text}\`, ${p.detail}: the builder fails when it reads this ${ins.keywordText}.${hint}`,
          instruction: ins,
        });
      }
    }
  },
});
