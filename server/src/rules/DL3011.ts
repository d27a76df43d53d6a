import doc from './DL3011.md';
import { defineRule } from './rule';
import { variablesAt } from '../model/document';
import { expandVars } from './util';

const MAX_PORT = 65535;

export default defineRule({
  id: 'DL3011',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('EXPOSE')) {
      let vars: ReturnType<typeof variablesAt> | undefined;
      for (const arg of ins.args) {
        let spec = arg.value;
        // `${PORT}`: checked only when every variable has a known value here (ARG default, ENV).
        if (spec.includes('$')) {
          const expanded = expandVars(spec, (vars ??= variablesAt(ctx.model, ins)));
          if (expanded === undefined) continue;
          spec = expanded;
        }
        // `80`, `80/tcp`, `8000-8080/udp`; anything else is not a port list this rule reads.
        const m = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(spec);
        if (!m) continue;
        const bad = [m[1], m[2]].find((p) => p !== undefined && Number(p) > MAX_PORT);
        if (bad === undefined) continue;
        const shown = spec === arg.value ? '' : ` (\`${arg.value}\` is \`${spec}\` here)`;
        ctx.report({
          range: arg.range,
          message: `Port ${bad} is out of range${shown}: ports go from 0 to ${MAX_PORT}.`,
          instruction: ins,
        });
      }
    }
  },
});
