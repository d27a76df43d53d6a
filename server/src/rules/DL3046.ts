import doc from './DL3046.md';
import { defineRule } from './rule';
import { expandVars, insertAfter, wordRange } from './util';
import { variablesAt } from '../model/document';
import { baseName, commandFlags, type ShellCommand } from '../model/shell';

/** useradd's short options that take a value. */
const VALUE_SHORT = new Set(['b', 'c', 'd', 'e', 'f', 'g', 'G', 'k', 'K', 'p', 'P', 'R', 's', 'u', 'Z']);

export default defineRule({
  id: 'DL3046',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        if (!cmd.name || baseName(cmd) !== 'useradd') continue;
        const flags = commandFlags(cmd);
        if (flags.has('l') || flags.has('no-log-init')) continue;
        const written = uidOf(cmd);
        if (written === undefined) continue;
        // A UID from a variable counts with the value the ARG or ENV has here; unknown values are not judged.
        const uid = /[$`]/.test(written) ? expandVars(written, variablesAt(ctx.model, ins)) : written;
        if (uid === undefined || /[$`]/.test(uid) || uid.length <= 5) continue;
        ctx.report({
          range: wordRange(ctx.model, cmd.name),
          message: `\`useradd\` with the high UID ${uid} and without \`-l\` writes a sparse /var/log/lastlog and faillog sized by the UID, which can add gigabytes to the layer.`,
          instruction: ins,
          fix: { title: 'Add -l (--no-log-init)', edits: [insertAfter(ctx.model, cmd.name, ' -l')], safe: true },
        });
      }
    }
  },
});

/** The value of `-u`/`--uid` as written (`-u 1000`, `-u1000`, `--uid 1000`, `--uid=1000`, `-mu 1000`). */
function uidOf(cmd: ShellCommand): string | undefined {
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const t = a[i].text;
    if (t === '--') break;
    if (t === '--uid') return a[i + 1]?.text;
    if (t.startsWith('--uid=')) return t.slice(6);
    if (t.startsWith('--') || !t.startsWith('-')) continue;
    for (let k = 1; k < t.length; k++) {
      if (!VALUE_SHORT.has(t[k])) continue;
      const rest = t.slice(k + 1);
      if (t[k] === 'u') return rest || a[i + 1]?.text;
      if (!rest) i++;
      break;
    }
  }
  return undefined;
}
