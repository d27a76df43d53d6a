import doc from './DL3051.md';
import { defineRule } from './rule';
import { labelPairs } from './util';

export default defineRule({
  id: 'DL3051',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    const schema = ctx.config.labelSchema;
    if (!Object.keys(schema).length) return;
    for (const ins of ctx.instructions('LABEL')) {
      for (const pair of labelPairs(ctx.model, ins)) {
        if (!Object.prototype.hasOwnProperty.call(schema, pair.key) || pair.value !== '' || pair.dynamicValue) continue;
        const { valueRange, keyRange } = pair;
        const empty = valueRange.start.line === valueRange.end.line && valueRange.start.character === valueRange.end.character;
        ctx.report({
          // `key=` has no value to point at: cover the key and the `=`.
          range: empty ? { start: keyRange.start, end: valueRange.end } : valueRange,
          message: `Label \`${pair.key}\` is set to an empty value; the label-schema in .hadolint.yaml expects ${article(schema[pair.key])}.`,
          instruction: ins,
        });
      }
    }
  },
});

function article(type: string): string {
  const names: Record<string, string> = {
    text: 'some text',
    url: 'a URL',
    semver: 'a semantic version',
    hash: 'a git commit hash',
    rfc3339: 'an RFC 3339 date-time',
    spdx: 'an SPDX license expression',
    email: 'an e-mail address',
  };
  return names[type] ?? 'a value';
}
