import doc from './DL3009.md';
import { defineRule, type Fix } from './rule';
import { appendCommandEdits, argNamed, cacheMountTargets, finalStage, stagesUsedAsBase, wordRange } from './util';
import { baseName, type ShellCommand } from '../model/shell';

const APT = ['apt-get', 'apt', 'aptitude'];
const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

export default defineRule({
  id: 'DL3009',
  severity: 'info',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    const { model } = ctx;
    // Only layers that end up in an image someone runs: the final stage and stages other stages build FROM.
    const last = finalStage(model);
    const bases = stagesUsedAsBase(model);
    for (const ins of ctx.instructions('RUN')) {
      if (!ins.stage || (ins.stage !== last && !bases.has(ins.stage))) continue;
      const sh = ins.shell;
      if (!sh) continue;
      const update = sh.commands.find((c) => APT.includes(baseName(c)) && argNamed(c, 'update'));
      if (!update) continue;
      if (sh.commands.some(removesLists)) continue;
      const mounts = cacheMountTargets(ins);
      if (mounts.some((t) => t.includes('/var/lib/apt/lists'))) continue;
      if (mounts.some((t) => t.includes('/var/lib/apt')) && mounts.some((t) => t.includes('/var/cache/apt'))) continue;
      const updateWord = argNamed(update, 'update')!;
      const edits = appendCommandEdits(model, ins, CLEANUP);
      const fix: Fix | undefined = edits && { title: 'Delete the apt lists in this RUN', edits, safe: true };
      ctx.report({
        range: wordRange(model, { start: update.name!.start, end: updateWord.end }),
        message: `\`${baseName(update)} update\` downloads package lists that stay in this layer; delete them in the same RUN with \`${CLEANUP}\`.`,
        instruction: ins,
        fix,
      });
    }
  },
});

/**
 * `rm -rf …` (any path, as hadolint accepts), an `rm` of the lists directory or a parent of it,
 * or `apt-get dist-clean` (apt 2.7+), which deletes the lists itself.
 */
function removesLists(c: ShellCommand): boolean {
  if (APT.includes(baseName(c)) && argNamed(c, 'dist-clean')) return true;
  if (baseName(c) !== 'rm') return false;
  return c.args.some((a) => {
    if (a.text === '-rf') return true;
    const path = a.text.replace(/\/\*?$/, '');
    return path === '/var/lib/apt' || path.startsWith('/var/lib/apt/lists');
  });
}
