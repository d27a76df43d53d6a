/**
 * Folding ranges: each stage (its `FROM` line to its last instruction), each instruction that
 * spans several lines, each heredoc, and each block of two or more consecutive comment lines.
 * A client folds one range per start line, so when two would start on the same line only the
 * larger one is kept (a stage over its multi-line `FROM`, an instruction over the heredoc
 * that starts on its first line).
 */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { DocModel } from '../model/document';

export function foldingRanges(model: DocModel): FoldingRange[] {
  const byStart = new Map<number, FoldingRange>();
  const offer = (startLine: number, endLine: number, kind?: string) => {
    if (endLine <= startLine) return;
    const prev = byStart.get(startLine);
    if (prev && prev.endLine >= endLine) return;
    byStart.set(startLine, kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  for (const stage of model.stages) {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    offer(stage.from.range.start.line, last.range.end.line);
  }
  for (const ins of model.instructions) {
    offer(ins.range.start.line, ins.range.end.line);
    for (const h of ins.heredocs) {
      const end = h.endRange ?? h.contentRange;
      if (end) offer(h.startRange.start.line, end.end.line);
    }
  }
  // Comment blocks: consecutive lines holding only a comment.
  const lines = [...new Set(model.comments.map((c) => c.line))].sort((a, b) => a - b);
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    offer(lines[i], lines[j], 'comment');
    i = j + 1;
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
