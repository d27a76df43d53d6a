import doc from './DL3010.md';
import { defineRule } from './rule';
import { copyPaths, unquote } from './util';
import type { Instruction, Word } from '../model/document';
import { baseName, nonFlagArgs, type ShellCommand } from '../model/shell';

/** File endings ADD recognises as (compressed) archives it can unpack. */
const ARCHIVE_ENDINGS = ['.tar', '.gz', '.tgz', '.xz', '.bz2', '.Z', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tlz', '.tpz', '.txz'];
const UNPACKERS = ['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat'];

export default defineRule({
  id: 'DL3010',
  severity: 'info',
  fixable: false,
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      // Archives copied in so far in this stage, by file name, with the COPY word that names them.
      const copied: { name: string; word: Word; ins: Instruction; extractedBy?: Instruction }[] = [];
      for (const ins of stage.instructions) {
        if (ins.keyword === 'COPY' && !ins.flags.some((f) => f.name.toLowerCase() === 'from')) {
          const { sources, dest } = copyPaths(model, ins);
          if (!dest) continue;
          if (isArchive(fileName(dest.value))) copied.push({ name: fileName(dest.value), word: dest, ins });
          else for (const s of sources) if (isArchive(fileName(s.value))) copied.push({ name: fileName(s.value), word: s, ins });
        } else if (ins.keyword === 'RUN' && copied.length) {
          for (const cmd of ins.shell?.commands ?? []) {
            if (!extracts(cmd)) continue;
            const names = new Set(nonFlagArgs(cmd).map((a) => fileName(a.text)));
            for (const a of copied) if (!a.extractedBy && names.has(a.name)) a.extractedBy = ins;
          }
        }
      }
      for (const a of copied) {
        if (!a.extractedBy) continue;
        ctx.report({
          range: a.word.range,
          message: `\`${a.name}\` is copied in and then unpacked by the RUN on line ${a.extractedBy.range.start.line + 1}; \`ADD\` unpacks a local tar archive in one step and keeps the archive itself out of the image.`,
          instruction: a.ins,
        });
      }
    }
  },
});

function fileName(path: string): string {
  const p = unquote(path);
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

function isArchive(name: string): boolean {
  return ARCHIVE_ENDINGS.some((e) => name.endsWith(e));
}

/**
 * `tar` that extracts (`-x…`, `--extract`, `--get`, or old-style `tar xzf …`), or one of the
 * unpacking tools (`unzip`, `gunzip`, `zcat`…).
 */
function extracts(cmd: ShellCommand): boolean {
  const name = baseName(cmd);
  if (UNPACKERS.includes(name)) return true;
  if (name !== 'tar') return false;
  const first = cmd.args[0]?.text ?? '';
  if (/^[A-Za-z]+$/.test(first) && first.includes('x')) return true;
  return cmd.args.some((a) => a.text === '--extract' || a.text === '--get' || /^-[A-Za-z]*x[A-Za-z]*$/.test(a.text));
}
