/** Small helpers shared by rule units: shell lookups and edits that keep the user's layout. */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DocModel, Instruction, Stage } from '../model/document';
import type { ShellCommand, Word } from '../model/shell';
import { baseName } from '../model/shell';

/** Commands in the instruction's shell body whose base name is one of `names`. */
export function commandsNamed(ins: Instruction, ...names: string[]): ShellCommand[] {
  const sh = ins.shell;
  if (!sh) return [];
  return sh.commands.filter((c) => names.includes(baseName(c)));
}

/** The first argument equal to one of `words`. */
export function argNamed(cmd: ShellCommand, ...words: string[]): Word | undefined {
  return cmd.args.find((a) => words.includes(a.text));
}

export function wordRange(model: DocModel, w: { start: number; end: number }): Range {
  return model.lines.range(w.start, w.end);
}

/** An edit inserting ` text` right after a word. */
export function insertAfter(model: DocModel, w: { end: number }, text: string): TextEdit {
  const p = model.lines.positionAt(w.end);
  return { range: { start: p, end: p }, newText: text };
}

/** The last stage of the file (the default build target). */
export function finalStage(model: DocModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

/** Stages whose name is used as the image of a later FROM. */
export function stagesUsedAsBase(model: DocModel): Set<Stage> {
  const out = new Set<Stage>();
  for (const s of model.stages) if (s.parent) out.add(s.parent);
  return out;
}

/** The leading whitespace of a line. */
export function indentOf(model: DocModel, line: number): string {
  return /^[ \t]*/.exec(model.lines.lineText(line))![0];
}
