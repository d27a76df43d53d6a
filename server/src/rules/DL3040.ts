import doc from './DL3040.md';
import { defineRule } from './rule';
import { appendCommandEdits, cacheMountTargets, firstUncleaned, wordRange } from './util';
import { installOf, MANAGERS, subcommandOf } from '../knowledge/os-packages';
import { baseName, type ShellCommand, type Word } from '../model/shell';

/** Subcommands besides installs that download packages (`update` is dnf's name for `upgrade` too). */
const DOWNLOADING = ['upgrade', 'up', 'update', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'];
const CACHE_DIRS = ['/var/cache/dnf', '/var/cache/libdnf5', '.cache/libdnf5', '/var/cache/yum'];

export default defineRule({
  id: 'DL3040',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      if (!ins.shell) continue;
      for (const spec of [MANAGERS.dnf, MANAGERS.microdnf]) {
        const found = firstUncleaned(ins, spec, (c) => downloads(c, spec.name));
        if (!found) continue;
        if (cacheMountTargets(ins).some((t) => CACHE_DIRS.some((d) => t.includes(d)))) break;
        const edits = appendCommandEdits(ctx.model, ins, spec.cleanup!);
        ctx.report({
          range: wordRange(ctx.model, { start: found.cmd.name!.start, end: found.word.end }),
          message: `\`${spec.name} ${found.word.text}\` leaves repository metadata and packages in the layer; end the RUN with \`${spec.cleanup}\`.`,
          instruction: ins,
          fix: edits && { title: `Append ${spec.cleanup}`, edits, safe: true },
        });
      }
    }
  },
});

function downloads(c: ShellCommand, tool: string): Word | undefined {
  if (baseName(c) !== tool) return undefined;
  const install = installOf(c);
  if (install) return install.subcommand;
  const sub = subcommandOf(c);
  return sub && DOWNLOADING.includes(sub.text) ? sub : undefined;
}
