import doc from './DX2023.md';
import { defineRule } from './rule';
import type { LineIndex } from '../model/text';

export default defineRule({
  id: 'DX2023',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('RUN', 'COPY', 'ADD')) {
      // The builder reads the bodies one after the other, each up to a line that is exactly its
      // delimiter (leading tabs removed for `<<-`). Checked here line by line, as the builder does.
      let line = ins.heredocs.length ? ins.heredocs[0].startRange.start.line + 1 : 0;
      for (const h of ins.heredocs) {
        const start = model.lines.offsetAt(h.startRange.start);
        const marker = /^<<-?\S*/.exec(model.text.slice(start))?.[0] ?? '<<';
        const end = h.name === '' ? -1 : closingLine(model.lines, line, h.name, marker.startsWith('<<-'));
        if (end >= 0) {
          line = end + 1;
          continue;
        }
        if (h.name === '') {
          const after = /^<<-?[ \t]+(\S+)/.exec(model.text.slice(start, model.lines.lineEnd(h.startRange.start.line)));
          ctx.report({
            range: h.startRange,
            message: after
              ? `\`${marker} ${after[1]}\` is not a heredoc for the builder: write \`${marker}${after[1]}\` without a blank; as it is, the lines below are read as instructions.`
              : `\`${marker}\` has no delimiter word: the builder does not see a heredoc, and the lines below are read as instructions.`,
            instruction: ins,
          });
          continue;
        }
        // A line that is the delimiter with blanks around it: the likely intended end.
        const chomp = marker.startsWith('<<-');
        let near: number | undefined;
        for (let l = line; l < model.lines.lineCount; l++) {
          if (model.lines.lineText(l).trim() === h.name) {
            near = l;
            break;
          }
        }
        const hint =
          near !== undefined
            ? ` Line ${near + 1} has \`${h.name}\` with blanks around it: the closing line must be exactly \`${h.name}\`${chomp ? ' (tabs before it are allowed with `<<-`)' : ''}.`
            : '';
        ctx.report({
          range: h.startRange,
          message: `The heredoc \`${marker}\` has no closing \`${h.name}\` line: the builder reads to the end of the file and fails.${hint}`,
          instruction: ins,
          fix:
            near !== undefined
              ? {
                  title: `Make line ${near + 1} exactly ${h.name}`,
                  edits: [{ range: { start: { line: near, character: 0 }, end: { line: near, character: model.lines.lineText(near).length } }, newText: h.name }],
                  safe: false,
                }
              : undefined,
        });
      }
    }
  },
});

/** The first line from `from` that closes a heredoc named `name`, or -1. */
function closingLine(lines: LineIndex, from: number, name: string, chomp: boolean): number {
  for (let l = from; l < lines.lineCount; l++) {
    const text = chomp ? lines.lineText(l).replace(/^\t+/, '') : lines.lineText(l);
    if (text === name) return l;
  }
  return -1;
}
