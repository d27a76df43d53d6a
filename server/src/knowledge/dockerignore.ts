/**
 * `.dockerignore` files as the builder reads them: one pattern a line, `#` comment lines, `!`
 * exceptions, patterns cleaned like paths and made relative to the context root; matching
 * like Go's `filepath.Match` (`*` and `?` stop at `/`, `[…]` classes, `\` escapes) plus `**`,
 * which crosses directories. The last pattern that matches a path decides, and a path is
 * excluded when it or one of its parent directories is.
 */

export interface IgnorePattern {
  /** The pattern as cleaned (`./tmp/` → `tmp`), without its `!`. */
  pattern: string;
  /** A `!` line: it puts back what earlier patterns excluded. */
  exclusion: boolean;
  regex: RegExp;
}

export interface DockerIgnore {
  patterns: IgnorePattern[];
  /** Whether some line is a `!` exception. */
  hasExclusions: boolean;
  /**
   * Why the builder would refuse the file (a lone `!`, a malformed `[…]`), if it would: the
   * patterns are then not to be trusted.
   */
  error?: string;
}

/** Reads the text of a `.dockerignore` file. Never throws. */
export function parseDockerignore(text: string): DockerIgnore {
  const out: DockerIgnore = { patterns: [], hasExclusions: false };
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const line of lines) {
    // Only a `#` in the first column starts a comment.
    if (line.startsWith('#')) continue;
    let p = line.trim();
    if (!p) continue;
    const exclusion = p[0] === '!';
    if (exclusion) p = p.slice(1).trim();
    if (!p) {
      out.error = 'a `!` line without a pattern';
      continue;
    }
    p = cleanPath(p);
    if (p.length > 1 && p[0] === '/') p = p.slice(1);
    const regex = compile(p);
    if (!regex) {
      out.error = `the pattern \`${p}\` is malformed`;
      continue;
    }
    if (exclusion) out.hasExclusions = true;
    out.patterns.push({ pattern: p, exclusion, regex });
  }
  return out;
}

/**
 * Whether a context path (slash-separated, relative to the context root) is excluded: the last
 * pattern that matches it or one of its parent directories decides.
 */
export function isIgnored(ignore: DockerIgnore, path: string): boolean {
  return ignoredBy(ignore, path) !== undefined;
}

/** The pattern that excludes a context path, or undefined when the path is part of the context. */
export function ignoredBy(ignore: DockerIgnore, path: string): IgnorePattern | undefined {
  const parent = dirName(path);
  const parentDirs = parent.split('/');
  let decisive: IgnorePattern | undefined;
  for (const p of ignore.patterns) {
    // An exception only matters once something matched; an exclusion only until then.
    if (p.exclusion !== (decisive !== undefined)) continue;
    let match = p.regex.test(path);
    if (!match && parent !== '.') {
      for (let i = 0; i < parentDirs.length && !match; i++) match = p.regex.test(parentDirs.slice(0, i + 1).join('/'));
    }
    if (match) decisive = p.exclusion ? undefined : p;
  }
  return decisive;
}

/**
 * A path cleaned the way Go's `filepath.Clean` cleans it: repeated slashes, `.` and inner `..`
 * removed, no trailing slash; `..` at the root stays at the root; empty → `.`.
 */
export function cleanPath(path: string): string {
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined || '.';
}

/** The directory part of a cleaned path (Go's `filepath.Dir`): `a/b` → `a`, `a` → `.`, `/a` → `/`. */
function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  return cleanPath(path.slice(0, slash));
}

/** One character matched as itself. */
function literal(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

/** A pattern as a RegExp anchored at both ends; undefined when the pattern is malformed. */
function compile(pattern: string): RegExp | undefined {
  let src = '^';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (inClass) {
      if (c === '\\' && i + 1 < pattern.length) src += literal(pattern[++i]);
      else {
        if (c === ']') inClass = false;
        src += c === '[' ? '\\[' : c;
      }
      continue;
    }
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` is `**`: it may also stand for no directory at all.
        if (pattern[i + 1] === '/') i++;
        src += i + 1 >= pattern.length ? '.*' : '(?:.*/)?';
      } else src += '[^/]*';
    } else if (c === '?') src += '[^/]';
    else if (c === '\\') src += i + 1 < pattern.length ? literal(pattern[++i]) : '\\\\';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) return undefined;
      inClass = true;
      src += '[';
      if (pattern[i + 1] === '^') {
        src += '^';
        i++;
      }
    } else src += literal(c);
  }
  if (inClass) return undefined;
  try {
    return new RegExp(src + '$');
  } catch {
    return undefined;
  }
}
