import doc from './DX2016.md';
import { defineRule } from './rule';
import { builderRange, builderText } from './util';
import { closest } from '../knowledge/flags';
import { expand, lookupAt } from '../model/variables';

/** The signal names the builder knows (Linux), without `SIG`. */
const SIGNALS = [
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF', 'PWR',
  'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'UNUSED', 'URG', 'USR1', 'USR2', 'VTALRM',
  'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
  ...Array.from({ length: 15 }, (_, i) => `RTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `RTMAX-${14 - i}`),
];

/** Whether the builder accepts a STOPSIGNAL value: a non-zero number, or a known name with or without `SIG`, in any case. */
function isSignal(s: string): boolean {
  if (/^[+-]?\d+$/.test(s)) return Number(s) !== 0;
  return SIGNALS.includes(s.toUpperCase().replace(/^SIG/, ''));
}

export default defineRule({
  id: 'DX2016',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('STOPSIGNAL')) {
      const bt = builderText(model, ins);
      const raw = bt.text.slice(bt.argsStart);
      if (!raw) continue;
      let value = raw;
      if (/[$"'\\`]/.test(raw)) {
        const e = expand(raw.replace(/^(["'])(.*)\1$/, '$2'), lookupAt(model, ins), model.escapeChar);
        if (!e.complete || /["'\\`]/.test(e.value)) continue; // known only at build time
        value = e.value;
      }
      if (isSignal(value)) continue;
      const range = builderRange(model, bt, bt.argsStart, bt.text.length);
      const upper = value.toUpperCase();
      const bare = upper.replace(/^SIG/, '');
      const guess = value === raw && !/^\d/.test(value) ? closest(bare, SIGNALS, bare.length <= 3 ? 1 : 2) : undefined;
      const withPrefix = upper.startsWith('SIG') || !guess ? `SIG${guess}` : guess;
      const shown = value === raw ? '' : ` (\`${raw}\` is \`${value}\` here)`;
      const problem = /^[+-]?0+$/.test(value) ? 'signal 0 does not stop anything' : 'it is neither a signal name (`SIGTERM`, `SIGQUIT`…) nor a signal number';
      ctx.report({
        range,
        message: `\`STOPSIGNAL ${value}\`${shown}: ${problem}; the builder rejects it.${guess ? ` Did you mean \`${withPrefix}\`?` : ''}`,
        instruction: ins,
        fix: guess ? { title: `Change to ${withPrefix}`, edits: [{ range, newText: withPrefix }], safe: false } : undefined,
      });
    }
  },
});
