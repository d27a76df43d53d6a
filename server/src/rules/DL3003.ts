import doc from './DL3003.md';
import { defineRule, type Fix } from './rule';
import { insertLineBefore, wordRange } from './util';
import type { DocModel, Instruction } from '../model/document';
import { baseName, type ShellCommand } from '../model/shell';

export default defineRule({
  id: 'DL3003',
  severity: 'warning',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        if (!cmd.name || baseName(cmd) !== 'cd') continue;
        const last = cmd.args[cmd.args.length - 1] ?? cmd.name;
        // Suggest `WORKDIR <dir>` only for a literal absolute path: WORKDIR reads neither shell variables nor relative moves like `..`.
        const dir = cmd.args.length === 1 && PLAIN_PATH.test(cmd.args[0].text) ? cmd.args[0].text : undefined;
        ctx.report({
          range: wordRange(ctx.model, { start: cmd.name.start, end: last.end }),
          message: dir
            ? `\`cd ${dir}\` changes the directory only for the rest of this RUN; use \`WORKDIR ${dir}\`, or absolute paths.`
            : '`cd` changes the directory only for the rest of this RUN; use WORKDIR, or absolute paths.',
          instruction: ins,
          fix: cmd === ins.shell!.commands[0] ? workdirFix(ctx.model, ins, cmd) : undefined,
        });
      }
    }
  },
});

/** Literal absolute paths only: no variables, globs, quotes or spaces, which WORKDIR would read differently. */
const PLAIN_PATH = /^\/[A-Za-z0-9._/@+,=:-]*$/;

/**
 * `RUN cd /abs && rest` → `WORKDIR /abs` on the line above and `RUN rest`. Only for a top-level
 * RUN whose script starts with a plain `cd <absolute path>` joined by `&&` to the next command,
 * with nothing but blanks and continuations in between.
 */
function workdirFix(model: DocModel, ins: Instruction, cd: ShellCommand): Fix | undefined {
  const cmds = ins.shell!.commands;
  const next = cmds[1];
  if (ins.onbuild || ins.heredocs.length || cd.joinedBy !== '' || cd.assignments.length || cd.args.length !== 1 || cd.nested) return undefined;
  if (!next || next.joinedBy !== '&&' || next.nested) return undefined;
  const arg = cd.args[0];
  if (!PLAIN_PATH.test(arg.text) || model.text.slice(arg.start, arg.end) !== arg.text) return undefined;
  const gap = model.text.slice(cd.end, next.start);
  if (gap.includes('#') || gap.replace(/&&/, '').replace(new RegExp(`\\${model.escapeChar}\\r?\\n`, 'g'), '').trim() !== '') return undefined;
  const keyword = ins.keywordText === ins.keywordText.toLowerCase() ? 'workdir' : 'WORKDIR';
  return {
    title: `Move \`cd ${arg.text}\` to a WORKDIR instruction`,
    edits: [insertLineBefore(model, ins, `${keyword} ${arg.text}`), { range: model.lines.range(cd.start, next.start), newText: '' }],
    safe: false,
  };
}
