/** `# hadolint ignore=…`, `# hadolint global ignore=…` and `# check=skip=…`. */
import type { DocModel } from '../model/document';

export interface Suppressions {
  /** line → codes ignored on that line (the line after the pragma). */
  byLine: Map<number, Set<string>>;
  global: Set<string>;
  /** BuildKit check names skipped by the `check` directive; `all` skips every check. */
  checkSkip: Set<string>;
}

// `hadolint ignore=DL3008, DL3015 # reason` (the comment text after `#`).
const IGNORE = /^hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*)\s*(?:#.*)?$/;

export function parseIgnorePragma(content: string): { global: boolean; codes: string[] } | null {
  const m = IGNORE.exec(content.trim());
  if (!m) return null;
  return { global: !!m[1], codes: m[2].split(',').map((s) => s.trim()).filter(Boolean) };
}

export function collectSuppressions(model: DocModel, honourPragmas: boolean): Suppressions {
  const s: Suppressions = { byLine: new Map(), global: new Set(), checkSkip: new Set() };
  if (honourPragmas) {
    for (const c of model.comments) {
      const p = parseIgnorePragma(c.content);
      if (!p) continue;
      if (p.global) p.codes.forEach((code) => s.global.add(code));
      else {
        const set = s.byLine.get(c.line + 1) ?? new Set<string>();
        p.codes.forEach((code) => set.add(code));
        s.byLine.set(c.line + 1, set);
      }
    }
  }
  // BuildKit's per-instruction form: `# check=skip=Rule` in the comment block above an instruction.
  const commentLines = new Set(model.comments.map((c) => c.line));
  for (const c of model.comments) {
    const m = /^check\s*=\s*skip\s*=\s*([A-Za-z0-9,]+)/.exec(c.content);
    if (!m || model.directives.some((d) => d.range.start.line === c.line)) continue;
    let target = c.line + 1;
    while (commentLines.has(target)) target++;
    const set = s.byLine.get(target) ?? new Set<string>();
    m[1].split(',').forEach((name) => name.trim() && set.add(name.trim()));
    s.byLine.set(target, set);
  }
  const check = model.directives.find((d) => d.name === 'check');
  if (check) {
    for (const part of check.value.split(';')) {
      const [k, v] = part.split('=', 2).map((x) => x.trim());
      if (k === 'skip' && v) v.split(',').forEach((name) => s.checkSkip.add(name.trim()));
    }
  }
  return s;
}
