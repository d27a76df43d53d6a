/**
 * Hover on an image reference: the image of `FROM`, `COPY --from=<image>` (and `ADD --from`),
 * `RUN --mount=…,from=<image>` — whenever the reference does not name a stage (the stages
 * provider answers then). It shows how Docker reads the reference (registry, repository, tag,
 * digest, with build arguments resolved), what the image is, what each word of its tag means,
 * and how firmly it is pinned.
 *
 * The knowledge is Markdown data in `server/docs/images/` (images, tag variants, registries),
 * split into sections once, on first use.
 */
import IMAGES_MD from '../../docs/images/images.md';
import VARIANTS_MD from '../../docs/images/variants.md';
import REGISTRIES_MD from '../../docs/images/registries.md';
import type { DocModel, Instruction } from '../model/document';
import { variablesAt } from '../model/document';
import { AUTOMATIC_PLATFORM_ARGS } from '../model/variables';
import { maskVariables, parseImageRef, splitTag, versionPrecision, type ImageRef, type TagWord } from '../knowledge/image-ref';
import type { HoverProvider } from './types';
import { referenceAt, type Reference } from './stages';

// ---------------------------------------------------------------------------------------------
// The Markdown data: `## name[, name…]` sections, `*` patterns allowed in names.

export interface KnowledgeSection {
  /** The names of the heading, as written. */
  names: string[];
  /** The section's text without its heading. */
  markdown: string;
  /** Its first paragraph. */
  summary: string;
}

interface SectionTable {
  exact: Map<string, KnowledgeSection>;
  /** Patterns, most specific (most literal characters) first. */
  patterns: { re: RegExp; weight: number; section: KnowledgeSection }[];
}

/** Splits a knowledge file into its `## ` sections (headings inside fenced code are not headings). */
export function parseSections(text: string): KnowledgeSection[] {
  const out: KnowledgeSection[] = [];
  let current: { names: string[]; lines: string[] } | undefined;
  let fence = false;
  const flush = () => {
    if (!current) return;
    const markdown = current.lines.join('\n').trim();
    out.push({ names: current.names, markdown, summary: (markdown.split(/\n\s*\n/)[0] ?? '').trim() });
  };
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h = fence ? null : /^(#{1,2}) (.*)$/.exec(line);
    if (h) {
      flush();
      current = h[1] === '##' ? { names: h[2].split(',').map((n) => n.trim()).filter(Boolean), lines: [] } : undefined;
      continue;
    }
    current?.lines.push(line);
  }
  flush();
  return out;
}

function sectionTable(text: string): SectionTable {
  const table: SectionTable = { exact: new Map(), patterns: [] };
  for (const section of parseSections(text)) {
    for (const name of section.names) {
      const key = name.toLowerCase();
      if (!key.includes('*')) {
        if (!table.exact.has(key)) table.exact.set(key, section);
        continue;
      }
      const source = key.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      table.patterns.push({ re: new RegExp(`^${source}$`), weight: key.replace(/\*/g, '').length, section });
    }
  }
  table.patterns.sort((a, b) => b.weight - a.weight);
  return table;
}

function lookup(table: SectionTable, name: string): KnowledgeSection | undefined {
  const key = name.toLowerCase();
  return table.exact.get(key) ?? table.patterns.find((p) => p.re.test(key))?.section;
}

let images: SectionTable | undefined;
let variants: SectionTable | undefined;
let registries: SectionTable | undefined;

/** The section of an image, by its familiar name (`python`, `nvidia/cuda`, `gcr.io/distroless/static-debian12`). */
export function imageDoc(familiar: string): KnowledgeSection | undefined {
  return lookup((images ??= sectionTable(IMAGES_MD)), familiar);
}

/** The section of a tag word: `alpine3.20` by its text first, then by its key (`alpine`). */
export function variantDoc(word: Pick<TagWord, 'text' | 'key'>): KnowledgeSection | undefined {
  variants ??= sectionTable(VARIANTS_MD);
  return (word.text && lookup(variants, word.text)) || (word.key ? lookup(variants, word.key) : undefined);
}

/** The section of a registry host (`ghcr.io`, `123.dkr.ecr.eu-west-1.amazonaws.com`). */
export function registryDoc(host: string): KnowledgeSection | undefined {
  return lookup((registries ??= sectionTable(REGISTRIES_MD)), host);
}

// ---------------------------------------------------------------------------------------------
// The hover.

/** Words of a tag that name a moving release line rather than a version. */
const MOVING = new Set(['latest', 'lts', 'stable', 'mainline', 'edge', 'current', 'rolling', 'nightly', 'weekly', 'sid', 'unstable', 'testing', 'oldstable']);
/** Words of a tag that name one release (a distribution codename, a Windows Server release, a Node.js LTS line). */
const RELEASES = new Set([
  'jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie', 'forky',
  'xenial', 'bionic', 'focal', 'jammy', 'noble', 'oracular', 'plucky', 'questing', 'resolute',
  'ltsc2019', 'ltsc2022', 'ltsc2025', 'hydrogen', 'iron', 'jod', 'krypton',
]);

/** A Docker Hub Official Image served through a mirror: `public.ecr.aws/docker/library/python`. */
function mirroredOfficial(r: ImageRef): string | undefined {
  const host = r.registry.toLowerCase();
  if (host === 'public.ecr.aws' && /^docker\/library\/[^/]+$/.test(r.repository)) return r.repository.slice('docker/library/'.length);
  if (host === 'mirror.gcr.io' && /^library\/[^/]+$/.test(r.repository)) return r.repository.slice('library/'.length);
  return undefined;
}

/** Paragraphs of a section joined into one line, for a list item. */
function inline(section: KnowledgeSection): string {
  return section.markdown.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).join(' ');
}

function shortDigest(d: string): string {
  const m = /^([a-z0-9+._-]+):([0-9a-f]+)$/i.exec(d);
  return m && m[2].length > 12 ? `${m[1]}:${m[2].slice(0, 12)}…` : d;
}

function variableLines(model: DocModel, ins: Instruction, text: string): string[] {
  const names = maskVariables(text, model.escapeChar).variables;
  if (!names.length) return [];
  const vars = variablesAt(model, ins);
  const inFrom = ins.keyword === 'FROM';
  return names.map((name) => {
    const d = vars.get(name);
    if (d) {
      const where = `\`${d.kind}\` on line ${d.instruction.range.start.line + 1}`;
      const override = d.kind === 'ARG' ? `; \`--build-arg ${name}=…\` overrides it` : '';
      return d.value !== null
        ? `- \`${name}\` = \`${d.value}\` (${where}${override})`
        : `- \`${name}\` has no default (${where}): the value comes from \`--build-arg ${name}=…\` at build time`;
    }
    if (inFrom && AUTOMATIC_PLATFORM_ARGS.includes(name)) return `- \`${name}\` is set by BuildKit from the build or target platform`;
    const fallback = new RegExp(`\\$\\{${name}:?-`).test(text) ? 'so the default written after `-` applies' : 'so it expands to an empty string';
    return `- \`${name}\` is not declared before this line, ${fallback}${inFrom ? ' (a `FROM` sees only `ARG`s declared before the first `FROM`)' : ''}`;
  });
}

function roleText(ref: Reference): string {
  switch (ref.kind) {
    case 'from': {
      const stage = ref.ins.stage;
      return stage?.name ? `base image of stage \`${stage.name}\`` : 'base image';
    }
    case 'copy':
      return `image to copy from`;
    case 'mount':
      return 'image mounted for this `RUN`';
  }
}

function roleNote(ref: Reference, shown: string): string | undefined {
  if (ref.kind === 'copy') return `\`${ref.ins.keyword} --from\` reads files straight out of \`${shown}\`: only what you copy ends up in your image, none of its other layers.`;
  if (ref.kind === 'mount') return `Its filesystem is mounted only while this \`RUN\` runs (read-only unless \`rw\`, and writes are discarded): nothing from it is kept in the layer.`;
  return undefined;
}

function registryLine(r: ImageRef, written: string): string {
  if (!r.registryKnown) return `- **Registry**: depends on a variable in \`${written}\` (Docker Hub unless it expands to a host name)`;
  if (!r.registryExplicit) return '- **Registry**: `docker.io` — Docker Hub, the default when the name does not start with a host';
  const doc = registryDoc(r.registry);
  const hub = r.registry === 'docker.io' ? ' — Docker Hub' : '';
  return `- **Registry**: \`${r.registry}\`${hub}${doc && !hub ? ` — ${doc.summary.replace(/\s*\n\s*/g, ' ')}` : ''}`;
}

function repositoryLine(r: ImageRef): string {
  const alias = mirroredOfficial(r);
  let note = '';
  if (r.registry === 'docker.io' && r.registryKnown) {
    if (r.officialImage) note = r.defaulted.library ? ' — a Docker Official Image (`library/` is implied for single names)' : ' — a Docker Official Image';
    else if (r.namespace && !r.namespace.includes('$') && !r.problems.length) note = ` — published by the Docker Hub account \`${r.namespace}\`, not a Docker Official Image: check who maintains it and how often it is rebuilt`;
  } else if (alias) note = ` — a mirror of Docker Hub's official \`${alias}\``;
  return `- **Repository**: \`${r.repository}\`${note}`;
}

/** True when a variable at the end of the name could still bring its own tag or digest (`$IMAGE`, `app-$FLAVOUR`). */
function tagFromVariable(r: ImageRef): boolean {
  return r.tag === undefined && r.digest === undefined && r.name.includes('$');
}

function tagLines(r: ImageRef): string[] {
  const out: string[] = [];
  if (tagFromVariable(r)) return ['- **Tag** and **digest**: whatever the variable brings (`latest` if it brings none)'];
  if (r.tag !== undefined) out.push(`- **Tag**: \`${r.tag}\`${r.digest !== undefined ? ' (informative: the digest decides what is pulled)' : ''}`);
  else if (r.digest === undefined) out.push('- **Tag**: `latest` — implied, none is written');
  else out.push('- **Tag**: none — the digest decides what is pulled');
  out.push(r.digest !== undefined ? `- **Digest**: \`${shortDigest(r.digest)}\` — the exact image content` : '- **Digest**: none');
  return out;
}

/** What a version in a tag follows: `version 3.11: the tag follows 3.11.x patch releases` (also used by explain). */
export function versionText(v: string): string {
  switch (versionPrecision(v)) {
    case 'major':
      return `major version ${v}: the tag moves to every ${v}.x release, new minor versions included`;
    case 'minor':
      return `version ${v}: the tag follows ${v}.x patch releases`;
    case 'patch':
      return `version ${v}: the tag changes only when this release is rebuilt (base image or security fixes)`;
    default:
      return `version ${v}`;
  }
}

function tagWordLines(tag: string, escapeChar: string): string[] {
  const parts = splitTag(tag, escapeChar);
  const out: string[] = [];
  if (parts.version) out.push(`- \`${parts.version}\` — ${versionText(parts.version)}.`);
  const unknown: string[] = [];
  for (const w of parts.words) {
    if (w.variable) {
      out.push(`- \`${w.text}\` — set by a build argument.`);
      continue;
    }
    const doc = variantDoc(w);
    if (!doc) {
      unknown.push(`\`${w.text}\``);
      continue;
    }
    const version = w.version && !doc.names.some((n) => n.toLowerCase() === w.text.toLowerCase()) ? ` (${w.key} ${w.version})` : '';
    out.push(`- \`${w.text}\`${version} — ${inline(doc)}`);
  }
  if (unknown.length) out.push(`- ${unknown.join(', ')} — publisher-specific; see the image's tag list.`);
  return out;
}

/** How firmly an image reference is pinned, as a sentence; undefined when a variable decides (also used by explain). */
export function pinNote(r: ImageRef): string | undefined {
  if (r.digest !== undefined) {
    return '**Pinned by digest**: every build pulls exactly this content, whatever the tag points to today. Security fixes arrive only when you update the digest — let Renovate or Dependabot propose the bumps.';
  }
  if (tagFromVariable(r)) return undefined;
  if (r.tag === undefined) {
    return `**Unpinned**: without a tag Docker pulls \`latest\`, whatever was pushed last. Two builds can get different images, even a new major version. Name a version tag (\`${r.familiar}:<version>\`), and add \`@sha256:…\` for fully reproducible builds.`;
  }
  if (r.tag.includes('$')) return undefined;
  if (r.tag.toLowerCase() === 'latest') {
    return '**Unpinned**: `latest` is only the default tag name; it moves with every release, major versions included. Name a version tag, and add `@sha256:…` for fully reproducible builds.';
  }
  const parts = splitTag(r.tag);
  const versioned = !!parts.version || parts.words.some((w) => w.version !== undefined || RELEASES.has(w.key));
  if (!versioned && parts.words.some((w) => MOVING.has(w.key))) {
    return `**Moving tag**: \`${r.tag}\` names a release line, not a version, so it moves to new versions as they come out. Pin a version (and a digest) if builds must repeat.`;
  }
  if (!versioned) {
    return `**No version in the tag**: \`${r.tag}\` moves to whatever the publisher releases next. Add \`@sha256:…\` (or a versioned tag, where the image has one) when builds must repeat.`;
  }
  const precision = parts.version ? versionPrecision(parts.version) : undefined;
  const moves = precision === 'major' || precision === 'minor' ? 'moves to new releases within that version and is re-pushed for security fixes' : 'is re-pushed whenever the publisher rebuilds it (base image updates, security fixes)';
  return `**Tag without digest**: \`${r.tag}\` ${moves}, so builds a month apart can differ. That keeps you patched; add \`@sha256:…\` when the exact same image matters.`;
}

function imageMarkdown(model: DocModel, ref: Reference): string {
  const value = ref.expansion ? ref.expansion.value : ref.text;
  const out: string[] = [];
  const vars = variableLines(model, ref.ins, ref.text);

  if (value.trim().toLowerCase() === 'scratch' && (!ref.expansion || ref.expansion.complete)) {
    out.push(`**\`${ref.text}\`** · the empty image`);
    if (vars.length) out.push(`**Resolved from variables**: \`scratch\`\n\n${vars.join('\n')}`);
    const doc = imageDoc('scratch');
    if (doc) out.push(doc.markdown);
    if (ref.kind !== 'from') out.push('There is nothing to copy or mount from it: the empty image has no files.');
    return out.join('\n\n');
  }

  const r = parseImageRef(value, model.escapeChar);
  out.push(`**\`${ref.text}\`** · ${roleText(ref)}`);
  if (vars.length) {
    const head = ref.expansion?.complete
      ? `**${ref.expansion.undefinedNames.length ? 'Expands to' : 'Resolved from variables'}**: \`${value}\``
      : `**Depends on build arguments**: known only at build time${value !== ref.text ? ` (so far \`${value}\`)` : ''}${ref.kind === 'from' ? '' : '. If it expands to the name of a stage, it names that stage instead of an image'}.`;
    out.push(`${head}\n\n${vars.join('\n')}`);
  }
  const note = roleNote(ref, value);
  if (note) out.push(note);
  if (ref.kind === 'from') {
    const own = ref.ins.stage;
    const later = model.stages.find((s) => own && s.index > own.index && s.name?.toLowerCase() === value.toLowerCase());
    if (later) out.push(`A stage named \`${later.name}\` is defined later, on line ${later.from.range.start.line + 1}: \`FROM\` can only build on an earlier stage, so here the name is read as an image. Move that stage up if you meant it.`);
  }
  out.push([registryLine(r, ref.text), repositoryLine(r), ...tagLines(r)].join('\n'));
  if (r.problems.length) out.push(`**Invalid reference**: Docker would reject it — ${r.problems.join('; ')}.`);

  const familiar = mirroredOfficial(r) ?? r.familiar;
  const doc = r.registryKnown ? imageDoc(familiar) : undefined;
  if (doc) out.push(`**${familiar}** — ${doc.markdown}`);

  if (r.tag) {
    const words = tagWordLines(r.tag, model.escapeChar);
    if (words.length) out.push(`**Tag \`${r.tag}\`**\n\n${words.join('\n')}`);
  }
  const pin = pinNote(r);
  if (pin) out.push(pin);
  return out.join('\n\n');
}

export const imagesHover: HoverProvider = (q) => {
  const ref = referenceAt(q);
  if (!ref || ref.stage || ref.byIndex) return undefined;
  const value = ref.expansion ? ref.expansion.value : ref.text;
  if (!value.trim()) return undefined;
  // In an ONBUILD trigger a bare name may be a stage of the build that uses this image.
  if (ref.inTrigger && !/[:@/]/.test(value)) return undefined;
  return { markdown: imageMarkdown(q.model, ref), range: ref.range };
};
