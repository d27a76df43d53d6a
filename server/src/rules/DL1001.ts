import doc from './DL1001.md';
import { defineRule } from './rule';
import { parseIgnorePragma } from '../service/pragmas';

export default defineRule({
  id: 'DL1001',
  severity: 'off',
  fixable: false,
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const c of model.comments) {
      const pragma = parseIgnorePragma(c.content);
      if (!pragma || pragma.global) continue;
      // The range covers `hadolint ignore=…`, without the `#` and a trailing `# reason`.
      const line = model.lines.lineText(c.line);
      const start = line.indexOf('hadolint', line.indexOf('#'));
      if (start < 0) continue;
      const reason = line.indexOf('#', start);
      const end = start + line.slice(start, reason < 0 ? undefined : reason).trimEnd().length;
      const codes = pragma.codes.join(', ');
      ctx.report({
        range: { start: { line: c.line, character: start }, end: { line: c.line, character: end } },
        message: `This comment silences ${codes} on the next line; fix the finding instead, or record the exception in .hadolint.yaml.`,
      });
    }
  },
});
