import doc from './WorkdirRelativePath.md';
import { defineRule } from './rule';
import { stageChain, type DocModel, type Instruction } from '../model/document';
import { expand, lookupAt } from '../model/variables';
import { dropQuotes, isWindowsStage } from './util';

export default defineRule({
  id: 'WorkdirRelativePath',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      // Only the first WORKDIR of a stage chain matters: once one is set, later relative ones
      // build on it. WORKDIRs of the stages this one is built FROM count; the base image's do not.
      if (stage.parent && stageChain(stage.parent).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'))) continue;
      const first = stage.instructions.find((i) => i.keyword === 'WORKDIR');
      if (!first?.argsRange) continue;
      const path = resolved(model, first);
      if (path === undefined || isAbsolute(path, isWindowsStage(model, stage))) continue;
      const written = model.text.slice(model.lines.offsetAt(first.argsRange.start), model.lines.offsetAt(first.argsRange.end));
      ctx.report({
        range: first.argsRange,
        message: `\`WORKDIR ${written}\` is relative and no absolute WORKDIR is set before it: it lands inside whatever working directory the base image has, which can change with the image.`,
        instruction: first,
      });
    }
  },
});

/**
 * The path with the variables known at the instruction expanded and quotes removed; undefined
 * when it starts with a variable whose value is not known here (it may come from the base image).
 */
function resolved(model: DocModel, ins: Instruction): string | undefined {
  const raw = model.text.slice(model.lines.offsetAt(ins.argsRange!.start), model.lines.offsetAt(ins.argsRange!.end)).trim();
  const lookup = lookupAt(model, ins);
  const lead = /^["']?\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(raw);
  if (lead && typeof lookup(lead[1]) !== 'string') return undefined;
  const e = expand(raw, lookup, model.escapeChar);
  const path = dropQuotes(e.value);
  return path.startsWith('$') ? undefined : path;
}

/** Absolute for the builder: `/…`; on Windows also `\…` and a drive (`C:\…`). */
function isAbsolute(path: string, windows: boolean): boolean {
  if (path.startsWith('/')) return true;
  return windows && (path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path));
}
