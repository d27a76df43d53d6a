import doc from './DL3036.md';
import { defineRule } from './rule';
import { appendCommandEdits, cacheMountTargets, firstUncleaned, wordRange } from './util';
import { installOf, MANAGERS } from '../knowledge/os-packages';

const ZYPPER = MANAGERS.zypper;

export default defineRule({
  id: 'DL3036',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      const found = firstUncleaned(ins, ZYPPER, (c) => (installOf(c)?.spec === ZYPPER ? installOf(c)!.subcommand : undefined));
      if (!found) continue;
      if (cacheMountTargets(ins).some((t) => t.includes('/var/cache/zypp'))) continue;
      const edits = appendCommandEdits(ctx.model, ins, ZYPPER.cleanup!);
      ctx.report({
        range: wordRange(ctx.model, { start: found.cmd.name!.start, end: found.word.end }),
        message: `\`zypper ${found.word.text}\` leaves repository metadata and packages in /var/cache/zypp; end the RUN with \`${ZYPPER.cleanup}\`.`,
        instruction: ins,
        fix: edits && { title: `Append ${ZYPPER.cleanup}`, edits, safe: true },
      });
    }
  },
});
