/**
 * Image references as the Docker client and BuildKit read them (`FROM`, `COPY --from`, RUN
 * `--mount=…,from=`): `[registry/]path[:tag][@digest]`.
 *
 * - The first `/`-separated component is a registry host when it contains a `.` or a `:` (a
 *   port), is `localhost`, or has an upper-case letter (repository paths are lower case only);
 *   otherwise the whole name lives on Docker Hub (`docker.io`).
 * - On Docker Hub a one-component name is an Official Image in the `library/` namespace.
 * - The tag follows the last `:` after the last `/` (a `:` before a `/` is a registry port);
 *   the digest follows `@`. With neither, the builder pulls `latest`; with a digest, the tag
 *   is only informative and the digest decides what is pulled.
 *
 * Variables (`$NAME`, `${NAME…}`) are left as written and reported: the parts are split around
 * them, and `registryKnown` says whether a variable could still change the registry.
 */

export interface ImageRef {
  /** The reference as given. */
  text: string;
  /** The registry host, normalized: `docker.io` when none is written (`index.docker.io` too). */
  registry: string;
  /** True when the reference names its registry. */
  registryExplicit: boolean;
  /** The repository path as written, without registry, tag and digest: `python`, `bitnami/redis`. */
  path: string;
  /** The full repository path on its registry: `library/python` for Docker Hub's single names. */
  repository: string;
  /** Path components before the last one (`library`, `bitnami`, `distroless`); empty for a single name elsewhere. */
  namespace: string;
  /** The last path component: `python`, `static-debian12`. */
  name: string;
  /** The tag as written, if any. */
  tag?: string;
  /** `sha256:…` as written, if any. */
  digest?: string;
  /** The tag the builder asks for: the written one, or `latest` when neither tag nor digest is written. */
  effectiveTag?: string;
  /** What the reference leaves to defaults. */
  defaulted: { registry: boolean; library: boolean; tag: boolean };
  /** The short name people write: `python`, `bitnami/redis`, `gcr.io/distroless/static-debian12`. */
  familiar: string;
  /** True when `library/` was written out (`library/python`, `docker.io/library/python`). */
  officialImage: boolean;
  /** Variable names left unexpanded, in order of appearance (each once). */
  variables: string[];
  /** False when a variable sits where it could change which registry the name resolves to. */
  registryKnown: boolean;
  /** What Docker would reject in this reference (only for parts without variables). */
  problems: string[];
}

export const DOCKER_HUB = 'docker.io';
const LEGACY_HUB = ['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];

/**
 * The reference with every variable reference replaced by `v` characters (same length), so
 * separators inside `${VAR:-a/b:c}` do not split it, and the variable names.
 */
export function maskVariables(text: string, escapeChar = '\\'): { masked: string; variables: string[] } {
  let masked = '';
  const variables: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === escapeChar && text[i + 1] === '$') {
      masked += c + '$';
      i += 2;
      continue;
    }
    if (c === '$' && text[i + 1] === '{') {
      let depth = 0;
      let end = i + 1;
      for (; end < text.length; end++) {
        if (text[end] === '{') depth++;
        else if (text[end] === '}' && --depth === 0) break;
      }
      end = Math.min(end + 1, text.length);
      const name = /^\$\{([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, end))?.[1];
      if (name && !variables.includes(name)) variables.push(name);
      masked += 'v'.repeat(end - i);
      i = end;
      continue;
    }
    const bare = c === '$' ? /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1)) : null;
    if (bare) {
      if (!variables.includes(bare[0])) variables.push(bare[0]);
      masked += 'v'.repeat(bare[0].length + 1);
      i += bare[0].length + 1;
      continue;
    }
    masked += c;
    i++;
  }
  return { masked, variables };
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9A-Fa-f:]+\])(?::[0-9]+)?$/;

export function parseImageRef(text: string, escapeChar = '\\'): ImageRef {
  const { masked, variables } = maskVariables(text, escapeChar);
  const problems: string[] = [];
  const has$ = (from: number, to: number) => masked.slice(from, to) !== text.slice(from, to);

  // Digest: after the first `@` (a digest has no `@` of its own).
  const at = masked.indexOf('@');
  const nameEnd = at < 0 ? text.length : at;
  const digest = at < 0 ? undefined : text.slice(at + 1);
  if (digest !== undefined && !has$(at + 1, text.length)) {
    if (!DIGEST.test(digest)) problems.push(`\`${digest}\` is not a digest (\`sha256:\` and 64 hex digits)`);
    else if (/^sha256:/.test(digest) && !/^sha256:[0-9a-f]{64}$/.test(digest)) problems.push('a sha256 digest has exactly 64 lower-case hex digits');
  }

  // Tag: after the last `:` that follows the last `/`.
  const head = masked.slice(0, nameEnd);
  const colon = head.lastIndexOf(':');
  const tagStart = colon > head.lastIndexOf('/') ? colon : -1;
  const pathEnd = tagStart < 0 ? nameEnd : tagStart;
  const tag = tagStart < 0 ? undefined : text.slice(tagStart + 1, nameEnd);
  if (tag !== undefined && !has$(tagStart + 1, nameEnd) && !TAG.test(tag)) {
    problems.push(tag === '' ? 'the tag after `:` is empty' : `\`${tag}\` is not a valid tag (letters, digits, \`_\`, \`.\`, \`-\`; at most 128; not starting with \`.\` or \`-\`)`);
  }

  // Registry: the first component when it looks like a host.
  const slash = head.slice(0, pathEnd).indexOf('/');
  let registryExplicit = false;
  let registry = DOCKER_HUB;
  let pathStart = 0;
  if (slash > 0) {
    const first = masked.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase()) {
      registryExplicit = true;
      registry = text.slice(0, slash);
      pathStart = slash + 1;
      if (!has$(0, slash) && !HOST.test(registry)) problems.push(`\`${registry}\` is not a valid registry host`);
    }
  }
  if (LEGACY_HUB.includes(registry.toLowerCase())) registry = DOCKER_HUB;
  const path = text.slice(pathStart, pathEnd);
  // A variable in the first component, or in a one-component name, could turn into a host.
  const firstEnd = slash > 0 ? slash : pathEnd;
  const registryKnown = !has$(0, firstEnd);

  const maskedPath = masked.slice(pathStart, pathEnd);
  if (path === '') problems.push('the repository name is empty');
  else {
    const comps = maskedPath.split('/');
    if (comps.some((c) => c !== c.toLowerCase())) problems.push('repository names must be lower case');
    else if (comps.some((c) => !PATH_COMPONENT.test(c))) problems.push(`\`${path}\` is not a valid repository path (lower-case letters, digits and single \`.\`, \`_\`, \`__\` or \`-\` separators)`);
  }
  if (!has$(0, pathEnd) && (registryExplicit ? registry.length + 1 : 0) + path.length > 255) problems.push('the repository name is longer than 255 characters');

  const isHub = registry === DOCKER_HUB;
  const library = isHub && path !== '' && !maskedPath.includes('/') && registryKnown;
  const repository = library ? `library/${path}` : path;
  const lastSlash = repository.lastIndexOf('/');
  const officialImage = isHub && repository.startsWith('library/') && !repository.slice(8).includes('/');
  const familiar = isHub ? (officialImage ? repository.slice(8) : repository) : `${registry}/${path}`;
  return {
    text,
    registry,
    registryExplicit,
    path,
    repository,
    namespace: lastSlash < 0 ? '' : repository.slice(0, lastSlash),
    name: repository.slice(lastSlash + 1),
    tag,
    digest,
    effectiveTag: tag ?? (digest === undefined ? 'latest' : undefined),
    defaulted: { registry: !registryExplicit, library, tag: tag === undefined && digest === undefined },
    familiar,
    officialImage,
    variables,
    registryKnown,
    problems,
  };
}

/** The canonical form the builder pulls: `docker.io/library/python:latest`, with the digest when given. */
export function canonicalRef(ref: ImageRef): string {
  let out = `${ref.registry}/${ref.repository}`;
  if (ref.effectiveTag !== undefined) out += `:${ref.effectiveTag}`;
  if (ref.digest !== undefined) out += `@${ref.digest}`;
  return out;
}

/** One `-`-separated word of a tag: `alpine3.20` is key `alpine`, version `3.20`. */
export interface TagWord {
  /** As written: `alpine3.20`, `eclipse-temurin`, `ltsc2022`. */
  text: string;
  /** Lower case, without a trailing version: `alpine`, `eclipse-temurin`, `ltsc`. */
  key: string;
  /** A version glued to the word (`3.20` in `alpine3.20`) or following it (`21` in `temurin-21`). */
  version?: string;
  /** True when the word contains a variable. */
  variable?: boolean;
}

export interface TagParts {
  /** The leading version (`3.11` in `3.11-slim-bookworm`, `v3.0` in `v3.0`), if the tag starts with one. */
  version?: string;
  words: TagWord[];
}

/** Variant names that contain a `-` of their own. */
const COMPOUND_WORDS = ['eclipse-temurin', 'ibm-semeru'];

/**
 * Splits a tag into its version and variant words: `3.11-slim-bookworm` → version `3.11`,
 * words `slim`, `bookworm`; `22-alpine3.20` → version `22`, word `alpine3.20` (alpine 3.20);
 * `3.9-eclipse-temurin-21` → version `3.9`, word `eclipse-temurin` with version `21`.
 */
export function splitTag(tag: string, escapeChar = '\\'): TagParts {
  const { masked } = maskVariables(tag, escapeChar);
  const parts: { text: string; variable: boolean }[] = [];
  let start = 0;
  for (let i = 0; i <= masked.length; i++) {
    if (i === masked.length || masked[i] === '-') {
      if (i > start) parts.push({ text: tag.slice(start, i), variable: masked.slice(start, i) !== tag.slice(start, i) });
      start = i + 1;
    }
  }
  const out: TagParts = { words: [] };
  let i = 0;
  if (parts[0] && !parts[0].variable && /^v?\d/i.test(parts[0].text)) {
    out.version = parts[0].text;
    i = 1;
  }
  for (; i < parts.length; i++) {
    const p = parts[i];
    if (p.variable) {
      out.words.push({ text: p.text, key: '', variable: true });
      continue;
    }
    const lower = p.text.toLowerCase();
    const compound = COMPOUND_WORDS.find((c) => {
      const n = c.split('-').length;
      return (
        parts
          .slice(i, i + n)
          .map((q) => q.text.toLowerCase())
          .join('-') === c
      );
    });
    if (compound) {
      const n = compound.split('-').length;
      out.words.push({ text: parts.slice(i, i + n).map((q) => q.text).join('-'), key: compound });
      i += n - 1;
    } else {
      const glued = /^([a-z]+)(\d[\d.]*)$/.exec(lower);
      out.words.push(glued ? { text: p.text, key: glued[1], version: glued[2] } : { text: p.text, key: lower });
    }
    // A bare number after a word is that word's version: `temurin-21`, `ea-11`, `windowsservercore-1809`.
    const next = parts[i + 1];
    const word = out.words[out.words.length - 1];
    if (next && !next.variable && /^\d[\d.]*$/.test(next.text) && word.version === undefined) {
      word.version = next.text;
      word.text += `-${next.text}`;
      i++;
    }
  }
  return out;
}

/**
 * How far a version tag follows new releases: `3` follows every minor release, `3.11` every
 * patch release, `3.11.9` only rebuilds of that release.
 */
export function versionPrecision(version: string): 'major' | 'minor' | 'patch' | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/i.exec(version);
  if (!m) return undefined;
  return m[3] !== undefined ? 'patch' : m[2] !== undefined ? 'minor' : 'major';
}
