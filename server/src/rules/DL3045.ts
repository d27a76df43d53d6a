import doc from './DL3045.md';
import { defineRule } from './rule';
import { stageChain, type Instruction } from '../model/document';
import { copyPaths, dropQuotes } from './util';

/** `/…`, `$…` (decided at build time), or a Windows drive path (`C:\…`, `C:/…`). */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^.:[\\/]/.test(path);
}

export default defineRule({
  id: 'DL3045',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('COPY')) {
      const { dest } = copyPaths(ctx.model, ins);
      if (!dest || isAbsolute(dropQuotes(dest.value))) continue;
      if (hasWorkdirBefore(ins.onbuild ?? ins)) continue;
      ctx.report({
        range: dest.range,
        message: `COPY to the relative path \`${dest.value}\` before any WORKDIR: where the files land depends on the base image's working directory. Set WORKDIR first or use an absolute path.`,
        instruction: ins,
      });
    }
  },
});

/** A top-level WORKDIR earlier in the instruction's stage, or in a stage it is built FROM. */
function hasWorkdirBefore(ins: Instruction): boolean {
  if (!ins.stage) return false;
  return stageChain(ins.stage).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR' && i.index < ins.index));
}
