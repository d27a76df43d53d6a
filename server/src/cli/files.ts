/**
 * Turning command-line arguments into the Dockerfiles to lint: a file is itself, a
 * directory is walked for files named like Dockerfiles, a glob is expanded here (shells on
 * Windows do not expand them). All file system access goes through `CliFs`, so tests can
 * run the CLI against a real temporary tree or a fake one.
 */
import * as nodeFsModule from 'node:fs';
import { dirname, join, posix, resolve, relative, isAbsolute, sep } from 'node:path';

export type EntryKind = 'file' | 'directory' | 'other';

export interface DirEntry {
  name: string;
  /** What the entry is (a symbolic link reports its target's kind). */
  kind: EntryKind;
  symlink: boolean;
}

/** The file system operations the CLI needs. Errors are thrown as Node's `ErrnoException`s. */
export interface CliFs {
  stat(path: string): { kind: EntryKind; size: number };
  readdir(path: string): DirEntry[];
  readFile(path: string): string;
  /** Replaces a file's text (`lint --fix`). */
  writeFile(path: string, text: string): void;
}

function kindOf(st: { isFile(): boolean; isDirectory(): boolean }): EntryKind {
  return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
}

/** The real file system. */
export const nodeFs: CliFs = {
  stat(path) {
    const st = nodeFsModule.statSync(path);
    return { kind: kindOf(st), size: st.size };
  },
  readdir(path) {
    return nodeFsModule.readdirSync(path, { withFileTypes: true }).map((d) => {
      if (!d.isSymbolicLink()) return { name: d.name, kind: kindOf(d), symlink: false };
      try {
        return { name: d.name, kind: kindOf(nodeFsModule.statSync(`${path}${sep}${d.name}`)), symlink: true };
      } catch {
        return { name: d.name, kind: 'other' as const, symlink: true };
      }
    });
  },
  readFile(path) {
    return nodeFsModule.readFileSync(path, 'utf8');
  },
  writeFile(path, text) {
    nodeFsModule.writeFileSync(path, text, 'utf8');
  },
};

/** Folders a directory walk never enters. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Whether a file name is one Docker tools treat as a Dockerfile: `Dockerfile`,
 * `Dockerfile.*`, `*.dockerfile` and the same for `Containerfile`, in any case.
 * BuildKit's per-Dockerfile ignore files (`Dockerfile.dockerignore`) are not Dockerfiles.
 */
export function isDockerfileName(name: string): boolean {
  const n = name.toLowerCase();
  if (n.endsWith('.dockerignore')) return false;
  for (const base of ['dockerfile', 'containerfile']) {
    if (n === base || (n.startsWith(base + '.') && n.length > base.length + 1) || (n.endsWith('.' + base) && n.length > base.length + 1)) return true;
  }
  return false;
}

const GLOB_CHARS = /[*?[{]/;

export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/**
 * A glob as a regular expression over `/`-separated relative paths. `*` and `?` stay within
 * one path segment, `**` as a whole segment matches any number of segments, `[…]` is a
 * character class (`[!…]` negates), `{a,b}` is an alternation. Wildcards do not match a
 * leading dot, as in shells.
 */
export function globToRegExp(glob: string): RegExp {
  const segments = glob.split('/');
  let re = '^';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      // Zero or more whole segments, none of them hidden.
      re += last ? '(?:[^/.][^/]*(?:/[^/.][^/]*)*)?' : '(?:[^/.][^/]*/)*';
      return;
    }
    re += segmentToRegExp(segment) + (last ? '' : '/');
  });
  return new RegExp(re + '$');
}

function segmentToRegExp(segment: string): string {
  // A name starting with a dot is matched only by a pattern that starts with one.
  let out = /^[*?[]/.test(segment) ? '(?!\\.)' : '';
  let braces = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') {
      while (segment[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, (m) => '\\' + m)}]`;
      i = close;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^$()|\\\]}]/g, (m) => '\\' + m);
    }
  }
  return out + ')'.repeat(braces);
}

export interface InputFile {
  /** The name reports use: the argument as given, or the argument joined with the path found under it. */
  name: string;
  /** Absolute path; undefined for standard input. */
  path?: string;
}

export interface Expansion {
  files: InputFile[];
  /** Messages for arguments that matched nothing or could not be read (each makes the exit status 2). */
  errors: string[];
}

/**
 * Expands the arguments in order; each directory or glob contributes its matches sorted by
 * path. A file reached twice is linted once.
 */
export function expandInputs(args: string[], cwd: string, fs: CliFs): Expansion {
  const files: InputFile[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (f: InputFile) => {
    const key = f.path ?? '-';
    if (seen.has(key)) return;
    seen.add(key);
    files.push(f);
  };
  for (const arg of args) {
    if (arg === '-') {
      add({ name: '-' });
      continue;
    }
    const path = resolve(cwd, arg);
    let kind: EntryKind | undefined;
    try {
      kind = fs.stat(path).kind;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        errors.push(`${arg}: cannot be read (${(e as Error).message})`);
        continue;
      }
    }
    if (kind === 'directory') {
      const found = walk(path, fs, errors).filter((rel) => isDockerfileName(posix.basename(rel)));
      if (!found.length) errors.push(`${arg}: no Dockerfile found in this directory (looked for Dockerfile, Dockerfile.*, *.dockerfile, Containerfile, Containerfile.*, *.containerfile)`);
      for (const rel of found) add({ name: joinName(arg, rel), path: resolve(path, rel) });
    } else if (kind !== undefined) {
      add({ name: arg, path });
    } else if (isGlob(arg)) {
      const found = expandGlob(arg, cwd, fs, errors);
      if (!found.length) errors.push(`${arg}: no file matches this pattern`);
      for (const f of found) add(f);
    } else {
      errors.push(`${arg}: no such file`);
    }
  }
  return { files, errors };
}

/** `dir` + `a/Dockerfile` → `dir/a/Dockerfile`, and `.` + `Dockerfile` → `Dockerfile`. */
function joinName(arg: string, rel: string): string {
  const base = arg.split(sep).join('/');
  return posix.normalize(`${base}/${rel}`);
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Files under `dir` as sorted `/`-separated relative paths; skips node_modules, .git and linked folders. */
function walk(dir: string, fs: CliFs, errors: string[], prefix = ''): string[] {
  let entries: DirEntry[];
  try {
    entries = fs.readdir(dir);
  } catch (e) {
    errors.push(`${prefix || '.'}: cannot list directory (${(e as Error).message})`);
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => byPath(a.name, b.name))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.kind === 'file') out.push(rel);
    else if (e.kind === 'directory' && !e.symlink && !SKIPPED_DIRS.has(e.name)) out.push(...walk(`${dir}${sep}${e.name}`, fs, errors, rel));
  }
  return out.sort(byPath);
}

/** The files a glob matches (never folders), sorted; `*.dockerignore` files are left out. */
function expandGlob(arg: string, cwd: string, fs: CliFs, errors: string[]): InputFile[] {
  // On Windows a backslash separates folders; elsewhere it stays a literal character.
  const pattern = sep === '\\' ? arg.replace(/\\/g, '/') : arg;
  const absolute = isAbsolute(pattern) || /^[A-Za-z]:\//.test(pattern);
  const segments = pattern.split('/');
  // The folders before the first segment with a wildcard are where the walk starts.
  let staticCount = 0;
  while (staticCount < segments.length - 1 && !isGlob(segments[staticCount])) staticCount++;
  const baseSegments = segments.slice(0, staticCount);
  const baseName = baseSegments.join('/');
  const baseDir = absolute ? resolve(baseName || '/') : resolve(cwd, baseName || '.');
  const matcher = globToRegExp(segments.slice(staticCount).join('/'));
  try {
    if (fs.stat(baseDir).kind !== 'directory') return [];
  } catch {
    return [];
  }
  // BuildKit's per-Dockerfile ignore files match `Dockerfile*` but are not Dockerfiles.
  return walk(baseDir, fs, errors)
    .filter((rel) => matcher.test(rel) && !rel.toLowerCase().endsWith('.dockerignore'))
    .map((rel) => ({ name: baseName ? posix.normalize(`${baseName}/${rel}`) : rel, path: resolve(baseDir, rel) }));
}

/** A path relative to `cwd` with `/` separators, or undefined when the file is outside `cwd`. */
export function relativeToCwd(path: string, cwd: string): string | undefined {
  const rel = relative(cwd, path);
  if (!rel || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

const MAX_IGNORE_BYTES = 1024 * 1024;

/**
 * The ignore file BuildKit would use if the Dockerfile's folder is the build context:
 * `<Dockerfile>.dockerignore` beside it, else `.dockerignore` there. Undefined when there is
 * none. One that is there but cannot be used (too large, not a file, unreadable) is told to
 * `onProblem` and passed over, as if it were not there.
 */
export function readDockerignore(dockerfile: string, fs: CliFs, onProblem?: (path: string, why: string) => void): string | undefined {
  for (const p of [`${dockerfile}.dockerignore`, join(dirname(dockerfile), '.dockerignore')]) {
    let st: { kind: EntryKind; size: number };
    try {
      st = fs.stat(p);
    } catch {
      continue; // Not there: try the next one.
    }
    const why = st.kind !== 'file' ? 'not a file' : st.size > MAX_IGNORE_BYTES ? 'larger than 1 MB' : undefined;
    if (why) {
      onProblem?.(p, why);
      continue;
    }
    try {
      return fs.readFile(p);
    } catch (e) {
      onProblem?.(p, `cannot be read (${(e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? e})`);
    }
  }
  return undefined;
}
