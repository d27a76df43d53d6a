import doc from './DL3066.md';
import { defineRule } from './rule';
import { variablesAt, type DocModel, type Instruction } from '../model/document';
import { expandVars, isWindowsStage, unquote } from './util';

const VARIABLE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

export default defineRule({
  id: 'DL3066',
  severity: 'info',
  fixable: false,
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('USER')) {
      const arg = ins.args[0];
      if (!arg) continue;
      const value = unquote(arg.value);
      const user = value.split(':')[0];
      if (!user || /^\d+$/.test(user)) continue;
      // Windows users (ContainerUser, ContainerAdministrator) are not numeric IDs.
      if (ins.stage && isWindowsStage(model, ins.stage)) continue;
      if (user.includes('$')) {
        // A build argument (`USER ${UID}` with `ARG UID`) is the caller's choice, as in hadolint.
        const names = [...user.matchAll(VARIABLE)].map((m) => m[1]);
        if (names.some((n) => argDeclaredBefore(model, ins.onbuild ?? ins, n))) continue;
        // Otherwise judge the value when it is known here (an ENV); a variable set by the base
        // image (`USER ${NB_UID}`) can't be judged, so it is not reported.
        const expanded = expandVars(user, variablesAt(model, ins));
        if (expanded === undefined || /^\d+$/.test(expanded)) continue;
      }
      // The user part of the word, when the word is written without quotes.
      const range = value === arg.value ? model.lines.range(model.lines.offsetAt(arg.range.start), model.lines.offsetAt(arg.range.start) + user.length) : arg.range;
      ctx.report({
        range,
        message: `\`USER ${user}\` is a name: the host and tools such as Kubernetes' runAsNonRoot can't tell which UID it maps to. Use the numeric UID (\`USER 1000\`, or \`1000:1000\`).`,
        instruction: ins,
      });
    }
  },
});

/** An ARG named `name` anywhere before `ins` (global or in any stage). */
function argDeclaredBefore(model: DocModel, ins: Instruction, name: string): boolean {
  if (model.globalArgs.some((d) => d.name === name && d.instruction.index < ins.index)) return true;
  return model.stages.some((s) => s.vars.some((d) => d.kind === 'ARG' && d.name === name && d.instruction.index < ins.index));
}
