import doc from './ExposeProtoCasing.md';
import { defineRule } from './rule';
import { exposeSpecs } from './util';

export default defineRule({
  id: 'ExposeProtoCasing',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('EXPOSE')) {
      for (const s of exposeSpecs(model, ins)) {
        if (!s.proto || s.proto === s.proto.toLowerCase()) continue;
        const lower = s.proto.toLowerCase();
        const start = model.lines.offsetAt(s.word.range.start) + s.spec.length - s.proto.length;
        const range = s.literal ? model.lines.range(start, start + s.proto.length) : s.word.range;
        ctx.report({
          range,
          message: s.literal
            ? `Protocol \`${s.proto}\` should be lowercase: write \`${lower}\`.`
            : `\`${s.word.value}\` gives the protocol \`${s.proto}\` here, which should be lowercase: \`${lower}\`.`,
          instruction: ins,
          fix: s.literal ? { title: `Write "${lower}"`, edits: [{ range, newText: lower }], safe: true } : undefined,
        });
      }
    }
  },
});
