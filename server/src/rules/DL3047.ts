import doc from './DL3047.md';
import { defineRule, type Fix } from './rule';
import { imageFamily, insertAfter, rootImage, wordRange } from './util';
import type { DocModel, Instruction } from '../model/document';
import { baseName, commandFlags } from '../model/shell';

/** Options that already keep wget's log short: a progress style, quiet, no-verbose, or a log file. */
const QUIET = ['progress', 'q', 'quiet', 'no-verbose', 'o', 'output-file', 'a', 'append-output'];

export default defineRule({
  id: 'DL3047',
  severity: 'info',
  fixable: true,
  fixSafety: 'depends',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        if (!cmd.name || baseName(cmd) !== 'wget') continue;
        const flags = commandFlags(cmd);
        if (QUIET.some((f) => flags.has(f)) || cmd.args.some((a) => a.text === '-nv')) continue;
        ctx.report({
          range: wordRange(ctx.model, cmd.name),
          message: '`wget` without `--progress=dot:giga` (or `-q`/`-nv`) prints a progress line every few kilobytes, flooding the build log.',
          instruction: ins,
          fix: progressFix(ctx.model, ins, cmd.name),
        });
      }
    }
  },
});

/**
 * `--progress=dot:giga` after `wget`: safe on images whose wget is GNU wget. Alpine and busybox
 * images have busybox's wget, which knows `-q` but no `--progress`; Fedora's wget is wget2, and
 * for an image we cannot name (or the image an ONBUILD trigger will run in) we do not know: there
 * the fix needs a review.
 */
function progressFix(model: DocModel, ins: Instruction, name: { end: number }): Fix {
  const image = ins.stage && rootImage(model, ins.stage);
  const family = image === undefined ? undefined : imageFamily(image);
  if (family === 'alpine' || family === 'busybox') {
    return { title: 'Add -q (busybox wget has no --progress)', edits: [insertAfter(model, name, ' -q')], safe: false };
  }
  // An ONBUILD trigger runs in the image built FROM this one, whose wget we cannot see.
  return { title: 'Add --progress=dot:giga', edits: [insertAfter(model, name, ' --progress=dot:giga')], safe: family === 'other' && !ins.onbuild };
}
