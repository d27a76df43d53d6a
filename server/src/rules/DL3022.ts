import doc from './DL3022.md';
import { defineRule, type Fix } from './rule';
import { variablesAt } from '../model/document';
import { expandVars, unquote } from './util';

export default defineRule({
  id: 'DL3022',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('COPY')) {
      // In an ONBUILD trigger, `--from` names a stage of the build that uses this image.
      if (ins.onbuild) continue;
      const flag = ins.flags.find((f) => f.name.toLowerCase() === 'from');
      if (!flag?.value || !flag.valueRange) continue;
      let from = unquote(flag.value);
      if (from.includes('$')) {
        // A variable is checked only when its value is known here.
        const expanded = expandVars(from, variablesAt(model, ins));
        if (expanded === undefined) continue;
        from = expanded;
      }
      // An image reference with a tag or digest (`golang:1.22`, `app@sha256:…`).
      if (from.includes(':')) continue;
      // Stages up to and including the current one (its own name is DL3023's business).
      const count = ins.stage ? ins.stage.index + 1 : 0;
      const earlier = model.stages.slice(0, count);
      if (earlier.some((s) => s.name === from)) continue;
      if (/^\d+$/.test(from) && Number(from) < count) continue;
      const sameButCase = earlier.find((s) => s.name?.toLowerCase() === from.toLowerCase());
      const later = model.stages.slice(count).find((s) => s.name?.toLowerCase() === from.toLowerCase());
      let message: string;
      let fix: Fix | undefined;
      if (sameButCase) {
        message = `\`--from=${from}\` differs from the stage name \`${sameButCase.name}\` only in case; write it exactly as the stage is named.`;
        // Not when the value comes from a variable: the variable, not the COPY, would need the change.
        if (!flag.value.includes('$')) {
          fix = { title: `Use the stage name ${sameButCase.name}`, edits: [{ range: flag.valueRange, newText: sameButCase.name! }], safe: true };
        }
      } else if (later) {
        message = `\`--from=${from}\` names the stage defined later on line ${later.from.range.start.line + 1}; COPY --from can only use a stage defined before it.`;
      } else if (/^\d+$/.test(from)) {
        message = `\`--from=${from}\` is not the index of a stage defined before this COPY (there ${count === 1 ? 'is' : 'are'} ${count}, counted from 0).`;
      } else {
        message = `\`--from=${from}\` is not the name of a stage defined before this COPY; to copy from an image, name it with a tag (\`${from}:<tag>\`).`;
      }
      ctx.report({ range: flag.valueRange, message, instruction: ins, fix });
    }
  },
});
