import doc from './DX2006.md';
import { defineRule } from './rule';
import { builderRange, builderText } from './util';
import { closest } from '../knowledge/flags';

export default defineRule({
  id: 'DX2006',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('HEALTHCHECK')) {
      const bt = builderText(model, ins);
      const m = /^(\S+)(\s*)([\s\S]*)$/.exec(bt.text.slice(bt.argsStart));
      if (!m) continue;
      const [, type, , command] = m;
      const typeStart = bt.argsStart;
      const typeRange = builderRange(model, bt, typeStart, typeStart + type.length);
      const upper = type.toUpperCase();
      if (upper === 'NONE') continue;
      if (upper === 'CMD') {
        if (command.trim() === '' || /^\[\s*\]$/.test(command.trim())) {
          ctx.report({ range: typeRange, message: '`HEALTHCHECK CMD` has no command to run: the builder rejects it.', instruction: ins });
        }
        continue;
      }
      const guess = closest(type, ['CMD', 'NONE'], 1);
      const cmdText = ins.keywordText === ins.keywordText.toLowerCase() ? 'cmd' : 'CMD';
      ctx.report({
        range: typeRange,
        message: guess
          ? `\`${type}\` is not a HEALTHCHECK type: did you mean \`${guess}\`? The builder accepts \`CMD <command>\` or \`NONE\`.`
          : `\`HEALTHCHECK\` needs \`CMD\` before the command (\`HEALTHCHECK CMD ${type} …\`) or \`NONE\`: the builder rejects \`${type}\` as a type.`,
        instruction: ins,
        fix: guess
          ? { title: `Change to ${guess}`, edits: [{ range: typeRange, newText: type === type.toLowerCase() ? guess.toLowerCase() : guess }], safe: false }
          : { title: 'Insert CMD before the command', edits: [{ range: { start: typeRange.start, end: typeRange.start }, newText: `${cmdText} ` }], safe: false },
      });
    }
  },
});
