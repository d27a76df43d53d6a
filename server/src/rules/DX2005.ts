import doc from './DX2005.md';
import { defineRule } from './rule';
import { builderRange, builderText } from './util';
import { splitWords } from '../knowledge/flags';

export default defineRule({
  id: 'DX2005',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('ENV', 'LABEL', 'ARG')) {
      const bt = builderText(model, ins);
      const rest = bt.text.slice(bt.argsStart);
      const words = splitWords(rest, model.escapeChar).map((w) => ({ text: rest.slice(w.start, w.end), start: bt.argsStart + w.start, end: bt.argsStart + w.end }));
      if (!words.length) continue;
      const kw = ins.keywordText;
      const range = (w: { start: number; end: number }) => builderRange(model, bt, w.start, w.end);
      for (const w of words) {
        if (w.text.startsWith('=')) {
          ctx.report({ range: range(w), message: `\`${w.text}\` has no name before \`=\`: ${kw} names can't be blank.`, instruction: ins });
        }
      }
      if (ins.keyword === 'ARG') continue;
      if (!words[0].text.includes('=')) {
        // Legacy `ENV name value`: everything after the first blank is the value.
        if (!/[\t\v\f\r ]/.test(rest)) {
          ctx.report({
            range: range(words[0]),
            message: `\`${kw} ${words[0].text}\` has no value: write \`${words[0].text}=value\` (\`${words[0].text}=\` for an empty one).`,
            instruction: ins,
          });
        }
        continue;
      }
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (w.text.includes('=')) continue;
        // A run of words without `=` right after a `name=value`: most likely a value with spaces.
        let j = i;
        while (j + 1 < words.length && !words[j + 1].text.includes('=')) j++;
        const prev = words[i - 1];
        const eq = prev.text.indexOf('=');
        const value = prev.text.slice(eq + 1);
        const quotable = eq > 0 && !/["'\\`]/.test(bt.text.slice(prev.start + eq + 1, words[j].end));
        const spanned = words.slice(i, j + 1).map((x) => x.text).join(' ');
        ctx.report({
          range: builderRange(model, bt, w.start, words[j].end),
          message: `\`${spanned}\` has no \`=\`: once \`${kw}\` uses \`name=value\`, every word must be a pair. Quote a value with spaces: \`${prev.text.slice(0, eq + 1)}"${value} ${spanned}"\`.`,
          instruction: ins,
          fix: quotable
            ? {
                title: `Quote the value of ${prev.text.slice(0, eq)}`,
                edits: [
                  { range: builderRange(model, bt, prev.start + eq + 1, prev.start + eq + 1), newText: '"' },
                  { range: builderRange(model, bt, words[j].end, words[j].end), newText: '"' },
                ],
                safe: false,
              }
            : undefined,
        });
        i = j;
      }
    }
  },
});
