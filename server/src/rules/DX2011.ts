import doc from './DX2011.md';
import { defineRule } from './rule';
import { builderText } from './util';
import { flagInfo, flagsChecked, parseGoDuration } from '../knowledge/flags';

const INT32_MAX = 2 ** 31 - 1;

export default defineRule({
  id: 'DX2011',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('HEALTHCHECK')) {
      const bt = builderText(model, ins);
      if (!flagsChecked(ins.keyword, bt.text.slice(bt.argsStart))) continue;
      for (const flag of bt.flags) {
        const info = flagInfo('HEALTHCHECK', flag.name);
        const v = flag.value;
        if (!info || v === null || v === '' || !flag.valueRange) continue;
        const name = `--${flag.name}`;
        const report = (problem: string, fixTo?: string) =>
          ctx.report({
            range: flag.valueRange!,
            message: `\`${name}=${v}\`: ${problem}; the builder rejects it.`,
            instruction: ins,
            fix: fixTo !== undefined ? { title: `Change to ${name}=${fixTo}`, edits: [{ range: flag.valueRange!, newText: fixTo }], safe: false } : undefined,
          });
        if (v.includes('$')) {
          report('variables are not expanded in HEALTHCHECK options, so the value is taken literally');
          continue;
        }
        if (info.value === 'integer') {
          if (!/^[+-]?\d+$/.test(v) || Math.abs(Number(v)) > INT32_MAX) report('not a whole number');
          else if (Number(v) < 0) report('the number of retries can\'t be negative');
          continue;
        }
        const d = parseGoDuration(v);
        if (!d.ok) {
          if (d.problem === 'missing-unit') report('a duration needs a unit, such as `s` or `m`', /^\d+$/.test(v) ? `${v}s` : undefined);
          else if (d.problem === 'unknown-unit') report(`\`${d.unit}\` is not a duration unit (use \`ms\`, \`s\`, \`m\` or \`h\`)`, unitFix(v));
          else report('not a duration (write it like `30s`, `1m30s` or `500ms`)');
        } else if (d.ns !== 0 && d.ns < 1e6) {
          report(d.ns < 0 ? 'a duration can\'t be negative' : 'the shortest duration is `1ms` (`0` means the default)');
        }
      }
    }
  },
});

/** `10sec` → `10s`, `2min` → `2m`, `5S` → `5s`, `1d` → `24h`: only for a single number and a unit word we can map. */
function unitFix(v: string): string | undefined {
  const m = /^(\d+)([A-Za-z]+)$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const u = m[2].toLowerCase();
  if (['ns', 'us', 'ms', 's', 'm', 'h'].includes(u)) return `${n}${u}`; // `5S`: units are lowercase
  if (['sec', 'secs', 'second', 'seconds'].includes(u)) return `${n}s`;
  if (['min', 'mins', 'minute', 'minutes'].includes(u)) return `${n}m`;
  if (['hr', 'hrs', 'hour', 'hours'].includes(u)) return `${n}h`;
  if (['msec', 'msecs', 'millisecond', 'milliseconds'].includes(u)) return `${n}ms`;
  if (['d', 'day', 'days'].includes(u)) return `${n * 24}h`;
  return undefined;
}
