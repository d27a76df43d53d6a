import doc from './DL3025.md';
import { defineRule } from './rule';
import type { DocModel, Instruction } from '../model/document';
import { toExecForm } from './util';

const MESSAGES: Record<string, string> = {
  CMD: 'Shell-form `CMD` runs your program under a shell, which becomes PID 1 and may not pass on the SIGTERM sent by `docker stop`; use the JSON (exec) form.',
  ENTRYPOINT:
    'Shell-form `ENTRYPOINT` runs your program under a shell, which may not pass on SIGTERM, and it ignores `CMD` and `docker run` arguments; use the JSON (exec) form.',
  HEALTHCHECK: 'Shell-form `HEALTHCHECK CMD` needs a shell in the image to run the probe; the JSON (exec) form says exactly which program runs.',
};

export default defineRule({
  id: 'DL3025',
  severity: 'warning',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('CMD', 'ENTRYPOINT', 'HEALTHCHECK')) {
      const body = shellBody(model, ins);
      if (!body) continue;
      const range = model.lines.range(body.start, body.end);
      const json = toExecForm(model, ins, body.start, body.end);
      ctx.report({
        range,
        message: MESSAGES[ins.keyword],
        instruction: ins,
        fix: json === undefined ? undefined : { title: 'Convert to JSON (exec) form', edits: [{ range, newText: json }], safe: false },
      });
    }
  },
});

/** Offsets of the shell-form body: the arguments, or for HEALTHCHECK what follows `CMD`. */
function shellBody(model: DocModel, ins: Instruction): { start: number; end: number } | undefined {
  if (!ins.argsRange || ins.isJson || ins.heredocs.length) return undefined;
  const end = model.lines.offsetAt(ins.argsRange.end);
  if (ins.keyword !== 'HEALTHCHECK') return { start: model.lines.offsetAt(ins.argsRange.start), end };
  const [sub, first] = ins.args;
  if (!sub || sub.value.toUpperCase() !== 'CMD' || !first) return undefined; // HEALTHCHECK NONE
  const start = model.lines.offsetAt(first.range.start);
  if (model.text[start] === '[') return undefined; // exec form already
  return { start, end };
}
