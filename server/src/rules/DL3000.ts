import doc from './DL3000.md';
import { defineRule, type Fix } from './rule';
import { stageChain, type DocModel, type Instruction } from '../model/document';
import { dropQuotes } from './util';

/** What hadolint accepts as absolute: `/…`, a variable (`$HOME`), or a Windows drive (`C:…`). */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:/.test(path);
}

export default defineRule({
  id: 'DL3000',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('WORKDIR')) {
      if (!ins.argsRange) continue;
      const written = argsText(model, ins);
      const path = dropQuotes(written);
      if (!path || isAbsolute(path)) continue;
      ctx.report({
        range: ins.argsRange,
        message: `\`WORKDIR ${written}\` is relative: it depends on the directory set before it (possibly by the base image); use an absolute path.`,
        instruction: ins,
        fix: joinFix(model, ins, written, path),
      });
    }
  },
});

function argsText(model: DocModel, ins: Instruction): string {
  return model.text.slice(model.lines.offsetAt(ins.argsRange!.start), model.lines.offsetAt(ins.argsRange!.end)).trim();
}

/**
 * Rewrites the path to the absolute directory it resolves to, when the WORKDIR before it (in
 * this stage, else in the stages it is built FROM) is a plain absolute path. Not for ONBUILD:
 * the trigger runs in another build, after that build's own WORKDIRs.
 */
function joinFix(model: DocModel, ins: Instruction, written: string, path: string): Fix | undefined {
  if (ins.onbuild || !ins.stage || !ins.argsRange) return undefined;
  const prev = previousWorkdir(ins);
  if (!prev?.argsRange) return undefined;
  const base = dropQuotes(argsText(model, prev));
  if (!base.startsWith('/')) return undefined;
  // `..` cannot be resolved across a variable, whose value may hold several directories.
  if (base.includes('$') && path.split('/').includes('..')) return undefined;
  // Keep one pair of surrounding quotes; leave odd quoting alone.
  const quote = written === path ? '' : written === `${written[0]}${path}${written[0]}` ? written[0] : undefined;
  if (quote === undefined) return undefined;
  const joined = normalize(`${base}/${path}`);
  return {
    title: `Use the absolute path ${joined}`,
    edits: [{ range: ins.argsRange, newText: `${quote}${joined}${quote}` }],
    safe: false,
  };
}

/** The nearest top-level WORKDIR before `ins` in its stage, else the last one of the stages it derives from. */
function previousWorkdir(ins: Instruction): Instruction | undefined {
  for (const s of stageChain(ins.stage!)) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const other = s.instructions[i];
      if (other.index < ins.index && other.keyword === 'WORKDIR') return other;
    }
  }
  return undefined;
}

/** `/srv/app/../data/.` → `/srv/data` (a `..` above the root stays at the root, as in Linux). */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}
