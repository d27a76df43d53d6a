import doc from './DL3026.md';
import { defineRule } from './rule';
import { expandVars, mountFroms, stageByRef } from './util';
import type { DocModel, Instruction } from '../model/document';
import { variablesAt } from '../model/document';
import type { Range } from 'vscode-languageserver-types';

export default defineRule({
  id: 'DL3026',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    const trusted = ctx.config.trustedRegistries;
    if (!trusted.length) return;
    const { model } = ctx;
    const list = trusted.join(', ');
    const checkRef = (ref: string, range: Range, ins: Instruction, what: string) => {
      const reg = registryOf(ref);
      if (isTrusted(reg.name, trusted)) return;
      const regRange = reg.explicit ? partRange(model, range, reg.name.length) : range;
      ctx.report({
        range: regRange,
        message: reg.explicit
          ? `${what} \`${ref}\` comes from \`${reg.name}\`, which is not in trustedRegistries (${list}).`
          : `${what} \`${ref}\` comes from Docker Hub (docker.io), which is not in trustedRegistries (${list}).`,
        instruction: ins,
      });
    };
    for (const stage of model.stages) {
      const image = stage.image;
      // `FROM build` names an earlier stage, not an image.
      if (!image || !stage.imageRange || stage.parent || image.toLowerCase() === 'scratch') continue;
      // Global ARG defaults substituted; undefined when a variable has no value yet.
      const resolved = image.includes('$') ? expandVars(image, variablesAt(model, stage.from)) : image;
      if (resolved === undefined) continue;
      if (resolved === image) {
        checkRef(image, stage.imageRange, stage.from, 'Base image');
        continue;
      }
      // With a variable substituted, the registry has no place of its own in the text.
      const reg = registryOf(resolved);
      if (isTrusted(reg.name, trusted)) continue;
      ctx.report({
        range: stage.imageRange,
        message: `Base image \`${resolved}\` (from \`${image}\`) comes from \`${reg.name}\`, which is not in trustedRegistries (${list}).`,
        instruction: stage.from,
      });
    }
    for (const ins of ctx.instructions('COPY')) {
      for (const f of ins.flags) {
        if (f.name.toLowerCase() !== 'from' || !f.value || !f.valueRange) continue;
        if (isStageOrUnknown(model, f.value)) continue;
        checkRef(f.value, f.valueRange, ins, 'Image');
      }
    }
    for (const ins of ctx.instructions('RUN')) {
      for (const m of mountFroms(model, ins)) {
        if (isStageOrUnknown(model, m.from)) continue;
        checkRef(m.from, m.range, ins, 'Mounted image');
      }
    }
  },
});

/** A stage name or index, or a value with a variable we cannot resolve: not an image to check. */
function isStageOrUnknown(model: DocModel, ref: string): boolean {
  return !!stageByRef(model, ref) || /^\d+$/.test(ref) || ref.includes('$') || ref.toLowerCase() === 'scratch';
}

/**
 * The registry of an image reference, as Docker reads it: the first path component when it
 * looks like a host (has a `.` or a `:`, or is `localhost`), else Docker Hub.
 */
export function registryOf(ref: string): { name: string; explicit: boolean } {
  const slash = ref.indexOf('/');
  if (slash > 0) {
    const first = ref.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') return { name: first, explicit: true };
  }
  return { name: 'docker.io', explicit: false };
}

/**
 * Whether a registry matches one of the trusted patterns: `*` matches any registry, `*.x`
 * any name ending in `.x`, `x*` any name starting with `x`, else the name itself. Host names
 * compare without case, and a pattern without a port also matches the host on any port.
 * Docker Hub answers to `docker.io` and `hub.docker.com`.
 */
export function isTrusted(registry: string, patterns: readonly string[]): boolean {
  const lower = registry.toLowerCase();
  const names = DOCKER_HUB.includes(lower) ? ['docker.io', 'hub.docker.com'] : [lower];
  return names.some((name) => {
    const host = name.replace(/:\d+$/, '');
    return patterns.some((raw) => {
      const p = raw.toLowerCase();
      const cands = p.includes(':') ? [name] : [name, host];
      return cands.some((n) => matches(p, n));
    });
  });
}

const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com'];

function matches(pattern: string, name: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return name.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return name.startsWith(pattern.slice(0, -1));
  return name === pattern;
}

/** The first `length` characters of a one-line range. */
function partRange(model: DocModel, range: Range, length: number): Range {
  const start = model.lines.offsetAt(range.start);
  return model.lines.range(start, Math.min(start + length, model.lines.offsetAt(range.end)));
}
