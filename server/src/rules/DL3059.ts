import doc from './DL3059.md';
import { defineRule } from './rule';
import { andStyle, appendPoint, indentOf } from './util';
import type { DocModel, Instruction } from '../model/document';
import { stageChain } from '../model/document';
import type { TextEdit } from 'vscode-languageserver-types';

export default defineRule({
  id: 'DL3059',
  severity: 'info',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    // Pairs of neighbouring top-level instructions (comments are not instructions): two RUNs,
    // or two ONBUILD RUNs, which add two layers to every image built from this one.
    const list = ctx.model.instructions;
    for (let i = 1; i < list.length; i++) {
      const prev = runOf(list[i - 1]);
      const cur = runOf(list[i]);
      if (!prev || !cur || !!prev.onbuild !== !!cur.onbuild) continue;
      if (flagKey(prev) !== flagKey(cur)) continue;
      // Chained commands suggest the split is deliberate (as hadolint).
      if (commandCount(prev) > 2 || commandCount(cur) > 2) continue;
      const edits = mergeEdits(ctx.model, prev, cur);
      ctx.report({
        range: cur.keywordRange,
        message: `This RUN directly follows the RUN on line ${prev.range.start.line + 1}; each one adds a layer — consider merging them.`,
        instruction: cur,
        fix: edits && { title: 'Merge into the previous RUN', edits, safe: false },
      });
    }
  },
});

function runOf(ins: Instruction): Instruction | undefined {
  const r = ins.trigger ?? ins;
  return r.keyword === 'RUN' ? r : undefined;
}

function flagKey(ins: Instruction): string {
  return ins.flags
    .map((f) => `${f.name}=${f.value ?? ''}`)
    .sort()
    .join('\n');
}

function commandCount(ins: Instruction): number {
  if (ins.isJson) return 1;
  return ins.shell?.commands.length ?? 0;
}

/**
 * Turns the later RUN's keyword (and flags, equal to the earlier one's) into ` && \` and a
 * continuation line of the earlier RUN, in its `&&` style and indentation. Offered only for
 * shell-form RUNs without heredocs or comment lines between them, and when `earlier && later`
 * fails exactly when one of the two RUNs would (the later one uses only `&&` and pipes).
 */
function mergeEdits(model: DocModel, prev: Instruction, cur: Instruction): TextEdit[] | undefined {
  if (prev.isJson || cur.isJson || prev.heredocs.length || cur.heredocs.length || !cur.argsRange) return undefined;
  const curCmds = cur.shell?.commands ?? [];
  if (!curCmds.length || curCmds.some((c) => !['', '&&', '|', '(', ')'].includes(c.joinedBy))) return undefined;
  if (!posixShell(prev)) return undefined;
  const at = appendPoint(model, prev);
  if (!at || at.beforeComment) return undefined;
  const bodyStart = model.lines.offsetAt(cur.argsRange.start);
  const between = model.text.slice(at.offset, bodyStart);
  if (between.split('\n').slice(1).some((l) => l.trimStart().startsWith('#'))) return undefined;
  const start = model.lines.positionAt(at.offset);
  const esc = model.escapeChar;
  const eol = model.lines.eol;
  const multiLine = start.line > prev.keywordRange.start.line;
  const indent = multiLine ? indentOf(model, start.line) : indentOf(model, (prev.onbuild ?? prev).range.start.line) + '    ';
  const leading = multiLine && andStyle(model, prev.shell!) === 'leading';
  const newText = leading ? ` ${esc}${eol}${indent}&& ` : ` && ${esc}${eol}${indent}`;
  return [{ range: { start, end: model.lines.positionAt(bodyStart) }, newText }];
}

/**
 * Whether the RUN runs in a shell where `a && b` means "b only if a succeeded": no SHELL
 * instruction before it in its stage chain, or one naming sh, bash, dash, ash, zsh or ksh
 * (cmd.exe, the Windows default, also has `&&`; Windows PowerShell 5 does not).
 */
function posixShell(ins: Instruction): boolean {
  const stage = ins.stage;
  if (!stage) return true;
  const at = (ins.onbuild ?? ins).index;
  for (const s of stageChain(stage)) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const x = s.instructions[i];
      if (x.keyword !== 'SHELL' || (s === stage && x.index > at)) continue;
      return /(?:^|[/\\])(?:ba|da|a|z|k)?sh$/i.test(x.args[0]?.value ?? '');
    }
  }
  return true;
}
