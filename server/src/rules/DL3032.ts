import doc from './DL3032.md';
import { defineRule } from './rule';
import { appendCommandEdits, cacheMountTargets, firstUncleaned, wordRange } from './util';
import { installOf, MANAGERS } from '../knowledge/os-packages';

const YUM = MANAGERS.yum;

export default defineRule({
  id: 'DL3032',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      const found = firstUncleaned(ins, YUM, (c) => (installOf(c)?.spec === YUM ? installOf(c)!.subcommand : undefined));
      if (!found) continue;
      if (cacheMountTargets(ins).some((t) => t.includes('/var/cache/yum'))) continue;
      const edits = appendCommandEdits(ctx.model, ins, YUM.cleanup!);
      ctx.report({
        range: wordRange(ctx.model, { start: found.cmd.name!.start, end: found.word.end }),
        message: `\`yum ${found.word.text}\` leaves repository metadata and packages in /var/cache/yum; end the RUN with \`yum clean all\`.`,
        instruction: ins,
        fix: edits && { title: 'Append yum clean all', edits, safe: true },
      });
    }
  },
});
