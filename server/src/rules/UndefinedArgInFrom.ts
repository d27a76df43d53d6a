import doc from './UndefinedArgInFrom.md';
import { defineRule, type Fix } from './rule';
import type { DocModel } from '../model/document';
import { AUTOMATIC_PLATFORM_ARGS } from '../model/variables';
import { closest } from '../knowledge/flags';
import { argNames, insertLineBefore, variableRefs } from './util';

/** The build arguments every FROM can use without declaring them (BuildKit's automatic platform ARGs). */
const PREDEFINED = [...AUTOMATIC_PLATFORM_ARGS, 'BUILDOSVERSION', 'TARGETOSVERSION', 'TARGETSTAGE'];

export default defineRule({
  id: 'UndefinedArgInFrom',
  severity: 'warning',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    // Every word of an ARG declares a name (`ARG A B`).
    const globals = [...new Set(model.instructions.filter((i) => !i.stage).flatMap((i) => argNames(model, i)))];
    const known = new Set([...globals, ...PREDEFINED]);
    const inStages = new Set(model.instructions.filter((i) => i.stage).flatMap((i) => argNames(model, i)));
    for (const stage of model.stages) {
      for (const ref of variableRefs(model, stage.from)) {
        if (known.has(ref.name)) continue;
        const suggestion = closest(ref.name, [...globals, ...PREDEFINED]);
        const did = suggestion ? ` Did you mean \`$${suggestion}\`?` : '';
        const where = inStages.has(ref.name)
          ? ' An ARG inside a stage is not visible to FROM lines: declare it before the first FROM.'
          : suggestion
            ? ''
            : ` Declare \`ARG ${ref.name}\` before the first FROM.`;
        ctx.report({
          range: ref.range,
          message: `\`$${ref.name}\` is not a build argument FROM can use, so it expands to nothing.${did}${where}`,
          instruction: stage.from,
          fix: suggestion
            ? { title: `Use $${suggestion}`, edits: [{ range: ref.nameRange, newText: suggestion }], safe: false }
            : declareFix(model, ref.name),
        });
      }
    }
  },
});

/** Declares the argument before the first FROM. */
function declareFix(model: DocModel, name: string): Fix | undefined {
  const first = model.stages[0]?.from;
  if (!first) return undefined;
  return { title: `Declare ARG ${name} before the first FROM`, edits: [insertLineBefore(model, first, `ARG ${name}`)], safe: false };
}
