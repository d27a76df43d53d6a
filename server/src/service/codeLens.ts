/**
 * Code lens above the `FROM` of each final stage — a stage no other stage builds on, copies
 * from or mounts, the last stage (the default target) included: the `docker build` command
 * that builds it, `docker build --target <name> -t <name> .` (with `-f <file>` when the file is
 * not named `Dockerfile`). Clicking it runs the client command `dockerfileExplained.copyToClipboard`
 * with the command line as its argument. An unnamed stage cannot be targeted: the last one
 * gets `docker build .`, the others no lens.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import type { DocModel, Stage } from '../model/document';
import { stageUses } from '../hover/stages';

export const COPY_TO_CLIPBOARD_COMMAND = 'dockerfileExplained.copyToClipboard';

/** A repository name the `-t` of `docker build` accepts. */
const TAG_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export function codeLenses(model: DocModel): CodeLens[] {
  let uses: Map<Stage, unknown[]>;
  try {
    uses = stageUses(model);
  } catch {
    return [];
  }
  const out: CodeLens[] = [];
  const file = dockerfileOption(model.uri);
  const last = model.stages[model.stages.length - 1];
  for (const stage of model.stages) {
    if (stage !== last && uses.get(stage)?.length) continue;
    const line = buildCommand(stage, stage === last, file);
    if (!line) continue;
    out.push({
      range: stage.from.keywordRange,
      command: { title: `Copy: ${line}`, command: COPY_TO_CLIPBOARD_COMMAND, arguments: [line] },
    });
  }
  return out;
}

function buildCommand(stage: Stage, isLast: boolean, file: string): string | undefined {
  if (!stage.name) return isLast ? `docker build${file} .` : undefined;
  const name = stage.name.toLowerCase();
  const tag = TAG_NAME.test(name) ? ` -t ${name}` : '';
  return `docker build${file} --target ${name}${tag} .`;
}

/** ` -f <name>` when the document is a file not named `Dockerfile` (docker build's default), else ''. */
export function dockerfileOption(uri: string): string {
  const m = /^(?:file|vscode-remote|vscode-vfs):\/\/[^?#]*\/([^/?#]+)$/.exec(uri);
  if (!m) return '';
  let name: string;
  try {
    name = decodeURIComponent(m[1]);
  } catch {
    name = m[1];
  }
  if (name === 'Dockerfile') return '';
  return ` -f ${/^[\w.@%+=:,/-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`}`;
}
