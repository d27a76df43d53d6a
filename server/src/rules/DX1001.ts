import doc from './DX1001.md';
import { defineRule } from './rule';
import type { DocModel, Instruction, Stage } from '../model/document';
import { stageChain } from '../model/document';
import type { TextEdit } from 'vscode-languageserver-types';
import { finalStage, indentOf, isWindowsStage, lastInChain } from './util';

export default defineRule({
  id: 'DX1001',
  severity: 'warning',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    const stage = finalStage(model);
    if (!stage) return;
    // Any USER decides: a non-root one is what we want, a root one is DL3002's finding.
    if (lastInChain(stage, 'USER')) return;
    // Windows users are ContainerUser / ContainerAdministrator, not something `USER appuser` fixes.
    if (isWindowsStage(model, stage)) return;
    const chain = stageChain(stage);
    const base = chain[chain.length - 1].image ?? '';
    // distroless `:nonroot` (and `:debug-nonroot`…) images already run as an unprivileged user.
    // The tag is in the last path segment; a regex `:[^/]*nonroot` took a second on 50,000 colons.
    const segment = base.slice(base.lastIndexOf('/') + 1);
    const colon = segment.indexOf(':');
    if (colon >= 0 && /nonroot/i.test(segment.slice(colon))) return;
    // ONBUILD triggers make the image a template for other Dockerfiles; their USER belongs there
    // (a USER here would also run the triggers, such as `ONBUILD RUN pip install`, unprivileged).
    if (chain.some((s) => s.instructions.some((i) => i.keyword === 'ONBUILD'))) return;
    // gosu / su-exec: the entrypoint starts as root and steps down itself (the official images' pattern).
    if (chain.some(dropsPrivileges)) return;
    // An image that never says how it starts (no CMD or ENTRYPOINT on its chain) is a base or
    // tool image — files to copy elsewhere, or a base for other Dockerfiles, whose authors pick the user.
    if (!lastInChain(stage, 'CMD', 'ENTRYPOINT')) return;
    const scratch = base.toLowerCase() === 'scratch';
    // Without /etc/passwd only a numeric user works.
    const user = scratch && !/^\d+(:\d+)?$/.test(ctx.settings.nonRootUser) ? '65534:65534' : ctx.settings.nonRootUser;
    const { edit, where } = insertUser(model, stage, user);
    ctx.report({
      range: stage.imageRange ?? stage.from.keywordRange,
      message: scratch
        ? 'The final stage never sets USER, so its program runs as UID 0 (root); a scratch image needs a numeric user such as `USER 65534:65534`.'
        : 'The final stage never switches to a non-root USER, so the container runs as root.',
      instruction: stage.from,
      fix: { title: `Add "USER ${user}" ${where}`, edits: [edit], safe: false },
    });
  },
});

/**
 * An edit inserting `USER <name>` on its own line: before the stage's closing run of
 * CMD/ENTRYPOINT (above the comments directly over it), else after the stage's last line.
 */
function insertUser(model: DocModel, stage: Stage, user: string): { edit: TextEdit; where: string } {
  const eol = model.lines.eol;
  const list = stage.instructions;
  let k = -1;
  for (let i = list.length - 1; i > 0; i--) {
    if (list[i].keyword === 'CMD' || list[i].keyword === 'ENTRYPOINT') {
      k = i;
      break;
    }
  }
  if (k > 0) {
    while (k > 1 && (list[k - 1].keyword === 'CMD' || list[k - 1].keyword === 'ENTRYPOINT')) k--;
    const target = list[k];
    const above = lastLine(list[k - 1]);
    const commentLines = new Set(model.comments.map((c) => c.line));
    let line = target.range.start.line;
    while (line - 1 > above && commentLines.has(line - 1)) line--;
    return {
      edit: { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indentOf(model, line)}USER ${user}${eol}` },
      where: `before ${target.keyword}`,
    };
  }
  const last = list[list.length - 1];
  const line = lastLine(last);
  const indent = indentOf(model, last.range.start.line);
  if (line + 1 < model.lines.lineCount) {
    const at = { line: line + 1, character: 0 };
    return { edit: { range: { start: at, end: at }, newText: `${indent}USER ${user}${eol}` }, where: 'at the end of the stage' };
  }
  const at = model.lines.positionAt(model.lines.lineEnd(line));
  return { edit: { range: { start: at, end: at }, newText: `${eol}${indent}USER ${user}` }, where: 'at the end of the stage' };
}

/** The last line an instruction occupies, heredoc bodies included. */
function lastLine(ins: Instruction): number {
  let line = ins.range.end.line;
  for (const h of ins.heredocs) if (h.endRange) line = Math.max(line, h.endRange.end.line);
  return line;
}

/** Whether a stage's RUNs fetch, install or call gosu or su-exec. */
function dropsPrivileges(stage: Stage): boolean {
  return stage.instructions.some(
    (ins) => ins.keyword === 'RUN' && !!ins.shell?.commands.some((c) => [c.name, ...c.args].some((w) => w && /gosu|su-exec/.test(w.text))),
  );
}
