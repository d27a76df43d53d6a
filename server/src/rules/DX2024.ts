import doc from './DX2024.md';
import { defineRule } from './rule';
import { builderRange, builderText } from './util';
import { execFormRepair, execFormStrings } from '../knowledge/flags';

export default defineRule({
  id: 'DX2024',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('SHELL')) {
      const bt = builderText(model, ins);
      const text = bt.text.slice(bt.argsStart);
      if (!text || execFormStrings(text)) continue; // empty is DX2002's; valid JSON is fine
      try {
        if (Array.isArray(JSON.parse(text))) continue; // a non-string element is DX2020's
      } catch {
        // not JSON
      }
      const range = builderRange(model, bt, bt.argsStart, bt.text.length);
      let fix;
      const repair = text.startsWith('[') ? execFormRepair(text) : undefined;
      if (repair) {
        fix = {
          title: 'Make it valid JSON',
          edits: repair.edits.map((e) => ({ range: builderRange(model, bt, bt.argsStart + e.start, bt.argsStart + e.end), newText: e.newText })),
          safe: false,
        };
      } else if (!text.startsWith('[') && /^[^\s"'`\\$]+(?:[ \t]+[^\s"'`\\$]+)*$/.test(text) && range.start.line === range.end.line) {
        fix = { title: 'Write it as a JSON array', edits: [{ range, newText: JSON.stringify(text.split(/[ \t]+/)).replace(/","/g, '", "') }], safe: false };
      }
      ctx.report({
        range,
        message: `\`SHELL\` must be a JSON array of strings, such as \`SHELL ["/bin/bash", "-o", "pipefail", "-c"]\`: the builder rejects \`${text.length > 40 ? text.slice(0, 37) + '…' : text}\`.`,
        instruction: ins,
        fix,
      });
    }
  },
});
