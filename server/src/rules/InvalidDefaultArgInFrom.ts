import doc from './InvalidDefaultArgInFrom.md';
import { defineRule } from './rule';
import type { DocModel } from '../model/document';
import { expand } from '../model/variables';
import { expandedWords, unquote, variableRefs } from './util';

/** What the builder sets its automatic platform arguments to before any --build-arg (a linux/amd64 build). */
const PLATFORM_DEFAULTS: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  TARGETOSVERSION: '',
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
  BUILDOSVERSION: '',
};

export default defineRule({
  id: 'InvalidDefaultArgInFrom',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    const { model } = ctx;
    const defaults = defaultValues(model);
    const lookup = (name: string) => defaults.get(name);
    for (const stage of model.stages) {
      const image = stage.image;
      // Only images built from variables: a literal bad reference is a plain syntax error.
      if (!image || !stage.imageRange || !image.includes('$') || /["']/.test(image)) continue;
      const e = expand(image, lookup, model.escapeChar);
      // Quotes inside the values are removed by the builder's expansion, not by ours: not judged.
      if (!e.complete || /["']/.test(e.value) || isImageReference(e.value)) continue;
      const names = [...new Set(variableRefs(model, stage.from).filter((r) => !defaults.get(r.name)).map((r) => r.name))];
      const unset = names.length ? ` Give ${names.map((n) => `\`${n}\``).join(', ')} a default value.` : '';
      ctx.report({
        range: stage.imageRange,
        message: e.value
          ? `With the default values of its build arguments, \`${image}\` becomes \`${e.value}\`, which is not a valid image reference.${unset}`
          : `With the default values of its build arguments, \`${image}\` becomes an empty image name.${unset}`,
        instruction: stage.from,
      });
    }
  },
});

/** The global build arguments as the builder sets them with no --build-arg: defaults expanded in order. */
function defaultValues(model: DocModel): Map<string, string> {
  const out = new Map(Object.entries(PLATFORM_DEFAULTS));
  const last = model.stages[model.stages.length - 1];
  out.set('TARGETSTAGE', last?.name ?? '');
  // Every word of an ARG is one argument: `name` (no default) or `name=default`.
  for (const ins of model.instructions) {
    if (ins.stage || ins.keyword !== 'ARG') continue;
    for (const w of expandedWords(model, ins)) {
      const eq = w.text.indexOf('=');
      if (eq < 0) continue;
      out.set(w.text.slice(0, eq), expand(unquote(w.text.slice(eq + 1)), (n) => out.get(n), model.escapeChar).value);
    }
  }
  return out;
}

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/**
 * Whether a string is an image reference the builder accepts (`alpine`, `ghcr.io/o/app:1.2`,
 * `name@sha256:…`): the Docker reference grammar, with Docker Hub's defaults filled in.
 */
export function isImageReference(s: string): boolean {
  if (!s || /^[a-f0-9]{64}$/.test(s)) return false;
  const slash = s.indexOf('/');
  let domain = 'docker.io';
  let rest = s;
  if (slash >= 0) {
    const first = s.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase()) {
      domain = first;
      rest = s.slice(slash + 1);
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  const colon = rest.indexOf(':');
  const repo = colon < 0 ? rest : rest.slice(0, colon);
  if (repo !== repo.toLowerCase()) return false;
  const m = REFERENCE.exec(`${domain}/${rest}`);
  if (!m || m[1].length > 255) return false;
  if (m[3]) {
    const [algorithm, hex] = m[3].split(':');
    if (DIGEST_LENGTHS[algorithm] !== hex.length) return false;
  }
  return true;
}
