import doc from './FromPlatformFlagConstDisallowed.md';
import { defineRule } from './rule';
import { unquote } from './util';

/** Operating systems a one-part platform may name (Go's GOOS values, and `macos`). */
const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'macos', 'nacl',
  'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
]);
/** Architectures a one-part platform may name (Go's GOARCH values). */
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le',
  'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);
/** Other spellings of architectures, as the builder reads them. */
const ARCH_ALIASES = new Map([
  ['i386', '386'], ['i486', '386'], ['i586', '386'], ['i686', '386'],
  ['x86_64', 'amd64'], ['x86-64', 'amd64'],
  ['aarch64', 'arm64'], ['armhf', 'arm'], ['armel', 'arm'],
]);

interface Platform {
  /** Lowercase, normalised (`macos` → `darwin`); undefined when only an architecture is given. */
  os?: string;
  /** Lowercase, normalised (`x86_64` → `amd64`); undefined when only an OS is given. */
  arch?: string;
  /** The parts as written, lowercased (`aarch64`). */
  written: string[];
}

/**
 * Reads `os[/arch[/variant]]` the way the builder's platform parser does: one to three parts of
 * letters, digits, `_` and `-` (an OS may carry a version in parentheses, `windows(10.0.17763)`);
 * a single part must be a known OS or architecture. Undefined when it is not a platform.
 */
function parsePlatform(value: string): Platform | undefined {
  const parts = value.split('/');
  if (parts.length > 3) return undefined;
  const osPart = /^([A-Za-z0-9_-]+)(?:\([A-Za-z0-9_.-]*\))?$/.exec(parts[0]);
  if (!osPart || !parts.slice(1).every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  const normOs = (os: string) => (os === 'macos' ? 'darwin' : os);
  const normArch = (arch: string) => ARCH_ALIASES.get(arch) ?? arch;
  const written = [osPart[1], ...parts.slice(1)].map((p) => p.toLowerCase());
  if (parts.length === 1) {
    if (KNOWN_OS.has(written[0])) return { os: normOs(written[0]), written };
    const arch = normArch(written[0]);
    return KNOWN_ARCH.has(arch) ? { arch, written } : undefined;
  }
  return { os: normOs(written[0]), arch: normArch(written[1]), written };
}

export default defineRule({
  id: 'FromPlatformFlagConstDisallowed',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('FROM')) {
      const flag = ins.flags.find((f) => f.name.toLowerCase() === 'platform');
      if (!flag?.value || !flag.valueRange) continue;
      const value = unquote(flag.value);
      // Any variable (`$BUILDPLATFORM`, `${TARGETOS}/amd64`) lets the build decide.
      if (value.includes('$')) continue;
      const platform = parsePlatform(value);
      if (!platform) continue;
      // A stage named after its platform (`AS build-arm64`) is pinned on purpose.
      const name = ctx.model.stages.find((s) => s.from === ins)?.name?.toLowerCase() ?? '';
      const mentions = [platform.os, platform.arch, ...platform.written.slice(0, 2)].some((w) => !!w && name.includes(w));
      if (mentions) continue;
      const example = platform.arch ?? platform.os;
      ctx.report({
        range: flag.valueRange,
        message: `\`--platform=${flag.value}\` pins this stage to one platform, whatever platform the build is for; use \`$BUILDPLATFORM\` or \`$TARGETPLATFORM\`, leave the flag out, or, if the stage must run there, say so in its name (\`AS …-${example}\`).`,
        instruction: ins,
      });
    }
  },
});
