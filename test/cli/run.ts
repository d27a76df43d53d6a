/** Runs the CLI in-process with captured output, on the real file system unless a fake is given. */
import '../setup';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run, nodeFs, type CliFs } from '../../server/src/cli/main';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `dockerfile-explained` with `argv`; user-level config files are not read unless `userConfigPaths` says so. */
export function cli(argv: string[], opts: { cwd?: string; stdin?: string; color?: boolean; fs?: CliFs; userConfigPaths?: string[] } = {}): CliResult {
  let out = '';
  let err = '';
  const code = run(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readStdin: () => {
      if (opts.stdin === undefined) throw new Error('no stdin in this test');
      return opts.stdin;
    },
    cwd: opts.cwd ?? process.cwd(),
    color: opts.color ?? false,
    version: '9.9.9',
    fs: opts.fs ?? nodeFs,
    userConfigPaths: opts.userConfigPaths ?? [],
  });
  return { code, out, err };
}

/** A fresh temporary folder holding `files` (relative path → content). */
export function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dx-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}

export interface JsonItem {
  file: string;
  line: number;
  column: number;
  code: string;
  level: string;
  message: string;
}

export function json(r: CliResult): JsonItem[] {
  return JSON.parse(r.out) as JsonItem[];
}

/** `file:line code level` per finding: the compact view most tests compare. */
export function brief(r: CliResult): string[] {
  return json(r).map((i) => `${i.file}:${i.line} ${i.code} ${i.level}`);
}
