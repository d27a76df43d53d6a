/**
 * What we know about the OS package managers a Dockerfile calls: apt-get, apt, aptitude,
 * apk, yum, dnf, microdnf, tdnf and zypper. Plain data plus small pure functions over the
 * shell model, shared by the package rules (DL3008, DL3014, DL3018…) and by hover.
 *
 * Flags are named without their dashes, as `commandFlags` reads them: `y`, `assume-yes`.
 */
import type { ShellCommand, Word } from '../model/shell';
import { baseName, commandFlags } from '../model/shell';

export type Manager = 'apt-get' | 'apt' | 'aptitude' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'tdnf' | 'zypper';

/** How a package word says which version it wants. */
export type PinStyle = 'apt' | 'apk' | 'rpm' | 'zypper';

export interface ManagerSpec {
  name: Manager;
  pinStyle: PinStyle;
  /** Subcommands that install the packages named after them. */
  install: readonly string[];
  /** Flags that answer "yes" to every question, so a build never waits for input. */
  assumeYes: readonly string[];
  /** Flags that keep the package index and downloads out of the image. */
  noCache: readonly string[];
  /** Flags that skip recommended (weak) dependencies. */
  noRecommends: readonly string[];
  /** Flags whose value is the next word when written apart (`-t bookworm-backports`), after the subcommand. */
  valueFlags: readonly string[];
  /** The same before the subcommand, where it differs (zypper's global options). */
  globalValueFlags?: readonly string[];
  /** Flags that only simulate (`apt-get install -s`): nothing is installed or asked. For zypper, after the subcommand. */
  dryRun: readonly string[];
  /** Subcommands that delete the manager's caches. */
  clean: readonly string[];
  /** The command that deletes what installing left behind, as our fixes write it. */
  cleanup?: string;
  /** Where the manager keeps package lists and downloads. */
  cacheDirs: readonly string[];
}

const APT_VALUE_FLAGS = ['o', 'option', 't', 'target-release', 'default-release', 'c', 'config-file', 'a', 'host-architecture'];
const RPM_VALUE_FLAGS = [
  'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'R', 'randomwait', 'x', 'exclude', 'installroot', 'releasever',
  'enablerepo', 'disablerepo', 'repo', 'repoid', 'repofrompath', 'setopt', 'downloaddir', 'destdir', 'color', 'forcearch',
  'rpmverbosity', 'enableplugin', 'disableplugin', 'advisory', 'advisories', 'bz', 'bzs', 'cve', 'cves', 'sec-severity',
  'secseverity', 'comment',
];
const APT_DRY_RUN = ['s', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act'];
const APT_CACHE_DIRS = ['/var/lib/apt/lists', '/var/cache/apt'];
const RPM_INSTALL = ['install', 'in', 'groupinstall', 'localinstall'];

function rpmManager(name: Manager, cacheDirs: string[]): ManagerSpec {
  return {
    name,
    pinStyle: 'rpm',
    install: RPM_INSTALL,
    assumeYes: ['y', 'assumeyes'],
    noCache: [],
    noRecommends: ['setopt=install_weak_deps=False', 'setopt=install_weak_deps=0'],
    valueFlags: RPM_VALUE_FLAGS,
    dryRun: [],
    clean: ['clean'],
    cleanup: `${name} clean all`,
    cacheDirs,
  };
}

export const MANAGERS: Readonly<Record<Manager, ManagerSpec>> = {
  'apt-get': {
    name: 'apt-get',
    pinStyle: 'apt',
    install: ['install'],
    assumeYes: ['y', 'yes', 'assume-yes'],
    noCache: [],
    noRecommends: ['no-install-recommends'],
    valueFlags: APT_VALUE_FLAGS,
    dryRun: APT_DRY_RUN,
    clean: ['clean', 'autoclean', 'dist-clean', 'distclean'],
    cleanup: 'rm -rf /var/lib/apt/lists/*',
    cacheDirs: APT_CACHE_DIRS,
  },
  apt: {
    name: 'apt',
    pinStyle: 'apt',
    install: ['install', 'reinstall'],
    assumeYes: ['y', 'yes', 'assume-yes'],
    noCache: [],
    noRecommends: ['no-install-recommends'],
    valueFlags: APT_VALUE_FLAGS,
    dryRun: APT_DRY_RUN,
    clean: ['clean', 'autoclean', 'dist-clean', 'distclean'],
    cleanup: 'rm -rf /var/lib/apt/lists/*',
    cacheDirs: APT_CACHE_DIRS,
  },
  aptitude: {
    name: 'aptitude',
    pinStyle: 'apt',
    install: ['install', 'reinstall'],
    assumeYes: ['y', 'assume-yes'],
    noCache: [],
    noRecommends: ['without-recommends', 'R'],
    valueFlags: ['o', 't', 'target-release', 'default-release', 'F', 'display-format', 'w', 'width'],
    dryRun: ['s', 'simulate'],
    clean: ['clean', 'autoclean'],
    cleanup: 'rm -rf /var/lib/apt/lists/*',
    cacheDirs: APT_CACHE_DIRS,
  },
  apk: {
    name: 'apk',
    pinStyle: 'apk',
    install: ['add'],
    // apk never asks unless told to with --interactive.
    assumeYes: [],
    noCache: ['no-cache'],
    noRecommends: [],
    valueFlags: ['t', 'virtual', 'X', 'repository', 'p', 'root', 'repositories-file', 'keys-dir', 'cache-dir', 'arch', 'cache-max-age', 'timeout'],
    dryRun: ['s', 'simulate'],
    clean: ['cache'],
    cleanup: 'rm -rf /var/cache/apk/*',
    cacheDirs: ['/var/cache/apk', '/etc/apk/cache'],
  },
  yum: rpmManager('yum', ['/var/cache/yum']),
  dnf: rpmManager('dnf', ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum']),
  microdnf: rpmManager('microdnf', ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5']),
  tdnf: rpmManager('tdnf', ['/var/cache/tdnf']),
  zypper: {
    name: 'zypper',
    pinStyle: 'zypper',
    install: ['install', 'in'],
    // `-n`/`--non-interactive` is a global option (before the subcommand); `-y`/`--no-confirm` belongs to the subcommand.
    assumeYes: ['non-interactive', 'n', 'no-confirm', 'y'],
    noCache: [],
    noRecommends: ['no-recommends'],
    valueFlags: ['r', 'repo', 't', 'type', 'from', 'download'],
    dryRun: ['D', 'dry-run'],
    globalValueFlags: [
      'c', 'config', 'userdata', 's', 'table-style', 'D', 'reposd-dir', 'C', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir',
      'pkg-cache-dir', 'R', 'root', 'installroot', 'p', 'plus-repo', 'plus-content',
    ],
    clean: ['clean', 'cc'],
    cleanup: 'zypper clean --all',
    cacheDirs: ['/var/cache/zypp'],
  },
};

/** The manager a command runs (by base name: `/usr/bin/apt-get` is apt-get). */
export function managerOf(cmd: ShellCommand): ManagerSpec | undefined {
  const name = baseName(cmd);
  return Object.prototype.hasOwnProperty.call(MANAGERS, name) ? MANAGERS[name as Manager] : undefined;
}

/**
 * The arguments of a manager's command that are neither flags nor flag values, in order:
 * the subcommand first, then its operands (`apt-get -t bookworm install -y curl` gives
 * `install`, `curl`). Words after a bare `--` are operands.
 */
export function positionals(cmd: ShellCommand, spec: ManagerSpec | undefined = managerOf(cmd)): Word[] {
  const out: Word[] = [];
  const args = cmd.args;
  let operandsOnly = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const t = a.text;
    if (!t.trim()) continue;
    if (operandsOnly || !t.startsWith('-') || t === '-') {
      out.push(a);
      continue;
    }
    if (t === '--') {
      operandsOnly = true;
      continue;
    }
    const valueFlags = out.length === 0 && spec?.globalValueFlags ? spec.globalValueFlags : (spec?.valueFlags ?? []);
    if (t.startsWith('--')) {
      if (!t.includes('=') && valueFlags.includes(t.slice(2))) i++;
      continue;
    }
    // A cluster of short flags: the first one that takes a value ends it (`-tbookworm`), or takes the next word.
    const flags = shortFlags(t, valueFlags);
    if (valueFlags.includes(flags[flags.length - 1]) && flags.length === t.length - 1) i++;
  }
  return out;
}

/** The flags of a short-flag cluster (`-qy` gives q, y), up to the first that takes a value (`-tstable` gives t). */
function shortFlags(t: string, valueFlags: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of t.slice(1)) {
    out.push(c);
    if (valueFlags.includes(c)) break;
  }
  return out;
}

/**
 * Whether the command only simulates (`apt-get -s install`, `apk add --simulate`, `zypper in -D`).
 * zypper's `-D` means something else before the subcommand, so only flags after it count there.
 */
export function isDryRun(cmd: ShellCommand, spec: ManagerSpec | undefined = managerOf(cmd)): boolean {
  if (!spec?.dryRun.length) return false;
  const after = spec.name === 'zypper' ? (positionals(cmd, spec)[0]?.end ?? Infinity) : -1;
  for (const a of cmd.args) {
    const t = a.text;
    if (t === '--') break;
    if (a.start < after || !t.startsWith('-') || t === '-') continue;
    if (t.startsWith('--') ? spec.dryRun.includes(t.slice(2).split('=')[0]) : shortFlags(t, spec.valueFlags).some((c) => spec.dryRun.includes(c))) return true;
  }
  return false;
}

/** The subcommand word: `install` in `apt-get -y install curl`. */
export function subcommandOf(cmd: ShellCommand): Word | undefined {
  return positionals(cmd)[0];
}

export interface Install {
  spec: ManagerSpec;
  /** The word that makes it an install: `install`, `add`, `in`, `groupinstall`… (`install` in `dnf module install`). */
  subcommand: Word;
  /**
   * What the operands are: `package` names or files; `group`s (`yum groupinstall`, `dnf group install`,
   * `zypper install -t pattern`), which carry no version; `module` streams (`dnf module install nodejs:18`).
   */
  kind: 'package' | 'group' | 'module';
  /** The operands as written. */
  packages: Word[];
}

const RPM_GROUP_WORDS = ['group', 'groups'];

/**
 * The install a command performs, if it is one: `apt-get install`, `apk add`, `yum/dnf install`,
 * `yum groupinstall`, `dnf group install`, `dnf module install`, `zypper install`… A simulation
 * (`apt-get install -s`, `zypper install --dry-run`) installs nothing and is not one.
 */
export function installOf(cmd: ShellCommand): Install | undefined {
  const spec = managerOf(cmd);
  if (!spec) return undefined;
  const pos = positionals(cmd, spec);
  const sub = pos[0];
  if (!sub || isDryRun(cmd, spec)) return undefined;
  if (spec.pinStyle === 'rpm' && pos[1]?.text === 'install' && (sub.text === 'module' || RPM_GROUP_WORDS.includes(sub.text))) {
    return { spec, subcommand: pos[1], kind: sub.text === 'module' ? 'module' : 'group', packages: pos.slice(2) };
  }
  if (!spec.install.includes(sub.text)) return undefined;
  let kind: Install['kind'] = sub.text === 'groupinstall' ? 'group' : 'package';
  if (spec.name === 'zypper') {
    const type = flagValue(cmd, ['t', 'type']);
    if (type !== undefined && type !== 'package') kind = 'group';
  }
  return { spec, subcommand: sub, kind, packages: pos.slice(1) };
}

/** The value of the first of these flags (`-t x`, `-tx`, `--type x`, `--type=x`), if present. */
function flagValue(cmd: ShellCommand, names: string[]): string | undefined {
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const t = a[i].text;
    if (t === '--') break;
    for (const n of names) {
      const dash = n.length === 1 ? `-${n}` : `--${n}`;
      if (t === dash) return a[i + 1]?.text ?? '';
      if (t.startsWith(dash + '=')) return t.slice(dash.length + 1);
      if (n.length === 1 && t.startsWith(dash) && !t.startsWith('--')) return t.slice(2);
    }
  }
  return undefined;
}

/**
 * The subcommand word when the command installs packages named on the command line
 * (`install`, `add`, `in`, `groupinstall`, `localinstall`…).
 */
export function installSubcommand(cmd: ShellCommand): Word | undefined {
  return installOf(cmd)?.subcommand;
}

/** The package words of an install (empty when the command is not one, or installs groups or modules). */
export function packagesOf(cmd: ShellCommand): Word[] {
  const inst = installOf(cmd);
  return inst?.kind === 'package' ? inst.packages : [];
}

const RPM_VERSION_PART = /^[A-Za-z0-9.~^_:+]*$/;

/**
 * Whether a package word names a version (or a file, which has one):
 * - apt: `curl=7.88.1-10`, `curl=7.*`, `curl/bookworm-backports`, `./pkg.deb`
 * - apk: `curl=8.5.0-r0`, `curl~8.5`, `curl>8`, `curl<9`, `pkg.apk`
 * - rpm (yum, dnf, microdnf, tdnf): `httpd-2.4.57-5.el9` (a `-` then only version characters,
 *   some part starting with a digit), `pkg.rpm`; `@group` and `@module` specs carry no version
 *   and count as pinned
 * - zypper: `curl=8.0`, `curl>=8`, `curl<9`, `pkg.rpm`
 */
export function isPinned(style: PinStyle | Manager, word: string): boolean {
  const s: PinStyle = (MANAGERS as Record<string, ManagerSpec>)[style]?.pinStyle ?? (style as PinStyle);
  switch (s) {
    case 'apt':
      return word.includes('=') || word.includes('/') || word.endsWith('.deb');
    case 'apk':
      return /[=~<>]/.test(word) || word.endsWith('.apk');
    case 'zypper':
      return /[=<>]/.test(word) || word.endsWith('.rpm');
    case 'rpm': {
      if (word.endsWith('.rpm') || word.startsWith('@')) return true;
      const parts = word.split('-').slice(1);
      return parts.length > 0 && parts.every((p) => RPM_VERSION_PART.test(p)) && parts.some((p) => /^[0-9]/.test(p));
    }
  }
}

/** Whether a `yum/dnf module install` spec names a stream (`nodejs:18`). */
export function isModulePinned(word: string): boolean {
  return word.includes(':') || word.startsWith('@');
}

/** How a pinned package is written, for messages: `curl=<version>`, `httpd-<version>`. */
export function pinExample(style: PinStyle | Manager, pkg: string): string {
  const s: PinStyle = (MANAGERS as Record<string, ManagerSpec>)[style]?.pinStyle ?? (style as PinStyle);
  return s === 'rpm' ? `${pkg}-<version>` : `${pkg}=<version>`;
}

/**
 * Whether the command answers "yes" to the manager's questions: one of its assume-yes flags;
 * for apt-get, apt and aptitude also quiet level 2 (`-qq`, `-q -q`, `-q=2`), which implies
 * `-y`, and `-o APT::Get::Assume-Yes=true`.
 */
export function hasAssumeYes(cmd: ShellCommand, spec: ManagerSpec | undefined = managerOf(cmd)): boolean {
  if (!spec) return false;
  const flags = commandFlags(cmd);
  if (spec.assumeYes.some((f) => flags.has(f))) return true;
  if (spec.pinStyle !== 'apt') return false;
  let quiet = 0;
  for (const a of cmd.args) {
    const t = a.text;
    if (t === '--') break;
    if (/^(?:-o|--option=)?APT::Get::Assume-Yes=(?:true|yes|1)$/i.test(t)) return true;
    const level = /^(?:-q|--quiet)=(\d+)$/.exec(t);
    if (level) quiet += Number(level[1]);
    else if (t === '--quiet') quiet++;
    else if (/^-[A-Za-z]+$/.test(t)) quiet += t.split('q').length - 1;
  }
  return quiet >= 2;
}

/** Whether the command has one of the manager's no-recommends flags (or apt's `-o APT::Install-Recommends=false`). */
export function hasNoRecommends(cmd: ShellCommand, spec: ManagerSpec | undefined = managerOf(cmd)): boolean {
  if (!spec) return false;
  const flags = commandFlags(cmd);
  if (spec.noRecommends.some((f) => flags.has(f) || cmd.args.some((a) => a.text === `--${f}`))) return true;
  return spec.pinStyle === 'apt' && cmd.args.some((a) => /^(?:-o|--option=)?APT::Install-Recommends=(?:false|no|0)$/i.test(a.text));
}

/** Whether the command has one of the manager's no-cache flags (apk `--no-cache`). */
export function hasNoCache(cmd: ShellCommand, spec: ManagerSpec | undefined = managerOf(cmd)): boolean {
  if (!spec) return false;
  const flags = commandFlags(cmd);
  return spec.noCache.some((f) => flags.has(f));
}

/** Whether a path (`/var/cache/yum/*`, `/var/cache/yum/`) is one of the manager's cache directories or inside one. */
export function isCachePath(spec: ManagerSpec, path: string): boolean {
  const p = path.replace(/\*$/, '').replace(/\/+$/, '');
  if (!p.startsWith('/')) return false;
  // the directory itself, something inside it, or a parent of it (`rm -rf /var/cache`)
  return spec.cacheDirs.some((d) => p === d || p.startsWith(d + '/') || d.startsWith(p + '/'));
}

/**
 * Whether a command deletes the manager's caches: the manager's own clean subcommand
 * (`yum clean all`, `zypper cc`, `apt-get clean`), or an `rm` of one of its cache directories.
 */
export function cleansCache(spec: ManagerSpec, cmd: ShellCommand): boolean {
  const name = baseName(cmd);
  if (name === spec.name) {
    const sub = positionals(cmd, spec)[0];
    return !!sub && spec.clean.includes(sub.text);
  }
  if (name !== 'rm') return false;
  return cmd.args.some((a) => !a.text.startsWith('-') && isCachePath(spec, a.text));
}
