/** Small helpers shared by rule units: shell lookups and edits that keep the user's layout. */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DocModel, Instruction, Stage } from '../model/document';
import { stageChain, variablesAt } from '../model/document';
import type { ShellCommand, ShellScript, Word } from '../model/shell';
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

/** The last top-level instruction with one of `keywords` in the stage, else in its parent chain (nearest first). */
export function lastInChain(stage: Stage, ...keywords: string[]): Instruction | undefined {
  for (const s of stageChain(stage)) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      if (keywords.includes(s.instructions[i].keyword)) return s.instructions[i];
    }
  }
  return undefined;
}

const WINDOWS_IMAGE = /(?:^|[/:._-])(?:windows|nanoserver|servercore|windowsservercore)(?:[/:._-]|$)/i;

/**
 * Whether a stage builds a Windows image: the image its stage chain starts from (global
 * ARG defaults substituted) names a Windows base, or the file uses the backtick escape.
 */
export function isWindowsStage(model: DocModel, stage: Stage): boolean {
  if (model.escapeChar === '`') return true;
  const chain = stageChain(stage);
  const root = chain[chain.length - 1];
  if (!root.image) return false;
  const vars = variablesAt(model, root.from);
  const image = root.image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}?/g, (m, name: string) => vars.get(name)?.value ?? m);
  return WINDOWS_IMAGE.test(image);
}

/**
 * Targets of a RUN's `--mount=type=cache` and `--mount=type=tmpfs` flags (`target`, `dst`
 * or `destination`, surrounding quotes removed). Files written there never reach the image.
 */
export function cacheMountTargets(ins: Instruction): string[] {
  const out: string[] = [];
  for (const f of ins.flags) {
    if (f.name.toLowerCase() !== 'mount' || !f.value) continue;
    const opts = new Map<string, string>();
    for (const part of f.value.split(',')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      opts.set(key, (eq < 0 ? '' : part.slice(eq + 1)).trim().replace(/^(["'])(.*)\1$/, '$2'));
    }
    const type = (opts.get('type') ?? 'bind').toLowerCase();
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
    if (target) out.push(target);
  }
  return out;
}

/**
 * The `install` word of a pip install: `pip`, `pip3`, `pip3.12`… with an `install` argument,
 * or `python… -m pip install`. The wrappers pipx and pipenv are not pip.
 */
export function pipInstallWord(cmd: ShellCommand): Word | undefined {
  const name = baseName(cmd);
  if (name.startsWith('pip') && !name.includes('pipx') && !name.includes('pipenv')) return argNamed(cmd, 'install');
  if (name.startsWith('python')) {
    const a = cmd.args;
    for (let i = 0; i + 2 < a.length; i++) {
      if (a[i].text === '-m' && a[i + 1].text === 'pip' && a[i + 2].text === 'install') return a[i + 2];
    }
  }
  return undefined;
}

/**
 * Splits an image reference as written in FROM: `reg:5000/team/app:1.2@sha256:…`.
 * The tag is the text after the last `:` that follows the last `/` (so a registry port is not a tag).
 */
export function splitImageRef(ref: string): { name: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}

/**
 * How a shell body lays out its `&&` line breaks, read from the `&&` before its last command:
 * `leading` (`… \` then `&& cmd`) or `trailing` (`cmd && \` then `cmd`); undefined when that
 * `&&` is not at a line break.
 */
export function andStyle(model: DocModel, sh: ShellScript): 'leading' | 'trailing' | undefined {
  const n = sh.commands.length;
  if (n < 2) return undefined;
  const gap = model.text.slice(sh.commands[n - 2].end, sh.commands[n - 1].start);
  const and = gap.lastIndexOf('&&');
  if (and < 0 || !gap.includes('\n')) return undefined;
  return gap.includes('\n', and) ? 'trailing' : 'leading';
}

/**
 * Where text can be appended to a RUN's script so that it runs last: after the last command
 * (and any closing `fi`, `done`, `)`, redirection) and before a trailing shell comment.
 * For `RUN <<EOF` it is the end of the script's last line. Undefined when the script ends with
 * an operator or a continuation, or when its shell text is not the whole script (`RUN cmd <<EOF`).
 */
export function appendPoint(model: DocModel, ins: Instruction): { offset: number; beforeComment: boolean } | undefined {
  const sh = ins.shell;
  const last = sh?.commands[sh.commands.length - 1];
  if (!last || !ins.argsRange) return undefined;
  let end = model.lines.offsetAt(ins.argsRange.end);
  const heredoc = ins.heredocs[0];
  if (heredoc) {
    if (!ins.args[0]?.value.startsWith('<<') || !heredoc.contentRange) return undefined;
    end = model.lines.offsetAt(heredoc.contentRange.end);
  }
  const tail = model.text.slice(last.end, end);
  const hash = tail.indexOf('#');
  const code = (hash < 0 ? tail : tail.slice(0, hash)).trimEnd();
  if (/[\r\n]/.test(code) || /[;&|]$/.test(code) || code.endsWith(model.escapeChar)) return undefined;
  return { offset: last.end + code.length, beforeComment: hash >= 0 };
}
