import doc from './DL3020.md';
import { defineRule, type Fix } from './rule';
import { variablesAt, type DocModel, type Instruction } from '../model/document';
import { copyPaths, dropQuotes } from './util';

/** Endings of the archives ADD unpacks, as hadolint lists them (case-sensitive). */
const ARCHIVE = ['.tar', '.gz', '.tgz', '.xz', '.bz2', '.Z', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tlz', '.tpz', '.txz'];
/** Compressed formats newer Docker versions also unpack; a fix must not turn those into COPY. */
const MAYBE_ARCHIVE = /\.(?:zst|tzst|zstd)$/i;
/** Flags COPY accepts as well; others (`--checksum`, `--keep-git-dir`, `--unpack`) are ADD's own. */
const SHARED_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude']);
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

const isArchive = (p: string) => ARCHIVE.some((ext) => p.endsWith(ext));
const isUrl = (p: string) => p.startsWith('http://') || p.startsWith('https://');

export default defineRule({
  id: 'DL3020',
  severity: 'error',
  fixable: true,
  fixSafety: 'depends',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('ADD')) {
      const { sources } = copyPaths(ctx.model, ins);
      const paths = sources.map((s) => resolve(ctx.model, ins, dropQuotes(s.value)));
      const plain = paths.findIndex((p) => !isArchive(p) && !isUrl(p));
      if (plain < 0) continue;
      ctx.report({
        range: ins.keywordRange,
        message: `\`ADD ${sources[plain].value}\` copies a plain file or directory; use COPY, which does only that (ADD also downloads URLs and unpacks archives).`,
        instruction: ins,
        fix: copyFix(ins, paths, sources.some((s) => s.value.includes('$'))),
      });
    }
  },
});

/**
 * A source with the variables whose value is known here substituted (`${URL}` with
 * `ARG URL=https://…` is a URL); the others stay as written.
 */
function resolve(model: DocModel, ins: Instruction, path: string): string {
  if (!path.includes('$')) return path;
  const vars = variablesAt(model, ins);
  return path.replace(VARIABLE, (m, braced?: string, bare?: string) => vars.get((braced ?? bare)!)?.value ?? m);
}

/**
 * ADD → COPY on the keyword. Safe when every source is a local path written out, as ADD copies
 * it unchanged; with a variable whose default names a plain path it needs a review (the build may
 * pass another value). No fix when a source is remote (URL, `git@…`), an archive, or a variable
 * with no known value, nor with ADD-only flags.
 */
function copyFix(ins: Instruction, paths: string[], variables: boolean): Fix | undefined {
  if (ins.flags.some((f) => !SHARED_FLAGS.has(f.name.toLowerCase()))) return undefined;
  if (paths.some((p) => p.includes('$') || isArchive(p) || MAYBE_ARCHIVE.test(p) || p.includes('://') || /^[\w.-]+@[\w.-]+:/.test(p))) return undefined;
  const keyword = ins.keywordText === ins.keywordText.toLowerCase() ? 'copy' : 'COPY';
  return {
    title: 'Replace ADD with COPY',
    edits: [{ range: ins.keywordRange, newText: keyword }],
    safe: !variables,
  };
}
