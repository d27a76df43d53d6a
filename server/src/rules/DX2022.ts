import doc from './DX2022.md';
import { defineRule } from './rule';
import { allInstructions } from '../model/document';
import { expandedWords } from './util';
import { expansionProblem } from '../knowledge/flags';

export default defineRule({
  id: 'DX2022',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of allInstructions(model)) {
      for (const word of expandedWords(model, ins)) {
        const p = expansionProblem(word.text, model.escapeChar);
        if (!p || p.kind !== 'substitution') continue;
        const written = word.text.slice(p.start, p.end);
        const range = model.lines.range(word.offsets[p.start], word.offsets[p.end - 1] + 1);
        const replacement = p.modifier === ':=' ? ':-' : p.modifier === '=' ? '-' : undefined;
        const advice = replacement ? ` For a default value, use \`${replacement}\`: \`${written.replace(p.modifier!, replacement)}\`.` : '';
        ctx.report({
          range,
          message: `\`${written}\`: ${p.detail}; the builder fails when it expands this ${ins.keywordText}.${advice}`,
          instruction: ins,
          fix: replacement
            ? {
                title: `Change ${p.modifier} to ${replacement}`,
                edits: [{ range, newText: written.replace(p.modifier!, replacement) }],
                safe: false,
              }
            : undefined,
        });
      }
    }
  },
});
