/**
 * What we know about the language package managers a Dockerfile calls: pip (`pip`, `pip3`,
 * `pip3.12`, `python -m pip`), npm, yarn, pnpm, gem, `go install` / `go get` / `go run` and
 * `cargo install`. Plain data plus small pure functions over the shell model, shared by the
 * pinning and cache rules (DL3013, DL3016, DL3028, DL3060, DL3062, DL3042) and by hover.
 *
 * Flags are named without their dashes: `index-url`, `i`. A one-letter name is a short flag.
 */
import type { ShellCommand, Word } from '../model/shell';
import { baseName } from '../model/shell';

export type LangTool = 'pip' | 'npm' | 'yarn' | 'pnpm' | 'gem' | 'go' | 'cargo';

export interface LangToolSpec {
  name: LangTool;
  /** Subcommands that install the packages named after them (`npm i`, `gem i`…). */
  install: readonly string[];
  /**
   * Flags whose value is the next word when written apart (`-i https://…`, `--target dir`):
   * that word is not a package.
   */
  valueFlags: readonly string[];
  /**
   * Flags that settle the versions of the whole command, so no package word needs its own pin:
   * pip's requirement and constraint files, gem's `-v`, cargo's `--version`.
   */
  pinsAll: readonly string[];
  /** Flags that keep the tool's download cache out of the layer (pip `--no-cache-dir`). */
  noCache: readonly string[];
  /** Commands (the words after the tool's name) that empty its download cache. */
  cleanCache: readonly (readonly string[])[];
  /** Where the tool keeps downloads by default (for cache mounts). */
  cacheDirs: readonly string[];
  /** `go`: flags are single-dash words (`-ldflags`), never clusters of letters. */
  goFlags?: boolean;
  /** Words after a bare `--` are not packages (gem passes them to the extension build). */
  stopAtDashDash?: boolean;
  /** How a pinned package is written, for messages. */
  pinExample: (pkg: string) => string;
}

const NPM_STYLE_EXAMPLE = (pkg: string) => `${pkg}@<version>`;

export const LANG_TOOLS: Readonly<Record<LangTool, LangToolSpec>> = {
  pip: {
    name: 'pip',
    install: ['install'],
    valueFlags: [
      'r', 'requirement', 'c', 'constraint', 'e', 'editable', 'i', 'index-url', 'extra-index-url', 'f', 'find-links',
      't', 'target', 'prefix', 'root', 'src', 'platform', 'python-version', 'implementation', 'abi', 'progress-bar',
      'proxy', 'trusted-host', 'upgrade-strategy', 'no-binary', 'only-binary', 'b', 'build', 'cert', 'client-cert',
      'cache-dir', 'log', 'log-file', 'timeout', 'retries', 'exists-action', 'global-option', 'install-option', 'C',
      'config-settings', 'report', 'keyring-provider', 'python', 'use-feature', 'use-deprecated', 'root-user-action',
      'group',
    ],
    pinsAll: ['r', 'requirement', 'c', 'constraint'],
    noCache: ['no-cache-dir'],
    cleanCache: [['cache', 'purge']],
    cacheDirs: ['.cache/pip'],
    pinExample: (pkg) => `${pkg}==<version>`,
  },
  npm: {
    name: 'npm',
    // npm's own aliases of `install`.
    install: ['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add'],
    valueFlags: [
      'loglevel', 'registry', 'prefix', 'C', 'cache', 'userconfig', 'globalconfig', 'tag', 'omit', 'include',
      'install-strategy', 'w', 'workspace', 'before', 'otp', 'scope', 'save-prefix', 'location', 'fetch-retries',
      'fetch-timeout', 'script-shell', 'install-links', 'cpu', 'os', 'libc',
    ],
    pinsAll: [],
    noCache: [],
    cleanCache: [['cache', 'clean']],
    cacheDirs: ['.npm'],
    pinExample: NPM_STYLE_EXAMPLE,
  },
  yarn: {
    name: 'yarn',
    install: ['add'],
    valueFlags: [
      'cache-folder', 'modules-folder', 'registry', 'network-timeout', 'mutex', 'cwd', 'global-folder', 'link-folder',
      'prefix', 'network-concurrency', 'use-yarnrc',
    ],
    pinsAll: [],
    noCache: [],
    cleanCache: [['cache', 'clean']],
    cacheDirs: ['.cache/yarn', '.yarn/berry/cache', '/usr/local/share/.cache/yarn'],
    pinExample: NPM_STYLE_EXAMPLE,
  },
  pnpm: {
    name: 'pnpm',
    install: ['add'],
    valueFlags: ['C', 'dir', 'filter', 'F', 'registry', 'store-dir', 'virtual-store-dir', 'reporter', 'loglevel', 'config'],
    pinsAll: [],
    noCache: [],
    cleanCache: [['store', 'prune']],
    cacheDirs: ['.local/share/pnpm/store', '.pnpm-store', '.cache/pnpm'],
    pinExample: NPM_STYLE_EXAMPLE,
  },
  gem: {
    name: 'gem',
    install: ['install', 'i'],
    valueFlags: ['v', 'version', 'i', 'install-dir', 'n', 'bindir', 'build-root', 'source', 'P', 'trust-policy', 'platform', 'config-file', 'target-rbconfig'],
    pinsAll: ['v', 'version'],
    noCache: [],
    cleanCache: [],
    cacheDirs: [],
    stopAtDashDash: true,
    pinExample: (pkg) => `${pkg}:<version>`,
  },
  go: {
    name: 'go',
    install: ['install', 'get', 'run'],
    valueFlags: [
      'C', 'p', 'o', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags', 'mod',
      'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'exec', 'coverpkg', 'covermode',
    ],
    pinsAll: [],
    noCache: [],
    cleanCache: [['clean', '-cache'], ['clean', '-modcache']],
    cacheDirs: ['/go/pkg/mod', '.cache/go-build'],
    goFlags: true,
    pinExample: (pkg) => `${pkg}@<version>`,
  },
  cargo: {
    name: 'cargo',
    install: ['install'],
    valueFlags: [
      'version', 'vers', 'git', 'branch', 'tag', 'rev', 'path', 'root', 'registry', 'index', 'target', 'target-dir',
      'features', 'F', 'jobs', 'j', 'profile', 'config', 'Z', 'color', 'bin', 'example',
    ],
    pinsAll: ['version', 'vers', 'path', 'rev', 'tag'],
    noCache: [],
    cleanCache: [],
    cacheDirs: ['/usr/local/cargo/registry', '.cargo/registry'],
    pinExample: (pkg) => `${pkg}@<version>`,
  },
};

const PIP = /^pip(?:\d+(?:\.\d+)?)?$/;
const PYTHON = /^python(?:\d+(?:\.\d+)?)?$/;

/**
 * The tool a command runs and the words after its name: `pip3 install x` gives pip and
 * `install x`; `python3 -m pip install x` gives pip and `install x`. pipx, pipenv, pip-tools
 * and `uv pip` are other tools.
 */
export function toolOf(cmd: ShellCommand): { spec: LangToolSpec; args: Word[] } | undefined {
  const name = baseName(cmd);
  if (PIP.test(name)) return { spec: LANG_TOOLS.pip, args: cmd.args };
  if (PYTHON.test(name)) {
    const a = cmd.args;
    for (let i = 0; i + 1 < a.length; i++) {
      const t = a[i].text;
      if (t === '-m' && a[i + 1].text === 'pip') return { spec: LANG_TOOLS.pip, args: a.slice(i + 2) };
      if (t === '-mpip') return { spec: LANG_TOOLS.pip, args: a.slice(i + 1) };
      if (!t.startsWith('-') || t === '-c') return undefined; // a script, or `-c code`
    }
    return undefined;
  }
  if (Object.prototype.hasOwnProperty.call(LANG_TOOLS, name) && name !== 'pip') return { spec: LANG_TOOLS[name as LangTool], args: cmd.args };
  return undefined;
}

/**
 * The words of a tool's command line that are neither flags nor flag values, in order: the
 * subcommand first, then its operands (`pip install -i URL flask` gives `install`, `flask`).
 * Words after a bare `--` are operands (or, for gem, nothing).
 */
export function positionals(spec: LangToolSpec, args: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const t = a.text;
    if (!t.trim()) continue;
    if (!t.startsWith('-') || t === '-') {
      out.push(a);
      continue;
    }
    if (t === '--') {
      if (!spec.stopAtDashDash) out.push(...args.slice(i + 1).filter((w) => w.text.trim()));
      break;
    }
    if (spec.goFlags || t.startsWith('--')) {
      const name = t.replace(/^--?/, '');
      if (!name.includes('=') && spec.valueFlags.includes(name)) i++;
      continue;
    }
    // A cluster of short flags: the first one that takes a value ends it (`-rreqs.txt`), or takes the next word.
    for (let k = 1; k < t.length; k++) {
      if (spec.valueFlags.includes(t[k])) {
        if (k === t.length - 1) i++;
        break;
      }
    }
  }
  return out;
}

/** Whether the command line has one of `names` as a flag (`-r`, `--requirement`, `--requirement=x`, `-rreqs.txt`). */
export function hasFlag(spec: LangToolSpec, args: readonly Word[], names: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (t === '--') return false;
    if (!t.startsWith('-') || t === '-') continue;
    if (spec.goFlags || t.startsWith('--')) {
      const name = t.replace(/^--?/, '').split('=')[0];
      if (names.includes(name)) return true;
      if (!t.includes('=') && spec.valueFlags.includes(name)) i++;
      continue;
    }
    for (let k = 1; k < t.length; k++) {
      if (names.includes(t[k])) return true;
      if (spec.valueFlags.includes(t[k])) {
        if (k === t.length - 1) i++;
        break;
      }
    }
  }
  return false;
}

export interface LangInstall {
  spec: LangToolSpec;
  /** The word that makes it an install: `install`, `i`, `add`, `get`, `run`. */
  subcommand: Word;
  /** The package words as written (for `go run`, only the package it runs). */
  packages: Word[];
  /** A flag settles every version (`-r requirements.txt`, `gem install -v 1.2`): no word needs a pin. */
  pinnedByFlag: boolean;
}

/**
 * The install a command performs, if it is one: `pip install`, `npm install`/`npm i`,
 * `yarn add` / `yarn global add`, `pnpm add`, `gem install`, `go install`/`get`/`run`,
 * `cargo install`. `npm ci`, `yarn install` and the like install from a lock file and name no
 * packages; they are not installs here.
 */
export function installOf(cmd: ShellCommand): LangInstall | undefined {
  const tool = toolOf(cmd);
  if (!tool) return undefined;
  const { spec, args } = tool;
  const pos = positionals(spec, args);
  let at = 0;
  if (spec.name === 'yarn' && pos[0]?.text === 'global') at = 1;
  const sub = pos[at];
  if (!sub || !spec.install.includes(sub.text)) return undefined;
  let packages = pos.slice(at + 1);
  // `go run pkg args…`: the words after the package are the program's own arguments.
  if (spec.name === 'go' && sub.text === 'run') packages = packages.slice(0, 1);
  return { spec, subcommand: sub, packages, pinnedByFlag: spec.pinsAll.length > 0 && hasFlag(spec, args, spec.pinsAll) };
}

/** The package words of an install (empty when the command is not one). */
export function packagesOf(cmd: ShellCommand): Word[] {
  return installOf(cmd)?.packages ?? [];
}

/** The `install` word of a pip install (`pip install`, `pip3 install`, `python -m pip install`). */
export function pipInstallWord(cmd: ShellCommand): Word | undefined {
  const i = installOf(cmd);
  return i?.spec.name === 'pip' ? i.subcommand : undefined;
}

// pip: https://pip.pypa.io/en/stable/topics/vcs-support/
const PIP_VCS = /^(?:git|hg|svn|bzr)(?:\+[a-z-]+)?:/i;
const PIP_SPECIFIERS = ['===', '==', '~=', '!=', '>=', '<=', '>', '<'];
const PIP_ARCHIVES = ['.whl', '.tar.gz', '.tar.bz2', '.tgz', '.zip'];
const NPM_GIT = /^(?:git(?:\+(?:ssh|https?|file))?:\/\/|github:|gitlab:|bitbucket:|gist:)/;
const NPM_TARBALLS = ['.tar', '.tar.gz', '.tgz'];
const NPM_PATH = /^(?:\/|\.\/|\.\.\/|~\/|file:)/;
/** Version queries that move over time: not pins. */
const MOVING_TAGS = new Set(['latest']);
const GO_QUERIES = new Set(['latest', 'none', 'upgrade', 'patch']);
const GO_META = new Set(['tool', 'all', 'std', 'cmd']);

/**
 * Whether a package word names a fixed version (or a file or directory, which has one):
 * - pip: a specifier (`flask==3.0.0`, `>=`, `~=`, `!=`, `<`, `>`, `===`), a VCS URL with a ref
 *   after the path (`git+https://host/x.git@v1.0`), a wheel or sdist (`.whl`, `.tar.gz`, `.zip`),
 *   a path or URL (`./pkg`, `.[dev]`, `/src/pkg`, `https://…/x`)
 * - npm, yarn, pnpm: `name@version` after an optional `@scope/` (`@latest` is not a pin), a git
 *   URL with `#ref`, a tarball (`.tgz`, `.tar.gz`, `.tar`), a path (`./x`, `../x`, `/x`, `~/x`, `file:`)
 * - gem: `name:version`, a `.gem` file
 * - go: `pkg@version` (`@latest`, `@none`, `@upgrade`, `@patch` are not), a local path (`.`,
 *   `./…`, `/…`), a `.go` file, or a pattern go.mod resolves (`tool`, `all`, `std`, `cmd`)
 * - cargo: `crate@version`
 */
export function isPinned(tool: LangTool, word: string): boolean {
  switch (tool) {
    case 'pip': {
      if (PIP_VCS.test(word)) {
        // The ref follows the repository path: `…/repo.git@v1.0`, not the `git@host` user.
        const path = word.slice(word.indexOf('//') >= 0 ? word.indexOf('//') + 2 : 0);
        const slash = path.indexOf('/');
        return slash >= 0 && path.slice(slash).includes('@');
      }
      if (PIP_SPECIFIERS.some((s) => word.includes(s))) return true;
      if (PIP_ARCHIVES.some((s) => word.endsWith(s))) return true;
      return word.includes('/') || word.startsWith('.') || word.startsWith('~');
    }
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      if (NPM_GIT.test(word)) return word.includes('#');
      if (NPM_TARBALLS.some((s) => word.endsWith(s))) return true;
      if (NPM_PATH.test(word) || word === '.' || word === '..') return true;
      const name = word.startsWith('@') ? word.slice(word.indexOf('/') + 1) : word;
      const at = name.indexOf('@');
      if (at < 0) return false;
      const version = name.slice(at + 1);
      return version !== '' && !MOVING_TAGS.has(version);
    }
    case 'gem':
      return word.includes(':') || word.endsWith('.gem');
    case 'go': {
      if (word === '.' || word.startsWith('./') || word.startsWith('../') || word.startsWith('/') || word.endsWith('.go')) return true;
      // Meta-patterns resolved from go.mod or the toolchain: `go install tool` (Go 1.24+), `all`, `std`, `cmd`.
      if (GO_META.has(word)) return true;
      const at = word.lastIndexOf('@');
      return at >= 0 && at < word.length - 1 && !GO_QUERIES.has(word.slice(at + 1));
    }
    case 'cargo':
      return word.includes('@');
  }
}

/** Whether the command has one of the tool's no-cache flags (`pip install --no-cache-dir`). */
export function hasNoCache(cmd: ShellCommand): boolean {
  const tool = toolOf(cmd);
  return !!tool && tool.spec.noCache.length > 0 && hasFlag(tool.spec, tool.args, tool.spec.noCache);
}

/** Whether the command empties the tool's download cache: `yarn cache clean`, `npm cache clean --force`, `pip cache purge`… */
export function cleansCache(cmd: ShellCommand, tool?: LangTool): boolean {
  const t = toolOf(cmd);
  if (!t || (tool && t.spec.name !== tool)) return false;
  const words = t.args.map((a) => a.text);
  return t.spec.cleanCache.some((seq) => {
    const pos = positionals(t.spec, t.args).map((w) => w.text);
    return seq.every((w, i) => (w.startsWith('-') ? words.includes(w) : pos[i] === w));
  });
}

/** Whether a cache or tmpfs mount target covers the tool's download cache (`/root/.cache/pip`, `/usr/local/share/.cache/yarn`). */
export function isCacheTarget(tool: LangTool, target: string): boolean {
  return LANG_TOOLS[tool].cacheDirs.some((d) => target.replace(/\/+$/, '').includes(d));
}
