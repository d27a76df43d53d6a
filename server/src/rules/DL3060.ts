import doc from './DL3060.md';
import { defineRule } from './rule';
import { appendCommandEdits, cacheMountTargets, finalStage, stagesUsedAsBase, wordRange } from './util';
import { cleansCache, isCacheTarget, positionals, toolOf } from '../knowledge/lang-packages';
import type { ShellCommand } from '../model/shell';

export default defineRule({
  id: 'DL3060',
  severity: 'info',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    // As DL3009: only layers that end up in an image someone runs.
    const last = finalStage(model);
    const bases = stagesUsedAsBase(model);
    for (const ins of ctx.instructions('RUN')) {
      if (!ins.stage || (ins.stage !== last && !bases.has(ins.stage))) continue;
      const cmds = ins.shell?.commands ?? [];
      let pending: { start: number; end: number } | undefined;
      for (const c of cmds) {
        if (pending && cleansCache(c, 'yarn')) pending = undefined;
        pending ??= yarnInstall(c);
      }
      if (!pending) continue;
      if (cacheMountTargets(ins).some((t) => isCacheTarget('yarn', t))) continue;
      const edits = appendCommandEdits(model, ins, 'yarn cache clean');
      ctx.report({
        range: wordRange(model, pending),
        message: '`yarn install` leaves every downloaded package in yarn\'s cache in this layer; run `yarn cache clean` at the end of the same RUN.',
        instruction: ins,
        fix: edits && { title: 'Append yarn cache clean to this RUN', edits, safe: false },
      });
    }
  },
});

/** `yarn install` (from `yarn` to `install`), or a bare `yarn` (which installs too). */
function yarnInstall(c: ShellCommand): { start: number; end: number } | undefined {
  const tool = toolOf(c);
  if (tool?.spec.name !== 'yarn' || !c.name) return undefined;
  const sub = positionals(tool.spec, tool.args)[0];
  if (!sub) return c.args.some((a) => /^(?:-v|--version|-h|--help)$/.test(a.text)) ? undefined : c.name;
  return sub.text === 'install' ? { start: c.name.start, end: sub.end } : undefined;
}
