/**
 * Hover on a package named in an install command inside RUN: `apt-get install`, `apk add`,
 * `yum/dnf/microdnf/tdnf install`, `zypper install`, `pip install`, `npm install`, `yarn add`,
 * `pnpm add`, `gem install` (and `go install`, `cargo install`). The answer names the package
 * and its manager, the version the word pins (or how to pin it), and our note about the
 * package from the Markdown data files of `server/docs/packages/` when we have one.
 *
 * A `$VAR` inside a package word belongs to the variables provider: the cursor on it gets no
 * answer from here.
 */
import type { HoverAnswer, HoverProvider, HoverQuery } from './types';
import { baseName, dockerLogical, parseShell, type ShellCommand, type Word } from '../model/shell';
import { installOf as osInstallOf, type Manager } from '../knowledge/os-packages';
import { installOf as langInstallOf, type LangTool } from '../knowledge/lang-packages';
import debianDoc from '../../docs/packages/debian.md';
import alpineDoc from '../../docs/packages/alpine.md';
import redhatDoc from '../../docs/packages/redhat.md';
import pythonDoc from '../../docs/packages/python.md';
import nodeDoc from '../../docs/packages/node.md';
import rubyDoc from '../../docs/packages/ruby.md';

type Tool = Manager | LangTool;
type Ecosystem = 'debian' | 'alpine' | 'redhat' | 'python' | 'node' | 'ruby';

const DATA: Record<Ecosystem, string> = { debian: debianDoc, alpine: alpineDoc, redhat: redhatDoc, python: pythonDoc, node: nodeDoc, ruby: rubyDoc };

/** The notes of each ecosystem, by normalized name; parsed on first use. */
const notes = new Map<Ecosystem, Map<string, string>>();

/**
 * Parses a package data file: `## name` sections, an optional first line `Also: a, b` naming
 * other packages the note covers, then the note. The HTML comment at the top is skipped.
 */
export function parsePackageNotes(text: string, normalize: (name: string) => string = (n) => n.toLowerCase()): Map<string, string> {
  const out = new Map<string, string>();
  const body = text.replace(/\r\n/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  for (const part of body.split(/^## /m).slice(1)) {
    const nl = part.indexOf('\n');
    const name = (nl < 0 ? part : part.slice(0, nl)).trim();
    let note = nl < 0 ? '' : part.slice(nl + 1).trim();
    const names = [name];
    const also = /^Also:\s*(.*)\n?/.exec(note);
    if (also) {
      names.push(...also[1].split(',').map((s) => s.trim()).filter(Boolean));
      note = note.slice(also[0].length).trim();
    }
    if (!name || !note) continue;
    for (const n of names) if (!out.has(normalize(n))) out.set(normalize(n), note);
  }
  return out;
}

/** pip compares names case-insensitively with runs of `-`, `_` and `.` the same (PEP 503). */
const normalizePython = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

export function packageNote(eco: Ecosystem, name: string): string | undefined {
  const normalize = eco === 'python' ? normalizePython : (n: string) => n.toLowerCase();
  let map = notes.get(eco);
  if (!map) notes.set(eco, (map = parsePackageNotes(DATA[eco], normalize)));
  const key = normalize(name);
  const note = map.get(key);
  if (note !== undefined || eco === 'python' || eco === 'node' || eco === 'ruby') return note;
  // A versioned name of a distribution package: `g++-12`, `clang-15`, `postgresql-client-16`.
  const versioned = /^(.+)-\d+(?:\.\d+)*$/.exec(key);
  return versioned ? map.get(versioned[1]) : undefined;
}

interface ToolInfo {
  /** What the package is, in the heading: `Debian/Ubuntu package`. */
  kind: string;
  eco?: Ecosystem;
}

const TOOLS: Record<Tool, ToolInfo> = {
  'apt-get': { kind: 'Debian/Ubuntu package', eco: 'debian' },
  apt: { kind: 'Debian/Ubuntu package', eco: 'debian' },
  aptitude: { kind: 'Debian/Ubuntu package', eco: 'debian' },
  apk: { kind: 'Alpine package', eco: 'alpine' },
  yum: { kind: 'RPM package (RHEL, CentOS, Fedora, Amazon Linux…)', eco: 'redhat' },
  dnf: { kind: 'RPM package (RHEL, CentOS, Fedora, Amazon Linux…)', eco: 'redhat' },
  microdnf: { kind: 'RPM package (UBI minimal and other RHEL-family images)', eco: 'redhat' },
  tdnf: { kind: 'RPM package (Azure Linux, Photon OS)', eco: 'redhat' },
  // SUSE names differ from Red Hat's often enough that a Red Hat note could mislead.
  zypper: { kind: 'RPM package (openSUSE, SLES)' },
  pip: { kind: 'Python package (PyPI)', eco: 'python' },
  npm: { kind: 'npm package', eco: 'node' },
  yarn: { kind: 'npm package', eco: 'node' },
  pnpm: { kind: 'npm package', eco: 'node' },
  gem: { kind: 'Ruby gem', eco: 'ruby' },
  go: { kind: 'Go package' },
  cargo: { kind: 'Rust crate' },
};

export const packagesHover: HoverProvider = (q) => {
  if (q.ins.keyword !== 'RUN') return undefined;
  const shell = q.ins.shell;
  if (!shell || q.offset < shell.start || q.offset > shell.end) return undefined;
  return inCommands(q, shell.commands, 0);
};

function inCommands(q: HoverQuery, commands: readonly ShellCommand[], depth: number): HoverAnswer | undefined {
  for (const cmd of commands) {
    if (q.offset < cmd.start || q.offset > cmd.end) continue;
    const word = cmd.args.find((w) => q.offset >= w.start && q.offset <= w.end);
    if (!word) continue;
    const answer = explainWord(q, cmd, word);
    if (answer !== null) return answer;
    // `sh -c 'apt-get install …'`: the packages are in the quoted script.
    const script = depth < 2 ? shellScriptArg(cmd) : undefined;
    if (script === word) {
      const inner = innerCommands(q, word);
      if (inner) return inCommands(q, inner, depth + 1);
    }
  }
  return undefined;
}

const SHELLS = /^(?:sh|bash|ash|dash|zsh|ksh)$/;

/** The script word of `sh -c 'script'` (also `-ec`, `-xc`…), if the command is one. */
function shellScriptArg(cmd: ShellCommand): Word | undefined {
  if (!SHELLS.test(baseName(cmd))) return undefined;
  const i = cmd.args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a.text));
  return i >= 0 ? cmd.args[i + 1] : undefined;
}

/** The commands of a quoted script word, with document offsets; undefined when they cannot be placed exactly. */
function innerCommands(q: HoverQuery, word: Word): ShellCommand[] | undefined {
  const text = q.model.text;
  const quote = text[word.start];
  if ((quote !== "'" && quote !== '"') || text[word.end - 1] !== quote || word.end - word.start < 2) return undefined;
  const start = word.start + 1;
  const end = word.end - 1;
  const inHeredoc = q.ins.heredocs.some((h) => h.contentRange && q.model.lines.offsetAt(h.contentRange.start) <= start && end <= q.model.lines.offsetAt(h.contentRange.end));
  const escape = inHeredoc ? null : q.model.escapeChar;
  // Only when nothing inside the quotes was unescaped: then offsets in the script are offsets in the document.
  const chars = escape === null ? text.slice(start, end) : dockerLogical(text, start, end, escape).chars;
  if (chars !== word.text) return undefined;
  return parseShell(text, start, end, escape).commands;
}

/** The answer for a word of a command: undefined to stay silent, null when the word is not a package of this command. */
function explainWord(q: HoverQuery, cmd: ShellCommand, word: Word): HoverAnswer | undefined | null {
  const os = osInstallOf(cmd);
  const lang = os ? undefined : langInstallOf(cmd);
  const packages = os?.packages ?? lang?.packages;
  if (!packages?.some((p) => p.start === word.start)) return null;
  if (onVariable(q.model.text, word, q.offset)) return undefined;
  const range = q.model.lines.range(word.start, word.end);
  const tool: Tool = os ? os.spec.name : lang!.spec.name;
  let markdown: string;
  if (os && os.kind !== 'package') markdown = groupOrModule(tool, os.kind, word.text, os.subcommand.text);
  else markdown = describe(tool, word.text, cmd, !!lang?.pinnedByFlag);
  return { markdown, range };
}

/** Whether the offset is on a `$NAME`, `${…}` or `$(…)` inside the word as written. */
function onVariable(text: string, word: Word, offset: number): boolean {
  const raw = text.slice(word.start, word.end);
  if (!raw.includes('$')) return false;
  const re = /\$(?:\{[^}]*\}?|\([^)]*\)?|[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])?/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = word.start + m.index;
    if (offset >= start && offset <= start + m[0].length) return true;
  }
  return false;
}

/** A parsed package word: the name, and what it says about the version. */
interface Spec {
  name: string;
  /** The version part as written: `7.88.1-10`, `==3.0.0`, `4`. */
  version?: string;
  /** How the version part reads, in a sentence. */
  versionNote?: string;
  /** Extras, architecture, release, repository tag… one line each. */
  extra: string[];
  /** A file, path or URL rather than a name from a repository. */
  local?: string;
}

const VAR = /\$/;

/** A name for the bold heading: in a code span when Markdown would read some of its characters (`libfoo*`, `.[dev]`). */
function label(name: string): string {
  return /[*_`[\]<>\\]/.test(name) ? `\`${name.replace(/`/g, "'")}\`` : name;
}

function describe(tool: Tool, text: string, cmd: ShellCommand, pinnedByFlag: boolean): string {
  const info = TOOLS[tool];
  const spec = parseSpec(tool, text, cmd);
  const shown = spec.local ? text : spec.name;
  const lines = [`**${label(shown)}** · ${info.kind}, installed with \`${tool}\``];
  if (spec.local) {
    lines.push(spec.local);
    return lines.join('\n\n');
  }
  if (VAR.test(spec.name)) {
    lines.push('The name is built from a variable: hover the variable to see its value.');
  } else {
    const note = info.eco ? packageNote(info.eco, spec.name) : undefined;
    if (note) lines.push(note);
  }
  lines.push(...spec.extra);
  lines.push(versionLine(tool, spec, pinnedByFlag));
  return lines.join('\n\n');
}

function versionLine(tool: Tool, spec: Spec, pinnedByFlag: boolean): string {
  if (spec.version !== undefined) {
    const fromVar = VAR.test(spec.version) ? ' (set by a variable)' : '';
    return `**Version:** \`${spec.version}\`${fromVar}${spec.versionNote ? ` — ${spec.versionNote}` : ''}`;
  }
  if (pinnedByFlag) {
    return tool === 'pip'
      ? '**Version:** not pinned on the word, but this command reads a requirements or constraints file (`-r`/`-c`) that may set it.'
      : '**Version:** not pinned on the word; a flag of this command (`--version`/`-v`) sets it.';
  }
  return `**Version:** not pinned — ${NOT_PINNED[tool](spec.name)}`;
}

const APT_NOT_PINNED = (p: string) =>
  `the newest version in the package index at build time is installed, so rebuilds can differ. Pin with \`${p}=<version>\` (\`apt-cache madison ${p}\` lists the versions).`;
const RPM_NOT_PINNED = (mgr: string, list: boolean) => (p: string) =>
  `the newest version in the enabled repositories is installed, so rebuilds can differ. Pin with \`${p}-<version>\`${list ? ` (\`${mgr} list --showduplicates ${p}\` lists the versions)` : ''}.`;
const NPM_NOT_PINNED = (p: string) =>
  `the \`latest\` tag is installed, so rebuilds can differ. Pin with \`${p}@<version>\`, or install from a lock file (\`npm ci\`, \`yarn install --frozen-lockfile\`).`;

const NOT_PINNED: Record<Tool, (pkg: string) => string> = {
  'apt-get': APT_NOT_PINNED,
  apt: APT_NOT_PINNED,
  aptitude: APT_NOT_PINNED,
  apk: (p) =>
    `the newest version in the configured repositories is installed. Pin with \`${p}=<version>\` (exact) or \`${p}~<version>\` (that version, any revision); Alpine keeps only the newest build of each package in a branch, so \`~\` pins break less often.`,
  yum: RPM_NOT_PINNED('yum', true),
  dnf: RPM_NOT_PINNED('dnf', true),
  microdnf: RPM_NOT_PINNED('microdnf', false),
  tdnf: RPM_NOT_PINNED('tdnf', false),
  zypper: (p) => `the newest version in the enabled repositories is installed. Pin with \`${p}=<version>\` (\`zypper search -s ${p}\` lists the versions).`,
  pip: (p) =>
    `pip installs the newest release on the index, so rebuilds can differ. Pin with \`${p}==<version>\`, or list versions in a requirements file (\`pip install -r requirements.txt\`).`,
  npm: NPM_NOT_PINNED,
  yarn: NPM_NOT_PINNED,
  pnpm: NPM_NOT_PINNED,
  gem: (p) => `the newest version is installed, so rebuilds can differ. Pin with \`gem install ${p} -v <version>\` (or \`${p}:<version>\`).`,
  go: (p) =>
    `\`go install\` builds it at the version the current module's go.mod requires (and fails outside a module); \`go get\` takes the newest. Pin with \`${p}@v1.2.3\` (\`@latest\` moves).`,
  cargo: (p) => `the newest version is installed. Pin with \`${p}@<version>\` or \`--version <version>\`, and add \`--locked\` to use the crate's lock file.`,
};

const ARCHES = /^(?:amd64|arm64|armhf|armel|i386|ppc64el|s390x|riscv64|mips64el|all|any|native)$/;
const RPM_ARCHES = /\.(?:x86_64|aarch64|i686|i386|noarch|ppc64le|s390x|armv7hl|src)$/;
const RPM_VERSION_PART = /^[A-Za-z0-9.~^_:+*]*$/;

function parseSpec(tool: Tool, text: string, cmd: ShellCommand): Spec {
  const extra: string[] = [];
  switch (tool) {
    case 'apt-get':
    case 'apt':
    case 'aptitude': {
      if (text.endsWith('.deb') || text.startsWith('/') || text.startsWith('./') || text.startsWith('../')) {
        return { name: text, extra, local: 'A local `.deb` file: apt installs it and resolves its dependencies from the package index; its version is the file\'s.' };
      }
      let name = text;
      let version: string | undefined;
      let versionNote: string | undefined;
      const eq = name.indexOf('=');
      if (eq >= 0) {
        version = name.slice(eq + 1);
        name = name.slice(0, eq);
        versionNote = version.includes('*')
          ? 'pinned with a wildcard: the newest matching version is installed.'
          : 'pinned. Exact versions can vanish from the mirrors when an update replaces them; the build then fails until the pin is bumped.';
      }
      const slash = name.indexOf('/');
      if (slash >= 0) {
        extra.push(`**Release:** \`${name.slice(slash + 1)}\` — the version comes from that release (for example backports) rather than the default one; this chooses a source, not an exact version.`);
        name = name.slice(0, slash);
      }
      const colon = name.lastIndexOf(':');
      if (colon > 0 && ARCHES.test(name.slice(colon + 1))) {
        extra.push(`**Architecture:** \`${name.slice(colon + 1)}\``);
        name = name.slice(0, colon);
      }
      return { name, version, versionNote, extra };
    }
    case 'apk': {
      if (text.endsWith('.apk')) return { name: text, extra, local: 'A local `.apk` file; its version is the file\'s (add `--allow-untrusted` if it is not signed with a known key).' };
      let name = text;
      const at = name.indexOf('@');
      if (at > 0) {
        extra.push(`**Repository:** \`@${name.slice(at + 1)}\` — only the repository tagged so in \`/etc/apk/repositories\` provides it.`);
        name = name.slice(0, at);
      }
      const m = /^([^=~<>]+)(=|~|>=|<=|>|<)(.*)$/.exec(name);
      if (m) {
        const note =
          m[2] === '='
            ? 'an exact pin. Alpine keeps only the newest build of each package in a branch, so an exact version stops resolving when the package is updated; `~` keeps the version and lets the revision move.'
            : m[2] === '~'
              ? 'a fuzzy pin: any version starting with this one.'
              : 'a version constraint, not an exact pin.';
        return { name: m[1], version: `${m[2] === '=' ? '' : m[2]}${m[3]}`, versionNote: note, extra };
      }
      return { name, extra };
    }
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'tdnf':
    case 'zypper': {
      if (text.endsWith('.rpm') || /^(?:https?|ftp):\/\//.test(text) || text.startsWith('/') || text.startsWith('./')) {
        return { name: text, extra, local: 'A local or remote `.rpm` file; its version is the file\'s.' };
      }
      let name = text;
      if (tool === 'zypper') {
        const m = /^([^=<>]+)(=|>=|<=|>|<)(.*)$/.exec(name);
        if (m) return { name: m[1], version: `${m[2] === '=' ? '' : m[2]}${m[3]}`, versionNote: m[2] === '=' ? 'pinned.' : 'a version constraint, not an exact pin.', extra };
        return { name, extra };
      }
      const arch = RPM_ARCHES.exec(name);
      if (arch) {
        extra.push(`**Architecture:** \`${arch[0].slice(1)}\``);
        name = name.slice(0, arch.index);
      }
      const parts = name.split('-');
      for (let i = 1; i < parts.length; i++) {
        const rest = parts.slice(i);
        if (/^[0-9]/.test(rest[0]) && rest.every((p) => RPM_VERSION_PART.test(p))) {
          return { name: parts.slice(0, i).join('-'), version: rest.join('-'), versionNote: 'pinned (name-version).', extra };
        }
      }
      return { name, extra };
    }
    case 'pip': {
      if (/^(?:git|hg|svn|bzr)\+/.test(text)) return { name: text, extra, local: 'Installs from a version-control URL; add `@<tag or commit>` after the repository path to pin it.' };
      if (/^(?:https?|file):/.test(text) || /\.(?:whl|tar\.gz|tar\.bz2|tgz|zip)$/.test(text) || /^[./~]/.test(text)) {
        return { name: text, extra, local: 'Installs a local project, archive or URL rather than a name from the index; the version is whatever it contains.' };
      }
      let rest = text.trim();
      const marker = rest.indexOf(';');
      if (marker >= 0) {
        extra.push(`**Only when:** \`${rest.slice(marker + 1).trim()}\``);
        rest = rest.slice(0, marker).trim();
      }
      const direct = / @ /.exec(rest);
      if (direct) return { name: rest.slice(0, direct.index).trim(), extra, version: rest.slice(direct.index + 3).trim(), versionNote: 'a direct reference: installed from that URL.' };
      const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(rest);
      if (!m) return { name: rest, extra };
      if (m[2]) extra.push(`**Extras:** \`${m[2]}\` — optional dependency sets of the package, installed along with it.`);
      const version = m[3].trim();
      if (!version) return { name: m[1], extra };
      const exact = /^===?[^,*]+$/.test(version);
      const note = exact
        ? 'pinned.'
        : version.startsWith('~=')
          ? 'a compatible-release range: the newest version with the same leading parts.'
          : 'a range, not a pin: pip installs the newest version inside it.';
      return { name: m[1], version, versionNote: note, extra };
    }
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      if (/^(?:git(?:\+[a-z]+)?:|github:|gitlab:|bitbucket:|gist:|https?:|file:)/.test(text) || /^[./~]/.test(text) || /\.(?:tgz|tar\.gz|tar)$/.test(text)) {
        return { name: text, extra, local: 'Installs from a path, tarball or repository URL rather than the registry; for a git URL, `#<tag or commit>` pins it.' };
      }
      const at = text.indexOf('@', text.startsWith('@') ? 1 : 0);
      if (at <= 0) return { name: text, extra };
      const name = text.slice(0, at);
      const version = text.slice(at + 1);
      if (!version) return { name, extra };
      let note: string;
      if (/^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(version)) note = 'pinned.';
      else if (/^npm:/.test(version)) note = 'an alias: installs another package under this name.';
      else if (/^[\dxX*^~<>=|. -]+$/.test(version)) note = 'a range, not a pin: the newest matching version is installed.';
      else note = `a dist-tag, not a pin: \`${version}\` points at whatever version was last published under it.`;
      return { name, version, versionNote: note, extra };
    }
    case 'gem': {
      if (text.endsWith('.gem')) return { name: text, extra, local: 'A local `.gem` file; its version is the file\'s.' };
      const colon = text.indexOf(':');
      if (colon > 0) return { name: text.slice(0, colon), version: text.slice(colon + 1), versionNote: 'pinned.', extra };
      const v = flagValue(cmd, ['-v', '--version']);
      if (v !== undefined) return { name: text, version: v, versionNote: /^[\d.]+$/.test(v) ? 'set by `-v`: pinned.' : 'set by `-v`: a requirement, not an exact pin.', extra };
      return { name: text, extra };
    }
    case 'go': {
      if (text === '.' || /^(?:\.{1,2})?\//.test(text) || text.endsWith('.go')) return { name: text, extra, local: 'A local package: built from the source in the build context, at the versions its go.mod requires.' };
      const at = text.lastIndexOf('@');
      if (at < 0) return { name: text, extra };
      const version = text.slice(at + 1);
      const moving = ['latest', 'upgrade', 'patch', 'none', ''].includes(version);
      return { name: text.slice(0, at), version, versionNote: moving ? 'a query that moves over time, not a pin.' : 'pinned.', extra };
    }
    case 'cargo': {
      const at = text.indexOf('@');
      if (at > 0) return { name: text.slice(0, at), version: text.slice(at + 1), versionNote: 'pinned.', extra };
      const v = flagValue(cmd, ['--version', '--vers']);
      if (v !== undefined) return { name: text, version: v, versionNote: 'set by `--version`.', extra };
      return { name: text, extra };
    }
  }
}

/** The value of the first of these flags in a command (`-v 1.2`, `--version=1.2`). */
function flagValue(cmd: ShellCommand, flags: string[]): string | undefined {
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const t = a[i].text;
    if (t === '--') break;
    for (const f of flags) {
      if (t === f) return a[i + 1]?.text;
      if (t.startsWith(f + '=')) return t.slice(f.length + 1);
    }
  }
  return undefined;
}

function groupOrModule(tool: Tool, kind: 'group' | 'module', text: string, sub: string): string {
  if (kind === 'module') {
    const colon = text.indexOf(':');
    const name = colon > 0 ? text.slice(0, colon) : text;
    const stream = colon > 0 ? text.slice(colon + 1).split('/')[0] : undefined;
    return [
      `**${label(name)}** · module, installed with \`${tool} module ${sub}\``,
      'A module bundles a set of packages in several parallel streams (major versions) of one component.',
      stream
        ? `**Stream:** \`${stream}\` — the packages come from that stream; their exact versions still follow the repository.`
        : `**Stream:** not given — the module's default stream is installed. Name one with \`${name}:<stream>\`.`,
    ].join('\n\n');
  }
  const name = text.replace(/^@/, '');
  const note = TOOLS[tool].eco ? packageNote(TOOLS[tool].eco!, text) ?? packageNote(TOOLS[tool].eco!, name) : undefined;
  return [
    `**${label(name)}** · package group, installed with \`${tool}\``,
    note ?? 'A group (or pattern) names a whole set of packages at once, chosen by the distribution.',
    '**Version:** groups carry no version; each of their packages comes in the newest version the repositories offer.',
  ].join('\n\n');
}

/** One package word of an install command, as the explain document's package tables show it. */
export interface PackageSummary {
  /** The tool that installs it: `apt-get`, `pip`… */
  tool: string;
  /** What it is: `Debian/Ubuntu package`, `Python package (PyPI)`… */
  kind: string;
  /** The name without its version (the word itself for a file, URL, group or module). */
  name: string;
  /** The version part as written, if any. */
  version?: string;
  /** How the version part reads (`pinned.`, `a range, not a pin: …`). */
  versionNote?: string;
  /** A flag of the command settles the versions (`pip install -r`, `gem install -v`). */
  pinnedByFlag: boolean;
  /** Our note about the package, when we have one. */
  note?: string;
  /** A file, path, URL, group or module rather than a package name from a repository. */
  other?: string;
}

/** The package words of an install command (OS or language package manager), read as the hover reads them. */
export function packageSummaries(cmd: ShellCommand): PackageSummary[] {
  const os = osInstallOf(cmd);
  const lang = os ? undefined : langInstallOf(cmd);
  if (!os && !lang) return [];
  const tool: Tool = os ? os.spec.name : lang!.spec.name;
  const info = TOOLS[tool];
  const pinnedByFlag = !!lang?.pinnedByFlag;
  return (os?.packages ?? lang!.packages).map((w) => {
    if (os && os.kind !== 'package') {
      return { tool, kind: info.kind, name: w.text, pinnedByFlag, other: os.kind === 'group' ? 'a package group' : 'a module stream' };
    }
    const spec = parseSpec(tool, w.text, cmd);
    if (spec.local) return { tool, kind: info.kind, name: w.text, pinnedByFlag, other: spec.local };
    const note = info.eco && !VAR.test(spec.name) ? packageNote(info.eco, spec.name) : undefined;
    return { tool, kind: info.kind, name: spec.name, version: spec.version, versionNote: spec.versionNote, pinnedByFlag, note };
  });
}
