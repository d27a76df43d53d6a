import doc from './DX2025.md';
import { defineRule } from './rule';
import { allInstructions } from '../model/document';
import { builderText } from './util';
import { FEATURE_SINCE, flagInfo, flagsChecked, isSymbolicMode, pinHas, syntaxPin } from '../knowledge/flags';

export default defineRule({
  id: 'DX2025',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    const model = ctx.model;
    const directive = model.directives.find((d) => d.name === 'syntax');
    const pin = directive && syntaxPin(directive.value);
    if (!pin) return;
    const pinned = `\`docker/dockerfile:${pin.tag}\``;
    const needs = (what: string, since: string, labs?: string) =>
      `${what} needs Dockerfile syntax ${since} or later${labs ? ` (${labs}-labs on the labs channel)` : ''}, but the \`syntax\` directive pins ${pinned}: that frontend rejects it.`;
    let heredocReported = false;
    for (const ins of allInstructions(model)) {
      const bt = builderText(model, ins);
      if (flagsChecked(ins.keyword, bt.text.slice(bt.argsStart))) {
        for (const flag of bt.flags) {
          const info = flagInfo(ins.keyword, flag.name);
          if (!info) continue;
          if (!pinHas(pin, info.since, info.labs)) {
            ctx.report({ range: flag.nameRange, message: needs(`\`${ins.keyword} --${flag.name}\``, info.since, info.labs), instruction: ins });
          } else if (flag.name === 'chmod' && flag.value && flag.valueRange && !/^\d+$/.test(flag.value) && !flag.value.includes('$') && isSymbolicMode(flag.value)) {
            const f = FEATURE_SINCE.symbolicChmod;
            if (!pinHas(pin, f.since, f.labs)) ctx.report({ range: flag.valueRange, message: needs(`A symbolic \`--chmod\` (\`${flag.value}\`)`, f.since, f.labs), instruction: ins });
          }
        }
      }
      const h = ins.heredocs[0];
      if (h && !heredocReported && !pinHas(pin, FEATURE_SINCE.heredoc.since, FEATURE_SINCE.heredoc.labs)) {
        heredocReported = true;
        ctx.report({ range: h.startRange, message: needs('A heredoc', FEATURE_SINCE.heredoc.since, FEATURE_SINCE.heredoc.labs), instruction: ins });
      }
    }
  },
});
