/**
 * What a well-formed image label looks like: the key rules Docker documents for label
 * names, and validators for the value types of hadolint's `label-schema` (url, rfc3339,
 * spdx, hash, semver, email). Pure functions over strings; no Dockerfile knowledge here.
 */

// ---------------------------------------------------------------------------------------
// Label keys

const RESERVED_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/**
 * Why a label key breaks Docker's naming guidelines (lowercase letters, digits, `.` and
 * `-`; starts with a letter, ends with a letter or digit; no `..`/`--`; not in a namespace
 * Docker reserves), or undefined when it follows them.
 */
export function labelKeyProblem(key: string): string | undefined {
  if (!key) return 'is empty';
  const reserved = RESERVED_NAMESPACES.find((ns) => key.startsWith(ns));
  if (reserved) return `uses the namespace \`${reserved}\`, which Docker reserves for itself`;
  if (/[A-Z]/.test(key) && /^[A-Za-z0-9.-]+$/.test(key)) return 'has uppercase letters; label keys are lowercase';
  const bad = [...new Set(key.replace(/[a-z0-9.-]/g, ''))];
  if (bad.length) return `contains ${[...new Set(bad.map(describeChar))].join(', ')}; use only lowercase letters, digits, \`.\` and \`-\``;
  if (!/^[a-z]/.test(key)) return 'must start with a lowercase letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a letter or a digit';
  if (key.includes('..') || key.includes('--')) return `has \`${key.includes('..') ? '..' : '--'}\`; separators must not repeat`;
  return undefined;
}

function describeChar(c: string): string {
  if (c === ' ') return 'a space';
  if (/[A-Z]/.test(c)) return 'uppercase letters';
  return c === '`' ? '"`"' : `\`${c}\``;
}

// ---------------------------------------------------------------------------------------
// URL (an absolute URI as RFC 3986 defines it: scheme ":" hier-part [ "?" query ] [ "#" fragment ])

const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const URI = new RegExp(
  '^([A-Za-z][A-Za-z0-9+.-]*):' + // scheme
    `(?://([^/?#]*)(/${PCHAR}*(?:/${PCHAR}*)*)?|(/?(?:${PCHAR}+(?:/${PCHAR}*)*)?))` + // hier-part
    `(?:\\?((?:${PCHAR}|[/?])*))?` + // query
    `(?:#((?:${PCHAR}|[/?])*))?$`, // fragment
);
const USERINFO = new RegExp(`^(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*$`);
const REG_NAME = new RegExp(`^(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*$`);

/** An absolute URI per RFC 3986 (`https://example.com/x`, `git+ssh://…`, `mailto:a@b.c`). */
export function isUrl(value: string): boolean {
  const m = URI.exec(value);
  if (!m) return false;
  const authority = m[2];
  return authority === undefined || isAuthority(authority);
}

function isAuthority(a: string): boolean {
  const at = a.lastIndexOf('@');
  if (at >= 0 && !USERINFO.test(a.slice(0, at))) return false;
  let hostPort = a.slice(at + 1);
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0 || !isIpLiteral(hostPort.slice(1, close))) return false;
    hostPort = hostPort.slice(close + 1);
    return hostPort === '' || /^:\d*$/.test(hostPort);
  }
  const colon = hostPort.lastIndexOf(':');
  const host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
  if (colon >= 0 && !/^\d*$/.test(hostPort.slice(colon + 1))) return false;
  return REG_NAME.test(host);
}

function isIpLiteral(s: string): boolean {
  if (/^v[0-9A-Fa-f]+\./i.test(s)) return new RegExp(`^v[0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+$`, 'i').test(s);
  return isIpv6(s);
}

function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIpv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...tail];
  let count = all.length;
  // An IPv4 address may end the address and counts as two groups.
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

// ---------------------------------------------------------------------------------------
// RFC 3339 date-time: 2024-05-01T12:30:00Z, 2024-05-01T12:30:00.123+02:00

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** A full RFC 3339 date-time, with a time zone (`Z` or an offset) and real calendar values. */
export function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 60) return false; // 60: a leap second
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// ---------------------------------------------------------------------------------------
// Git commit hash

/**
 * A git commit id in lowercase hex: 7 to 40 characters (abbreviated or full SHA-1), or 64
 * (a SHA-256 repository).
 */
export function isGitHash(value: string): boolean {
  return /^[0-9a-f]+$/.test(value) && ((value.length >= 7 && value.length <= 40) || value.length === 64);
}

// ---------------------------------------------------------------------------------------
// Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH[-prerelease][+build]

const NUM = '(?:0|[1-9]\\d*)';
const PRE_ID = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const SEMVER = new RegExp(`^${NUM}\\.${NUM}\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);

/** A version as semver.org defines it: `1.4.2`, `2.0.0-rc.1`, `1.0.0+build.5`; not `v1.2` or `01.2.3`. */
export function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

// ---------------------------------------------------------------------------------------
// E-mail address: an RFC 5322 addr-spec (local-part "@" domain), without comments

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"';
const DOMAIN_LITERAL = '\\[[\\x21-\\x5a\\x5e-\\x7e]*\\]';
const EMAIL = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|${DOMAIN_LITERAL})$`);

/** A bare address such as `jane@example.com` (the `Jane <jane@example.com>` form is not one). */
export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

// ---------------------------------------------------------------------------------------
// SPDX license expressions

/**
 * A bundled list of SPDX license identifiers: the licenses seen in practice (OSI-approved and
 * other common ones), plus the deprecated short forms such as `GPL-2.0` that images still use.
 * It is not the full SPDX list and may lag behind new SPDX releases.
 */
export const SPDX_LICENSES: readonly string[] = [
  '0BSD', 'AAL', 'AFL-1.1', 'AFL-1.2', 'AFL-2.0', 'AFL-2.1', 'AFL-3.0', 'AGPL-1.0-only', 'AGPL-1.0-or-later',
  'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Apache-1.0', 'Apache-1.1', 'Apache-2.0', 'APSL-1.0', 'APSL-1.1', 'APSL-1.2',
  'APSL-2.0', 'Artistic-1.0', 'Artistic-1.0-cl8', 'Artistic-1.0-Perl', 'Artistic-2.0', 'BitTorrent-1.1', 'BlueOak-1.0.0',
  'BSD-1-Clause', 'BSD-2-Clause', 'BSD-2-Clause-Patent', 'BSD-2-Clause-Views', 'BSD-3-Clause', 'BSD-3-Clause-Attribution',
  'BSD-3-Clause-Clear', 'BSD-3-Clause-LBNL', 'BSD-3-Clause-No-Nuclear-License', 'BSD-4-Clause', 'BSD-4-Clause-UC',
  'BSD-Source-Code', 'BSL-1.0', 'BUSL-1.1', 'bzip2-1.0.6', 'CAL-1.0', 'CATOSL-1.1', 'CC-BY-1.0', 'CC-BY-2.0', 'CC-BY-2.5',
  'CC-BY-3.0', 'CC-BY-4.0', 'CC-BY-NC-4.0', 'CC-BY-NC-ND-4.0', 'CC-BY-NC-SA-4.0', 'CC-BY-ND-4.0', 'CC-BY-SA-2.0',
  'CC-BY-SA-3.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'CDDL-1.0', 'CDDL-1.1', 'CDLA-Permissive-1.0', 'CDLA-Permissive-2.0',
  'CDLA-Sharing-1.0', 'CECILL-2.0', 'CECILL-2.1', 'CECILL-B', 'CECILL-C', 'ClArtistic', 'CNRI-Python', 'CPAL-1.0',
  'CPL-1.0', 'CUA-OPL-1.0', 'curl', 'ECL-1.0', 'ECL-2.0', 'EFL-1.0', 'EFL-2.0', 'Elastic-2.0', 'Entessa', 'EPL-1.0',
  'EPL-2.0', 'EUDatagrid', 'EUPL-1.0', 'EUPL-1.1', 'EUPL-1.2', 'Fair', 'Frameworx-1.0', 'FSFAP', 'FSFUL', 'FSFULLR', 'FTL',
  'GFDL-1.1-only', 'GFDL-1.1-or-later', 'GFDL-1.2-only', 'GFDL-1.2-or-later', 'GFDL-1.3-only', 'GFDL-1.3-or-later',
  'GPL-1.0-only', 'GPL-1.0-or-later', 'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later', 'HPND',
  'ICU', 'IJG', 'ImageMagick', 'Imlib2', 'Info-ZIP', 'Intel', 'IPA', 'IPL-1.0', 'ISC', 'JasPer-2.0', 'JSON',
  'LGPL-2.0-only', 'LGPL-2.0-or-later', 'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later',
  'LGPLLR', 'Libpng', 'libpng-2.0', 'libtiff', 'LiLiQ-P-1.1', 'LiLiQ-R-1.1', 'LiLiQ-Rplus-1.1', 'LPL-1.0', 'LPL-1.02',
  'LPPL-1.3c', 'MirOS', 'MIT', 'MIT-0', 'MIT-CMU', 'MIT-Modern-Variant', 'Motosoto', 'MPL-1.0', 'MPL-1.1', 'MPL-2.0',
  'MPL-2.0-no-copyleft-exception', 'MS-PL', 'MS-RL', 'MulanPSL-2.0', 'Multics', 'NASA-1.3', 'Naumen', 'NCSA', 'NGPL',
  'Nokia', 'NPL-1.0', 'NPL-1.1', 'NPOSL-3.0', 'NTP', 'ODbL-1.0', 'ODC-By-1.0', 'OFL-1.0', 'OFL-1.1', 'OGTSL', 'OLDAP-2.8',
  'OpenSSL', 'OSET-PL-2.1', 'OSL-1.0', 'OSL-2.0', 'OSL-2.1', 'OSL-3.0', 'PDDL-1.0', 'PHP-3.0', 'PHP-3.01', 'PostgreSQL',
  'PSF-2.0', 'Python-2.0', 'QPL-1.0', 'RPL-1.1', 'RPL-1.5', 'RPSL-1.0', 'RSCPL', 'Ruby', 'SGI-B-2.0', 'SimPL-2.0', 'SISSL',
  'Sleepycat', 'SMLNJ', 'SPL-1.0', 'SSPL-1.0', 'UCL-1.0', 'Unicode-3.0', 'Unicode-DFS-2015', 'Unicode-DFS-2016',
  'Unlicense', 'UPL-1.0', 'Vim', 'VSL-1.0', 'W3C', 'W3C-20150513', 'Watcom-1.0', 'WTFPL', 'X11', 'XFree86-1.1', 'Xnet',
  'YPL-1.1', 'Zend-2.0', 'Zlib', 'zlib-acknowledgement', 'ZPL-1.1', 'ZPL-2.0', 'ZPL-2.1',
  // Deprecated identifiers, still valid SPDX.
  'AGPL-1.0', 'AGPL-3.0', 'BSD-2-Clause-FreeBSD', 'BSD-2-Clause-NetBSD', 'eCos-2.0', 'GFDL-1.1', 'GFDL-1.2', 'GFDL-1.3',
  'GPL-1.0', 'GPL-1.0+', 'GPL-2.0', 'GPL-2.0+', 'GPL-3.0', 'GPL-3.0+', 'LGPL-2.0', 'LGPL-2.0+', 'LGPL-2.1', 'LGPL-2.1+',
  'LGPL-3.0', 'LGPL-3.0+', 'Nunit', 'StandardML-NJ', 'wxWindows',
];

/** SPDX license exceptions, for `<license> WITH <exception>` (bundled, like the licenses). */
export const SPDX_EXCEPTIONS: readonly string[] = [
  'Autoconf-exception-2.0', 'Autoconf-exception-3.0', 'Bison-exception-2.2', 'Bootloader-exception',
  'Classpath-exception-2.0', 'CLISP-exception-2.0', 'eCos-exception-2.0', 'FLTK-exception', 'Font-exception-2.0',
  'freertos-exception-2.0', 'GCC-exception-2.0', 'GCC-exception-3.1', 'gnu-javamail-exception',
  'GPL-3.0-linking-exception', 'GPL-3.0-linking-source-exception', 'GPL-CC-1.0', 'i2p-gpl-java-exception',
  'Libtool-exception', 'Linux-syscall-note', 'LLVM-exception', 'LZMA-exception', 'mif-exception',
  'OCaml-LGPL-linking-exception', 'OCCT-exception-1.0', 'OpenJDK-assembly-exception-1.0', 'openvpn-openssl-exception',
  'PS-or-PDF-font-exception-20170817', 'Qt-GPL-exception-1.0', 'Qt-LGPL-exception-1.1', 'Qwt-exception-1.0',
  'Swift-exception', 'u-boot-exception-2.0', 'Universal-FOSS-exception-1.0', 'WxWindows-exception-3.1',
];

/** Names people write that are not SPDX identifiers, and the identifier they usually mean. */
const COMMON_MISTAKES: Record<string, string> = {
  apache2: 'Apache-2.0',
  'apache-2': 'Apache-2.0',
  'apache 2': 'Apache-2.0',
  'apache 2.0': 'Apache-2.0',
  'apache-2.0 license': 'Apache-2.0',
  'apache2.0': 'Apache-2.0',
  'apache license 2.0': 'Apache-2.0',
  'apache license, version 2.0': 'Apache-2.0',
  'mit license': 'MIT',
  gplv2: 'GPL-2.0-only',
  'gpl-2': 'GPL-2.0-only',
  gplv3: 'GPL-3.0-only',
  'gpl-3': 'GPL-3.0-only',
  lgplv2: 'LGPL-2.0-only',
  'lgplv2.1': 'LGPL-2.1-only',
  lgplv3: 'LGPL-3.0-only',
  agplv3: 'AGPL-3.0-only',
  'mpl2': 'MPL-2.0',
  'mpl 2.0': 'MPL-2.0',
  'bsd-3': 'BSD-3-Clause',
  'bsd-2': 'BSD-2-Clause',
  'new bsd': 'BSD-3-Clause',
  'simplified bsd': 'BSD-2-Clause',
  cc0: 'CC0-1.0',
  'public domain': 'Unlicense',
};

const LICENSE_BY_LOWER = new Map(SPDX_LICENSES.map((id) => [id.toLowerCase(), id]));
const EXCEPTION_BY_LOWER = new Map(SPDX_EXCEPTIONS.map((id) => [id.toLowerCase(), id]));
const LICENSE_REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

export type SpdxResult = { ok: true } | { ok: false; problem: string; suggestion?: string };

/**
 * Checks an SPDX license expression: an identifier (`MIT`), `<id>+`, `LicenseRef-…`, or ids
 * joined by `AND`/`OR` with parentheses and `<id> WITH <exception>`. Identifiers match
 * case-insensitively, as the SPDX specification says; operators are upper or lower case.
 */
export function checkSpdx(value: string): SpdxResult {
  const trimmed = value.trim();
  if (!trimmed) return { ok: false, problem: 'is empty' };
  const suggestion = COMMON_MISTAKES[trimmed.toLowerCase()];
  if (suggestion) return { ok: false, problem: `\`${trimmed}\` is not an SPDX identifier`, suggestion };
  const tokens = trimmed.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  let error: string | undefined;
  const peek = () => tokens[i];
  const isOp = (t: string | undefined, op: string) => t === op || t === op.toLowerCase();
  const fail = (msg: string) => {
    error ??= msg;
    return false;
  };
  const simple = (): boolean => {
    const t = tokens[i++];
    if (t === undefined) return fail('ends where a license identifier was expected');
    if (t === '(') {
      if (!orExpr()) return false;
      if (tokens[i++] !== ')') return fail('has a `(` without its `)`');
      return true;
    }
    if (['AND', 'OR', 'WITH', ')'].includes(t.toUpperCase())) return fail(`has \`${t}\` where a license identifier was expected`);
    if (LICENSE_REF.test(t)) return true;
    const id = t.endsWith('+') && !LICENSE_BY_LOWER.has(t.toLowerCase()) ? t.slice(0, -1) : t;
    if (!LICENSE_BY_LOWER.has(id.toLowerCase())) return fail(`\`${t}\` is not a known SPDX license identifier`);
    if (isOp(peek(), 'WITH')) {
      i++;
      const ex = tokens[i++];
      if (ex === undefined || !EXCEPTION_BY_LOWER.has(ex.toLowerCase())) {
        return fail(ex === undefined ? 'ends after `WITH`' : `\`${ex}\` is not a known SPDX license exception`);
      }
    }
    return true;
  };
  const andExpr = (): boolean => {
    if (!simple()) return false;
    while (isOp(peek(), 'AND')) {
      i++;
      if (!simple()) return false;
    }
    return true;
  };
  const orExpr = (): boolean => {
    if (!andExpr()) return false;
    while (isOp(peek(), 'OR')) {
      i++;
      if (!andExpr()) return false;
    }
    return true;
  };
  if (!orExpr()) return { ok: false, problem: error ?? 'is not an SPDX expression' };
  if (i < tokens.length) return { ok: false, problem: `has \`${tokens[i]}\` where \`AND\`, \`OR\` or the end was expected` };
  return { ok: true };
}

/** Whether a value is a valid SPDX license expression (see `checkSpdx`). */
export function isSpdx(value: string): boolean {
  return checkSpdx(value).ok;
}
