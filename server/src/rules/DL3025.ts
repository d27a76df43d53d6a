import doc from './DL3025.md';
import { defineRule } from './rule';
import type { DocModel, Instruction } from '../model/document';
import { isWindowsStage, lastInChain } from './util';

const MESSAGES: Record<string, string> = {
  CMD: 'Shell-form `CMD` runs your program under a shell, which becomes PID 1 and may not pass on the SIGTERM sent by `docker stop`; use the JSON (exec) form.',
  ENTRYPOINT:
    'Shell-form `ENTRYPOINT` runs your program under a shell, which may not pass on SIGTERM, and it ignores `CMD` and `docker run` arguments; use the JSON (exec) form.',
  HEALTHCHECK: 'Shell-form `HEALTHCHECK CMD` needs a shell in the image to run the probe; the JSON (exec) form says exactly which program runs.',
};

export default defineRule({
  id: 'DL3025',
  severity: 'warning',
  fixable: true,
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('CMD', 'ENTRYPOINT', 'HEALTHCHECK')) {
      const body = shellBody(model, ins);
      if (!body) continue;
      const range = model.lines.range(body.start, body.end);
      const json = toExecForm(model, ins, body.start, body.end);
      ctx.report({
        range,
        message: MESSAGES[ins.keyword],
        instruction: ins,
        fix: json === undefined ? undefined : { title: 'Convert to JSON (exec) form', edits: [{ range, newText: json }], safe: false },
      });
    }
  },
});

/** Offsets of the shell-form body: the arguments, or for HEALTHCHECK what follows `CMD`. */
function shellBody(model: DocModel, ins: Instruction): { start: number; end: number } | undefined {
  if (!ins.argsRange || ins.isJson || ins.heredocs.length) return undefined;
  const end = model.lines.offsetAt(ins.argsRange.end);
  if (ins.keyword !== 'HEALTHCHECK') return { start: model.lines.offsetAt(ins.argsRange.start), end };
  const [sub, first] = ins.args;
  if (!sub || sub.value.toUpperCase() !== 'CMD' || !first) return undefined; // HEALTHCHECK NONE
  const start = model.lines.offsetAt(first.range.start);
  if (model.text[start] === '[') return undefined; // exec form already
  return { start, end };
}

/** Words that only a shell understands: a JSON array starting with them would not run. */
const SHELL_ONLY = new Set([
  'cd', '.', 'source', 'export', 'set', 'unset', 'ulimit', 'umask', 'eval', 'trap', 'exit', 'return', 'shift',
  'alias', 'wait', 'read', 'if', 'for', 'while', 'until', 'case', 'time', 'exec', 'function', 'select', 'declare', 'local',
]);
/** Characters that never need a shell: anything else (quotes, `$`, globs, operators…) does. */
const PLAIN = /^[\w\-./:=@+ \t]*$/;

/**
 * The JSON form of a shell-form body. Plain words become `["w1", "w2"]`, keeping the
 * user's continuation lines between elements; anything that needs a shell becomes
 * `[<shell>, <body as one string>]` on one line. Undefined when the body has comment
 * lines inside it (they would be lost) or looks like broken JSON.
 */
function toExecForm(model: DocModel, ins: Instruction, start: number, end: number): string | undefined {
  const raw = model.text.slice(start, end);
  const esc = model.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const cont = `${esc}[ \\t]*\\r?\\n`;
  // Text pieces between continuations; a following comment or empty line means no fix.
  const pieces = raw.split(new RegExp(cont));
  if (pieces.slice(1).some((p) => /^[ \t]*(#|\r?\n|$)/.test(p))) return undefined;
  const logical = pieces.join('');
  if (logical.trimStart().startsWith('[')) return undefined;

  const words = logical.trim().split(/[ \t]+/);
  // dockerfile-ast reads a JSON array continued with a backtick as shell form: keep one line then.
  const keepLines = model.escapeChar === '\\';
  const glued = pieces.slice(1).some((p, i) => !/^[ \t]/.test(p) && !/[ \t]$/.test(pieces[i]));
  if (words[0] === 'exec' && words.length > 1 && PLAIN.test(logical) && !glued) {
    return plainWords(raw, cont, 1, keepLines);
  }
  if (PLAIN.test(logical) && !glued && !words[0].includes('=') && !SHELL_ONLY.has(words[0])) {
    return plainWords(raw, cont, 0, keepLines);
  }
  const shell = effectiveShell(model, ins).map((a) => JSON.stringify(a));
  return `[${[...shell, JSON.stringify(joinForShell(pieces))].join(', ')}]`;
}

/** `["w1", "w2"]` from plain words, skipping the first `skip`; a separator with a continuation is kept as written. */
function plainWords(raw: string, cont: string, skip: number, keepLines: boolean): string {
  const re = new RegExp(`((?:[ \\t]|${cont})+)|([^ \\t]+?(?=[ \\t]|${cont}|$))`, 'gy');
  const out: string[] = [];
  let sep = '';
  let seen = 0;
  for (let m = re.exec(raw); m && m[0]; m = re.exec(raw)) {
    if (m[1] !== undefined) {
      sep = m[1];
      continue;
    }
    if (seen++ < skip) {
      sep = '';
      continue;
    }
    if (out.length) out.push(keepLines && new RegExp(cont).test(sep) ? `,${sep}` : ', ');
    out.push(JSON.stringify(m[2]));
    sep = '';
  }
  return `[${out.join('')}]`;
}

/**
 * The body as the shell receives it: continuation lines joined as Docker joins them. Outside
 * quotes, the spaces around a continuation become one space (the shell splits words anyway).
 */
function joinForShell(pieces: string[]): string {
  let out = '';
  let quote: '' | "'" | '"' = '';
  pieces.forEach((piece, n) => {
    if (n > 0) {
      if (!quote && (/[ \t]$/.test(out) || /^[ \t]/.test(piece))) {
        out = out.replace(/[ \t]+$/, '') + ' ';
        piece = piece.replace(/^[ \t]+/, '');
      }
    }
    for (let i = 0; i < piece.length; i++) {
      const c = piece[i];
      if (quote !== "'" && c === '\\') i++;
      else if (!quote && (c === "'" || c === '"')) quote = c;
      else if (quote && c === quote) quote = '';
    }
    out += piece;
  });
  return out.trim();
}

/** The shell a shell-form instruction runs under: the stage's SHELL, else the platform default. */
function effectiveShell(model: DocModel, ins: Instruction): string[] {
  const stage = ins.stage;
  if (!stage) return ['/bin/sh', '-c'];
  const own = stage.instructions.filter((i) => i.keyword === 'SHELL' && i.index < ins.index).pop();
  const shell = own ?? (stage.parent ? lastInChain(stage.parent, 'SHELL') : undefined);
  if (shell?.isJson && shell.args.length) return shell.args.map((a) => a.value);
  return isWindowsStage(model, stage) ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c'];
}
