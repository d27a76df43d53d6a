/**
 * The flags of every Dockerfile instruction (Dockerfile syntax 1.x, as BuildKit's Dockerfile
 * frontend reads them), as data: how the builder reads each flag, what its value means, the
 * values it allows, whether it may repeat and since which syntax version it exists; the options
 * of `RUN --mount` per mount type; and small pure functions for the value forms the builder
 * checks itself (Go durations, booleans, octal and symbolic modes, sizes) and for the way it
 * cuts the leading `--flags` off an instruction's text.
 *
 * Flag names are written without their dashes (`chown`), as the builder compares them: case
 * matters, `--Chown` is not `--chown`. This table drives the syntax rules (DX2008 and after),
 * and later completion and hover; `server/docs/instructions/*.md` documents each flag under a
 * `## --name` heading (a test keeps both in step).
 */

/** Every instruction keyword the builder knows. */
export const INSTRUCTIONS = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
] as const;

export type Keyword = (typeof INSTRUCTIONS)[number];

/**
 * How the builder reads a flag:
 * - `bool`: `--link` alone means true; `--link=true` / `--link=false` (any case); nothing else.
 * - `string`: needs `=value` (an empty value is accepted); may appear once.
 * - `strings`: needs `=value`; may repeat, each occurrence adds a value.
 */
export type FlagKind = 'bool' | 'string' | 'strings';

/** What a flag's value means. */
export type FlagValue =
  | 'boolean'
  | 'duration'
  | 'integer'
  | 'enum'
  | 'mount'
  | 'device'
  | 'chmod'
  | 'chown'
  | 'source'
  | 'platform'
  | 'checksum'
  | 'pattern';

export interface FlagInfo {
  instruction: Keyword;
  /** Without dashes. */
  name: string;
  kind: FlagKind;
  value: FlagValue;
  /** The only values the builder accepts (compared exactly), for `enum` values. */
  values?: readonly string[];
  /** The first Dockerfile syntax version (`docker/dockerfile:<version>`) with the flag on the stable channel. */
  since: string;
  /** The first `-labs` version with it, when it reached the labs channel earlier. */
  labs?: string;
  /** Whether build arguments (`$VAR`) in the value are expanded; otherwise `$` is taken literally. */
  expands: boolean;
  /** One line: what the flag does. */
  summary: string;
}

const f = (
  instruction: Keyword,
  name: string,
  kind: FlagKind,
  value: FlagValue,
  since: string,
  expands: boolean,
  summary: string,
  extra: Partial<Pick<FlagInfo, 'values' | 'labs'>> = {},
): FlagInfo => ({ instruction, name, kind, value, since, expands, summary, ...extra });

/** Every flag of every instruction. Instructions missing here take no flags at all. */
export const FLAGS: readonly FlagInfo[] = [
  f('FROM', 'platform', 'string', 'platform', '1.0', true, 'Platform of the base image to pull, such as `linux/amd64` or `$BUILDPLATFORM`.'),

  f('RUN', 'mount', 'strings', 'mount', '1.2', true, 'Mounts a cache, build context or stage files, a secret, an SSH agent or a tmpfs for this step only.'),
  f('RUN', 'network', 'string', 'enum', '1.3', false, 'Network the step can use: `default`, `none` or `host`.', { values: ['default', 'none', 'host'] }),
  f('RUN', 'security', 'string', 'enum', '1.20', false, 'Runs the step in the build sandbox (`sandbox`) or with full privileges (`insecure`).', {
    values: ['sandbox', 'insecure'],
    labs: '1.1',
  }),
  f('RUN', 'device', 'strings', 'device', '1.27', false, 'Gives the step a CDI device such as `nvidia.com/gpu=all` (`,required` fails the build without it).', {
    labs: '1.14',
  }),

  f('COPY', 'from', 'string', 'source', '1.0', true, 'Copies from a build stage, an image or a named build context instead of the build context.'),
  f('COPY', 'chown', 'string', 'chown', '1.0', true, 'Owner and group of the copied files (`user[:group]`, names or IDs).'),
  f('COPY', 'chmod', 'string', 'chmod', '1.2', true, 'Permission bits of the copied files: octal (`755`), or symbolic (`u+x`) since 1.14.'),
  f('COPY', 'link', 'bool', 'boolean', '1.4', false, 'Puts the copied files in an independent layer that stays cached when earlier layers change.'),
  f('COPY', 'parents', 'bool', 'boolean', '1.20', false, 'Keeps the source paths\' parent directories under the destination.', { labs: '1.7' }),
  f('COPY', 'exclude', 'strings', 'pattern', '1.19', true, 'Leaves out files matching a pattern; repeatable.', { labs: '1.7' }),

  f('ADD', 'chown', 'string', 'chown', '1.0', true, 'Owner and group of the added files (`user[:group]`, names or IDs).'),
  f('ADD', 'chmod', 'string', 'chmod', '1.2', true, 'Permission bits of the added files: octal (`755`), or symbolic (`u+x`) since 1.14.'),
  f('ADD', 'link', 'bool', 'boolean', '1.4', false, 'Puts the added files in an independent layer that stays cached when earlier layers change.'),
  f('ADD', 'checksum', 'string', 'checksum', '1.6', true, 'Expected digest of a remote file (`sha256:…`) or commit of a Git source; the build fails on a mismatch.', {
    labs: '1.5',
  }),
  f('ADD', 'keep-git-dir', 'bool', 'boolean', '1.6', false, 'Keeps the `.git` directory of a Git source.', { labs: '1.5' }),
  f('ADD', 'unpack', 'bool', 'boolean', '1.17', false, 'Whether to extract a tar archive: `true` also extracts downloads, `false` keeps local archives as files.'),
  f('ADD', 'exclude', 'strings', 'pattern', '1.19', true, 'Leaves out files matching a pattern; repeatable.', { labs: '1.7' }),

  f('HEALTHCHECK', 'interval', 'string', 'duration', '1.0', false, 'Time between checks (default `30s`).'),
  f('HEALTHCHECK', 'timeout', 'string', 'duration', '1.0', false, 'Time a check may take before it counts as failed (default `30s`).'),
  f('HEALTHCHECK', 'start-period', 'string', 'duration', '1.0', false, 'Start-up time during which failures do not count (default `0s`).'),
  f('HEALTHCHECK', 'start-interval', 'string', 'duration', '1.6', false, 'Time between checks during the start period (default `5s`).'),
  f('HEALTHCHECK', 'retries', 'string', 'integer', '1.0', false, 'Failures in a row before the container is unhealthy (default `3`).'),
];

/** The flags an instruction accepts (none for most instructions). */
export function flagsOf(keyword: string): FlagInfo[] {
  const k = keyword.toUpperCase();
  return FLAGS.filter((x) => x.instruction === k);
}

/** The flag of an instruction by name (exact, case-sensitive, as the builder compares). */
export function flagInfo(keyword: string, name: string): FlagInfo | undefined {
  const k = keyword.toUpperCase();
  return FLAGS.find((x) => x.instruction === k && x.name === name);
}

/**
 * Whether the builder reads the flags of an instruction, given its arguments after the flags:
 * STOPSIGNAL never does, and `HEALTHCHECK NONE` ignores its options; all others check every flag.
 */
export function flagsChecked(keyword: string, args: string): boolean {
  const k = keyword.toUpperCase();
  if (k === 'STOPSIGNAL') return false;
  if (k === 'HEALTHCHECK') return (/^\S+/.exec(args.trim())?.[0] ?? '').toUpperCase() !== 'NONE';
  return true;
}

// ---------------------------------------------------------------------------------------
// RUN --mount

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';

export const MOUNT_TYPES: readonly { type: MountType; summary: string }[] = [
  { type: 'bind', summary: 'Files from the build context, a stage, an image or a named context, read-only by default (the default type).' },
  { type: 'cache', summary: 'A directory kept between builds for package-manager and compiler caches.' },
  { type: 'tmpfs', summary: 'An in-memory filesystem for scratch files.' },
  { type: 'secret', summary: 'A secret passed with `docker build --secret`, as a file or an environment variable.' },
  { type: 'ssh', summary: 'The SSH agent socket passed with `docker build --ssh`.' },
];

/** What a mount option's value is. */
export type MountValue = 'type' | 'path' | 'name' | 'source' | 'boolean' | 'octal' | 'uint' | 'size' | 'sharing' | 'env';

export interface MountOption {
  /** The option and its aliases (`target`, `dst`, `destination`); the builder compares them in lowercase. */
  names: readonly string[];
  value: MountValue;
  /** The mount types the option is documented for. */
  types: readonly MountType[];
  /** Types the builder rejects the option for (others merely ignore it). */
  rejectedFor: readonly MountType[];
  /** The option may be written without `=value` (`ro`, `required`). */
  bare?: boolean;
  summary: string;
}

const ALL_TYPES: readonly MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];

export const MOUNT_OPTIONS: readonly MountOption[] = [
  { names: ['type'], value: 'type', types: ALL_TYPES, rejectedFor: [], summary: 'Mount type: `bind` (default), `cache`, `tmpfs`, `secret` or `ssh`.' },
  { names: ['target', 'dst', 'destination'], value: 'path', types: ALL_TYPES, rejectedFor: [], summary: 'Where the mount appears in the step.' },
  { names: ['source', 'src'], value: 'path', types: ['bind', 'cache', 'secret'], rejectedFor: [], summary: 'Path inside `from` (bind, cache), or the secret\'s ID.' },
  { names: ['from'], value: 'source', types: ['bind', 'cache'], rejectedFor: ['secret'], summary: 'Stage, image or named context to mount from (no variables).' },
  { names: ['readonly', 'ro'], value: 'boolean', types: ['bind', 'cache'], rejectedFor: [], bare: true, summary: 'Read-only mount.' },
  { names: ['readwrite', 'rw'], value: 'boolean', types: ['bind'], rejectedFor: [], bare: true, summary: 'Writable bind mount; writes are thrown away after the step.' },
  { names: ['id'], value: 'name', types: ['cache', 'secret', 'ssh'], rejectedFor: [], summary: 'Cache name, secret ID or SSH agent ID.' },
  { names: ['sharing'], value: 'sharing', types: ['cache'], rejectedFor: ['bind', 'tmpfs', 'secret', 'ssh'], summary: 'How concurrent builds share a cache: `shared`, `private` or `locked`.' },
  { names: ['mode'], value: 'octal', types: ['cache', 'secret', 'ssh'], rejectedFor: ['bind', 'tmpfs'], summary: 'Octal file mode of the cache directory, secret file or socket.' },
  { names: ['uid'], value: 'uint', types: ['cache', 'secret', 'ssh'], rejectedFor: ['bind', 'tmpfs'], summary: 'Numeric owner.' },
  { names: ['gid'], value: 'uint', types: ['cache', 'secret', 'ssh'], rejectedFor: ['bind', 'tmpfs'], summary: 'Numeric group.' },
  { names: ['size'], value: 'size', types: ['tmpfs'], rejectedFor: ['bind', 'cache', 'secret', 'ssh'], summary: 'Size limit of the tmpfs, such as `64m`.' },
  { names: ['required'], value: 'boolean', types: ['secret', 'ssh'], rejectedFor: ['bind', 'cache', 'tmpfs'], bare: true, summary: 'Fail the step when the secret or SSH agent is missing.' },
  { names: ['env'], value: 'env', types: ['secret'], rejectedFor: [], summary: 'Expose the secret as this environment variable instead of a file.' },
];

/** Every option name the builder accepts in `--mount` (lowercase). */
export const MOUNT_OPTION_NAMES: readonly string[] = MOUNT_OPTIONS.flatMap((o) => o.names);

export function mountOption(name: string): MountOption | undefined {
  const n = name.toLowerCase();
  return MOUNT_OPTIONS.find((o) => o.names.includes(n));
}

/** The options documented for a mount type, by their first name. */
export function mountOptionsOf(type: MountType): string[] {
  return MOUNT_OPTIONS.filter((o) => o.types.includes(type)).map((o) => o.names[0]);
}

export const MOUNT_SHARING = ['shared', 'private', 'locked'] as const;

// ---------------------------------------------------------------------------------------
// Values the builder parses itself

/** Go's `strconv.ParseBool`: the words the builder takes as booleans in `--mount` and `--device` options. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** A boolean flag's value (`--link=TRUE`): `true` or `false` in any case. */
export function parseFlagBool(s: string): boolean | undefined {
  const l = s.toLowerCase();
  return l === 'true' ? true : l === 'false' ? false : undefined;
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5
  'μs': 1e3, // U+03BC
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

export type Duration = { ok: true; ns: number } | { ok: false; problem: 'missing-unit' | 'unknown-unit' | 'invalid'; unit?: string };

/**
 * Go's `time.ParseDuration`: a sign, then one or more `<number><unit>` parts (`1h30m`, `1.5s`),
 * units ns, us (µs), ms, s, m, h; a bare `0` is allowed.
 */
export function parseGoDuration(s: string): Duration {
  let i = 0;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    i++;
  }
  if (s.slice(i) === '0') return { ok: true, ns: 0 };
  if (i >= s.length) return { ok: false, problem: 'invalid' };
  let total = 0;
  while (i < s.length) {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s.slice(i))!;
    if (!num[1] && !num[2]) return { ok: false, problem: 'invalid' };
    i += num[0].length;
    const unit = /^[^\d.]*/.exec(s.slice(i))![0];
    if (!unit) return { ok: false, problem: 'missing-unit' };
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) return { ok: false, problem: 'unknown-unit', unit };
    i += unit.length;
    total += Number(`${num[1] || '0'}.${num[2] || '0'}`) * scale;
  }
  return { ok: true, ns: neg ? -total : total };
}

/** Go's `strconv.ParseUint(s, base, 32)` without sign or prefix: the digits of the base only. */
export function parseUint32(s: string, base: 8 | 10): number | undefined {
  if (!(base === 8 ? /^[0-7]+$/ : /^\d+$/).test(s)) return undefined;
  const n = parseInt(s, base);
  return n <= 0xffffffff ? n : undefined;
}

/** `--chmod`'s symbolic form (Dockerfile syntax 1.14+): `u+x`, `go-w`, `a=rX`, `u=rwx,go=rx`. */
export function isSymbolicMode(s: string): boolean {
  return s.split(',').every((clause) => /^[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+$/.test(clause));
}

/** Why a `--chmod` value is not a mode the builder accepts, or undefined when it is. */
export function chmodProblem(s: string): string | undefined {
  if (/^\d+$/.test(s)) {
    const n = parseUint32(s, 8);
    if (n === undefined) return 'is not an octal number (only the digits 0 to 7)';
    if (n > 0o7777) return 'is larger than 7777';
    return undefined;
  }
  if (isSymbolicMode(s)) return undefined;
  return 'is neither an octal mode (`755`) nor a symbolic one (`u+x`, `a=rX`)';
}

/** A size as Docker reads it (`64m`, `1.5g`, `512mib`, `1024`): units k, m, g, t, p, optional `i` and `b`. */
export function isRamSize(s: string): boolean {
  return /^\d+(?:\.\d+)* ?[kKmMgGtTpP]?[iI]?[bB]?$/.test(s);
}

// ---------------------------------------------------------------------------------------
// Cutting the flags off an instruction

/** One `--flag[=value]` word as the builder reads it, with positions in the text it was read from. */
export interface RawFlag {
  /** The flag name without dashes. */
  name: string;
  /** The value with quotes and backslash escapes removed; null when there is no `=`. */
  value: string | null;
  /** Index of the first `-` and the end of the word. */
  start: number;
  end: number;
  /** End of the name (the `=` or the end of the word). */
  nameEnd: number;
  /** Index in the source text of each character of `value` (and one past the last). */
  valueMap: number[];
}

/**
 * Splits the leading `--flag` words off an instruction's arguments (the text after the keyword,
 * continuations already joined) the way the builder does: words start at `--`; quotes group
 * and are removed; a backslash escapes the next character; a bare `--` ends the flags.
 * Returns the flags and the index where the arguments start.
 */
export function splitBuilderFlags(line: string): { flags: RawFlag[]; rest: number } {
  const flags: RawFlag[] = [];
  let pos = 0;
  const n = line.length;
  for (;;) {
    while (pos < n && /\s/.test(line[pos])) pos++;
    if (pos >= n || line[pos] !== '-' || line[pos + 1] !== '-') return { flags, rest: pos };
    const start = pos;
    let word = '';
    const map: number[] = [];
    let quote = '';
    while (pos < n) {
      const c = line[pos];
      if (quote) {
        if (c === quote) {
          quote = '';
          pos++;
          continue;
        }
        if (c === '\\' && pos + 1 < n) pos++;
        word += line[pos];
        map.push(pos);
        pos++;
        continue;
      }
      if (/\s/.test(c)) break;
      if (c === '"' || c === "'") {
        quote = c;
        pos++;
        continue;
      }
      if (c === '\\') {
        if (pos + 1 >= n) {
          pos++;
          continue;
        }
        pos++;
      }
      word += line[pos];
      map.push(pos);
      pos++;
    }
    map.push(pos);
    if (word === '--') {
      while (pos < n && /\s/.test(line[pos])) pos++;
      return { flags, rest: pos };
    }
    const eq = word.indexOf('=');
    flags.push({
      name: word.slice(2, eq < 0 ? undefined : eq),
      value: eq < 0 ? null : word.slice(eq + 1),
      start,
      end: pos,
      nameEnd: eq < 0 ? pos : map[eq],
      valueMap: eq < 0 ? [] : map.slice(eq + 1),
    });
  }
}

// ---------------------------------------------------------------------------------------
// Words as the builder splits and expands them

/**
 * The words of an instruction's arguments as the builder splits ENV, LABEL and ARG: at blanks
 * outside quotes; quotes and escapes stay in the word (`a="x y"` is one word). Indexes into `line`.
 */
export function splitWords(line: string, escape: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && /\s/.test(line[i])) i++;
    if (i >= n) break;
    const start = i;
    let quote = '';
    while (i < n) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === escape && quote !== "'" && i + 1 < n) i++;
        i++;
        continue;
      }
      if (/\s/.test(c)) break;
      if (c === '"' || c === "'") quote = c;
      else if (c === escape && i + 1 < n) i++;
      i++;
    }
    out.push({ start, end: Math.min(i, n) });
  }
  return out;
}

/** A word the builder cannot expand: a quote left open, or a `${…}` it does not understand. */
export interface ExpansionProblem {
  kind: 'quote' | 'substitution';
  /** Indexes into the word. */
  start: number;
  end: number;
  /** What is wrong, in a few words (`no closing \`}\``, `\`:=\` is not supported`). */
  detail: string;
  /** For an unsupported modifier: the modifier as written (`:=`, `^^`). */
  modifier?: string;
}

const SPECIAL_PARAMS = '@*#?-$!0';

/**
 * Scans one word the way the builder's variable expansion reads it (ENV and LABEL values, COPY
 * and ADD paths, WORKDIR, USER, EXPOSE…): quotes must close, and `${…}` may only use `${v}`,
 * `${v:-w}`, `${v-w}`, `${v:+w}`, `${v+w}`, `${v:?w}`, `${v?w}`, `${v#p}`, `${v##p}`, `${v%p}`,
 * `${v%%p}`, `${v/p/r}` and `${v//p/r}`. Returns the first problem, as the builder stops there.
 */
export function expansionProblem(word: string, escape: string): ExpansionProblem | undefined {
  const n = word.length;
  let problem: ExpansionProblem | undefined;

  /** Reads up to `stop` (or the end) from i; returns the index after `stop`, or -1 at the end without it. */
  function stopOn(i: number, stop: string | null): number {
    while (i < n) {
      const c = word[i];
      if (stop !== null && c === stop) return i + 1;
      if (c === '$') i = dollar(i);
      else if (c === "'") i = single(i);
      else if (c === '"') i = double(i);
      else if (c === escape) i += 2;
      else i++;
      if (problem) return -1;
    }
    return stop === null ? n : -1;
  }

  function single(i: number): number {
    const close = word.indexOf("'", i + 1);
    if (close < 0) {
      problem = { kind: 'quote', start: i, end: n, detail: 'the single quote is never closed' };
      return n;
    }
    return close + 1;
  }

  function double(i: number): number {
    let j = i + 1;
    while (j < n) {
      const c = word[j];
      if (c === '"') return j + 1;
      if (c === '$') {
        j = dollar(j);
        if (problem) return n;
        continue;
      }
      if (c === escape && (word[j + 1] === '"' || word[j + 1] === '$' || word[j + 1] === escape)) j += 2;
      else j++;
    }
    problem = { kind: 'quote', start: i, end: n, detail: 'the double quote is never closed' };
    return n;
  }

  function name(i: number): number {
    if (i >= n) return i;
    if (/\d/.test(word[i])) {
      while (i < n && /\d/.test(word[i])) i++;
      return i;
    }
    if (SPECIAL_PARAMS.includes(word[i])) return i + 1;
    while (i < n && /[\p{L}\p{N}_]/u.test(word[i])) i++;
    return i;
  }

  function dollar(i: number): number {
    if (word[i + 1] !== '{') return name(i + 1);
    if (++depth > MAX_EXPANSION_DEPTH) throw TOO_DEEP;
    try {
      return braced(i);
    } finally {
      depth--;
    }
  }

  function braced(i: number): number {
    const open = i;
    let j = i + 2;
    const fail = (detail: string, end: number, modifier?: string): number => {
      problem = { kind: 'substitution', start: open, end: Math.max(end, open + 2), detail, modifier };
      return n;
    };
    if (j >= n) return fail('no closing `}`', n);
    if ('{}:'.includes(word[j])) {
      const close = word.indexOf('}', j);
      return fail('no variable name', close < 0 ? n : close + 1);
    }
    const nameEnd = name(j);
    const varName = word.slice(j, nameEnd);
    j = nameEnd;
    if (j >= n) return fail('no closing `}`', n);
    const ch = word[j];
    if (ch === '}') return j + 1;
    if (ch === '/') {
      j++;
      if (word[j] === '/') j++;
      const afterPattern = stopOn(j, '/');
      if (problem) return n;
      if (afterPattern < 0) return fail('no `/` after the pattern', n);
      const end = stopOn(afterPattern, '}');
      if (problem) return n;
      if (end < 0) return fail('no closing `}`', n);
      return end;
    }
    let modifier = ch;
    let known = '+-?#%'.includes(ch);
    if (ch === ':') {
      modifier = ':' + (word[j + 1] ?? '');
      known = j + 1 < n && '+-?#%'.includes(word[j + 1]);
      j++;
    }
    const end = stopOn(j + 1, '}');
    if (problem) return n;
    if (end < 0) return fail('no closing `}`', n);
    if (!known) {
      const detail =
        varName === '#' && /^[\p{L}_]/u.test(ch)
          ? 'the length form `${#name}` is not supported'
          : `the \`${modifier}\` modifier is not supported`;
      return fail(detail, end, varName === '#' ? '#' : modifier);
    }
    return end;
  }

  let depth = 0;
  try {
    stopOn(0, null);
  } catch (e) {
    // Nesting deeper than any real file (`${a:-${a:-…` 25,000 times overflowed the stack): no verdict.
    if (e === TOO_DEEP) return undefined;
    throw e;
  }
  return problem;
}

/** `${…}` nesting past which expansionProblem gives no verdict. */
const MAX_EXPANSION_DEPTH = 200;
const TOO_DEEP = new Error('expansion nested too deep');

// ---------------------------------------------------------------------------------------
// Did you mean…

/** Edit distance with adjacent transpositions (`chwon` → `chown` is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The option closest to `word` (compared in lowercase), if it is within `max` edits (2 by
 * default, 1 for words of three letters or fewer) — the builder's own suggestions use the
 * same bound. Ties go to the earlier option.
 */
export function closest(word: string, options: readonly string[], max = word.length <= 3 ? 1 : 2): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = max + 1;
  for (const o of options) {
    const d = editDistance(w, o.toLowerCase());
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Exec form (JSON arrays)

/** One element of a bracketed list as written: a quoted string (possibly unclosed) or a bare token. */
export interface ExecItem {
  start: number;
  end: number;
  quote?: '"' | "'";
  closed?: boolean;
}

export interface ExecScan {
  items: ExecItem[];
  /** Index of the closing `]`, or -1 when the list never closes. */
  close: number;
  /** Index of a comma right before `]`. */
  trailingComma?: number;
  /**
   * Whether the text reads as an attempt at the exec form: `[`, then quoted strings separated by
   * commas (single quotes, bare words or a missing `]` allowed), and nothing after `]`. Shell tests
   * such as `[ "$A" = x ]` or `[ -f /x ]` are not.
   */
  jsonLike: boolean;
}

/** Scans text that starts with `[` leniently, item by item. */
export function scanExecForm(text: string): ExecScan {
  const items: ExecItem[] = [];
  const out = (jsonLike: boolean, close = -1, trailingComma?: number): ExecScan => ({ items, close, trailingComma, jsonLike });
  if (text[0] !== '[') return out(false);
  let i = 1;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  let lastComma: number | undefined;
  for (;;) {
    ws();
    if (i >= text.length) return out(items.length > 0 && items[0].quote !== undefined);
    if (text[i] === ']') {
      const close = i;
      i++;
      ws();
      const first = items[0];
      return out(i >= text.length && (!first || first.quote !== undefined), close, lastComma !== undefined && lastComma >= (items[items.length - 1]?.end ?? 0) ? lastComma : undefined);
    }
    const start = i;
    const q = text[i];
    if (q === '"' || q === "'") {
      i++;
      while (i < text.length && text[i] !== q) i += text[i] === '\\' ? 2 : 1;
      const closed = i < text.length;
      i = Math.min(i + 1, text.length);
      items.push({ start, end: i, quote: q, closed });
      if (!closed) return out(items[0].quote !== undefined);
    } else {
      // A bare token, or a nested array/object: up to the `,` or `]` at this level.
      let depth = 0;
      while (i < text.length) {
        const c = text[i];
        if (c === '"') {
          i++;
          while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
        } else if (c === '[' || c === '{') depth++;
        else if (c === ']' || c === '}') {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && (c === ',' || /\s/.test(c))) break;
        i++;
      }
      i = Math.min(i, text.length);
      items.push({ start, end: i });
    }
    ws();
    if (text[i] === ',') {
      lastComma = i;
      i++;
      continue;
    }
    if (text[i] === ']' || i >= text.length) continue;
    return out(false);
  }
}

/** The strings of text that is a JSON array of strings (as the builder requires), else undefined. */
export function execFormStrings(text: string): string[] | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** A text edit by indexes into the scanned text. */
export interface IndexEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Edits that turn an attempted exec form into valid JSON, touching only the characters at
 * fault: single quotes become double quotes (inner `"` escaped), backslashes that JSON does not
 * accept are doubled (`C:\app` → `C:\\app`), a comma before `]` goes. Undefined when that is not
 * enough (a string or the list left open, bare words). `safe` is true when only quotes changed.
 */
export function execFormRepair(text: string): { edits: IndexEdit[]; safe: boolean; kinds: Set<'quotes' | 'backslashes' | 'comma'> } | undefined {
  const scan = scanExecForm(text);
  if (!scan.jsonLike || scan.close < 0 || scan.items.some((it) => !it.quote || !it.closed)) return undefined;
  const edits: IndexEdit[] = [];
  const kinds = new Set<'quotes' | 'backslashes' | 'comma'>();
  for (const it of scan.items) {
    if (it.quote === "'") {
      kinds.add('quotes');
      edits.push({ start: it.start, end: it.start + 1, newText: '"' });
      edits.push({ start: it.end - 1, end: it.end, newText: '"' });
    }
    // A string with an escape JSON does not know (`C:\app`) is a Windows path: double every lone
    // backslash in it, or `\r`, `\n`, `\t` would silently become control characters.
    const body = text.slice(it.start + 1, it.end - 1);
    const invalid = /\\(?!["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(body.replace(/\\\\/g, '').replace(it.quote === "'" ? /\\'/g : /$^/, ''));
    for (let i = it.start + 1; i < it.end - 1; i++) {
      const c = text[i];
      if (c === '\\') {
        const next = text[i + 1];
        if (it.quote === "'" && next === "'") {
          edits.push({ start: i, end: i + 1, newText: '' });
        } else if (invalid && next !== '"' && next !== '\\') {
          kinds.add('backslashes');
          edits.push({ start: i, end: i, newText: '\\' });
          continue;
        }
        i++;
      } else if (c === '"' && it.quote === "'") {
        edits.push({ start: i, end: i, newText: '\\' });
      }
    }
  }
  if (scan.trailingComma !== undefined) {
    kinds.add('comma');
    edits.push({ start: scan.trailingComma, end: scan.trailingComma + 1, newText: '' });
  }
  let fixedText = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    fixedText += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  fixedText += text.slice(at);
  if (!edits.length || !execFormStrings(fixedText)) return undefined;
  return { edits, safe: kinds.size === 1 && kinds.has('quotes'), kinds };
}

// ---------------------------------------------------------------------------------------
// Pinned Dockerfile syntax versions

/** A `# syntax=` directive that pins a Dockerfile frontend version: `docker/dockerfile:1.4`, `…:1.7-labs`. */
export interface SyntaxPin {
  major: number;
  minor: number;
  labs: boolean;
  /** The version as written (`1.4.3`, `1.7-labs`). */
  tag: string;
}

/**
 * The frontend version a `syntax` directive pins, when it names Docker's Dockerfile frontend
 * (`docker/dockerfile` or `docker/dockerfile-upstream`, on Docker Hub) with at least a minor
 * version. Undefined for floating tags (`1`, `latest`, `labs`, `master`), other images, and the
 * retired `experimental` channel.
 */
export function syntaxPin(value: string): SyntaxPin | undefined {
  const m = /^(?:(?:docker\.io|index\.docker\.io)\/)?docker\/dockerfile(?:-upstream)?:(\d+)\.(\d+)(?:\.\d+)?(?:-rc\d*)?(-labs)?(?:@sha256:[0-9a-f]+)?$/i.exec(value.trim().split(/\s/)[0]);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), labs: !!m[3], tag: value.trim().split(/\s/)[0].split(':')[1].split('@')[0] };
}

/** Whether version `a` (`1.20`) is at least `b`. */
export function versionAtLeast(major: number, minor: number, b: string): boolean {
  const [bm, bn] = b.split('.').map(Number);
  return major > bm || (major === bm && minor >= bn);
}

/** Whether a frontend pinned at `pin` has a feature stable `since` a version (and in labs since `labs`). */
export function pinHas(pin: SyntaxPin, since: string, labs?: string): boolean {
  if (pin.major !== 1) return true; // a future major: assume it has everything
  if (versionAtLeast(pin.major, pin.minor, since)) return true;
  return pin.labs && labs !== undefined && versionAtLeast(pin.major, pin.minor, labs);
}

/**
 * Syntax features tied to a frontend version, besides flags: heredocs (1.4; 1.3-labs) and a
 * symbolic `--chmod` (1.14; its first labs version is not pinned down, so any labs pin passes).
 */
export const FEATURE_SINCE = {
  heredoc: { since: '1.4', labs: '1.3' },
  symbolicChmod: { since: '1.14', labs: '1.0' },
} as const;
