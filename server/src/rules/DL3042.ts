import doc from './DL3042.md';
import { defineRule } from './rule';
import { argNamed, cacheMountTargets, insertAfter, pipInstallWord, wordRange } from './util';
import type { DocModel, Instruction } from '../model/document';
import { variablesAt } from '../model/document';

const TRUTHY = /^(?:1|true|on|yes)$/i;

export default defineRule({
  id: 'DL3042',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      const sh = ins.shell;
      if (!sh) continue;
      let exempt: boolean | undefined;
      for (const cmd of sh.commands) {
        const install = pipInstallWord(cmd);
        if (!install || argNamed(cmd, '--no-cache-dir')) continue;
        exempt ??= cacheDisabled(ctx.model, ins);
        if (exempt) break;
        ctx.report({
          range: wordRange(ctx.model, { start: cmd.name!.start, end: install.end }),
          message: '`pip install` without `--no-cache-dir` keeps a copy of every downloaded package in the layer (~/.cache/pip).',
          instruction: ins,
          fix: {
            title: 'Add --no-cache-dir',
            edits: [insertAfter(ctx.model, install, ' --no-cache-dir')],
            safe: true,
          },
        });
      }
    }
  },
});

/** pip's cache is off for this RUN, or never reaches the layer. */
function cacheDisabled(model: DocModel, ins: Instruction): boolean {
  // PIP_NO_CACHE_DIR=<truthy> anywhere in the RUN (an assignment, `export`, `env`).
  const text = model.text.slice(model.lines.offsetAt(ins.range.start), model.lines.offsetAt(ins.range.end));
  for (const m of text.matchAll(/\bPIP_NO_CACHE_DIR=["']?([A-Za-z0-9]*)/g)) if (TRUTHY.test(m[1])) return true;
  // ENV (or ARG, which RUN also sees as an environment variable) set earlier in the stage or a parent stage.
  const v = variablesAt(model, ins).get('PIP_NO_CACHE_DIR');
  if (v?.value != null && TRUTHY.test(v.value.trim())) return true;
  return cacheMountTargets(ins).some((t) => t.includes('.cache/pip'));
}
