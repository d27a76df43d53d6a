import doc from './JSONArgsRecommended.md';
import { defineRule } from './rule';
import { stageChain, type Instruction } from '../model/document';
import { toExecForm } from './util';

export default defineRule({
  id: 'JSONArgsRecommended',
  severity: 'warning',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('CMD', 'ENTRYPOINT')) {
      // An ONBUILD trigger runs in another build, under that build's SHELL.
      if (ins.onbuild || ins.isJson || !ins.argsRange || ins.heredocs.length) continue;
      if (shellSet(ins)) continue;
      const start = model.lines.offsetAt(ins.argsRange.start);
      const end = model.lines.offsetAt(ins.argsRange.end);
      const json = toExecForm(model, ins, start, end);
      ctx.report({
        range: ins.argsRange,
        message: `Shell-form \`${ins.keywordText}\` runs under \`/bin/sh -c\`, which becomes PID 1 and does not pass on SIGTERM or SIGINT to your program; use the JSON form, or set a \`SHELL\` if the shell is intended.`,
        instruction: ins,
        fix: json === undefined ? undefined : { title: 'Convert to JSON (exec) form', edits: [{ range: ins.argsRange, newText: json }], safe: false },
      });
    }
  },
});

/** Whether a `SHELL` instruction is in effect: earlier in the stage, or anywhere in a stage it is built FROM. */
function shellSet(ins: Instruction): boolean {
  const stage = ins.stage;
  if (!stage) return false;
  for (const s of stageChain(stage)) {
    if (s.instructions.some((i) => i.keyword === 'SHELL' && (s !== stage || i.index < ins.index))) return true;
  }
  return false;
}
