import doc from './DX2012.md';
import { defineRule } from './rule';
import type { BuilderFlag } from './util';
import { builderText } from './util';
import { closest, flagInfo, parseGoBool } from '../knowledge/flags';
import type { Range } from 'vscode-languageserver-types';

export default defineRule({
  id: 'DX2012',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('RUN')) {
      const bt = builderText(model, ins);
      for (const flag of bt.flags) {
        if (flag.value === null || !flag.valueRange) continue;
        const name = `--${flag.name}`;
        if (flag.name === 'network' || flag.name === 'security') {
          const allowed = flagInfo('RUN', flag.name)!.values!;
          if (allowed.includes(flag.value)) continue;
          const guess = flag.value.includes('$') ? undefined : closest(flag.value, allowed);
          const list = allowed.map((v) => `\`${v}\``).join(', ');
          const why = flag.value.includes('$') ? ' (variables are not expanded here)' : '';
          ctx.report({
            range: flag.value === '' ? flag.range : flag.valueRange,
            message: `\`${name}=${flag.value}\` is not accepted${why}: the value must be one of ${list}.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
            instruction: ins,
            fix: guess ? { title: `Change to ${name}=${guess}`, edits: [{ range: flag.valueRange, newText: guess }], safe: false } : undefined,
          });
        } else if (flag.name === 'device') {
          const problem = deviceProblem(flag);
          if (problem) ctx.report({ range: problem.range ?? flag.valueRange, message: `\`${name}=${flag.value}\`: ${problem.text}; the builder rejects it.${problem.guess ? ` Did you mean \`${problem.guess}\`?` : ''}`, instruction: ins });
        }
      }
    }

    function deviceProblem(flag: BuilderFlag): { text: string; range?: Range; guess?: string } | undefined {
      const value = flag.value!;
      let name = '';
      let at = 0;
      for (const field of value.split(',')) {
        const start = at;
        at += field.length + 1;
        const fieldRange = model.lines.range(flag.valueOffsets[start], flag.valueOffsets[start + field.length]);
        const eq = field.indexOf('=');
        const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
        if (eq < 0) {
          if (key === 'required') continue;
          if (!name) {
            name = field;
            continue;
          }
          return { text: `\`${field}\` must be \`key=value\` (the device name is already \`${name}\`)`, range: fieldRange };
        }
        const v = field.slice(eq + 1);
        if (key === 'name') {
          if (name) return { text: `the device name is given twice (\`${name}\`, then \`${v}\`)`, range: fieldRange };
          name = v;
        } else if (key === 'required') {
          if (parseGoBool(v) === undefined) return { text: `\`required\` takes \`true\` or \`false\`, not \`${v}\``, range: fieldRange };
        } else if (!name) {
          name = field; // `vendor.com/class=gpu0`: the first field is the device name, `=` included
        } else {
          const guess = closest(key, ['name', 'required']);
          return { text: `\`${key}\` is not a device option (only \`name\` and \`required\`)`, range: fieldRange, guess };
        }
      }
      return undefined;
    }
  },
});
