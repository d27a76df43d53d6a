import doc from './DX2001.md';
import { defineRule } from './rule';
import { allInstructions } from '../model/document';
import { INSTRUCTIONS, closest } from '../knowledge/flags';

const KNOWN = new Set<string>(INSTRUCTIONS);

/** `guess` written in the case the user wrote `typed` in (all lower, else upper). */
function inCaseOf(typed: string, guess: string): string {
  return typed === typed.toLowerCase() ? guess.toLowerCase() : guess;
}

export default defineRule({
  id: 'DX2001',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of allInstructions(model)) {
      if (KNOWN.has(ins.keyword)) continue;
      const guess = closest(ins.keyword, INSTRUCTIONS);
      const when = ins.onbuild ? 'the build of every image made `FROM` this one stops here' : 'the build stops here';
      let hint = guess ? ` Did you mean \`${guess}\`?` : '';
      if (!guess && !ins.onbuild && ins.index > 0) {
        const prev = model.instructions[ins.index - 1];
        if (prev.range.end.line === ins.range.start.line - 1 && /^\s/.test(model.lines.lineText(ins.range.start.line)))
          hint = ` Is it meant to continue the \`${prev.keywordText}\` above, which lacks a \`${model.escapeChar}\` at the end of its last line?`;
      }
      ctx.report({
        range: ins.keywordRange,
        message: `\`${ins.keywordText}\` is not a Dockerfile instruction: ${when}.${hint}`,
        instruction: ins,
        fix: guess
          ? { title: `Change to ${guess}`, edits: [{ range: ins.keywordRange, newText: inCaseOf(ins.keywordText, guess) }], safe: false }
          : undefined,
      });
    }
  },
});
