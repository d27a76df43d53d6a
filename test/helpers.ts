/** Test helpers: lint text and render findings and fixes the way a user sees them. */
import './setup';
import type { TextEdit } from 'vscode-languageserver-types';
import { parseDocument } from '../server/src/model/document';
import { lint, type Problem } from '../server/src/service/lint';
import { findRule } from '../server/src/rules';
import { normalizeSettings } from '../server/src/settings';
import { parseHadolintConfig } from '../server/src/config/hadolint';
import type { Rule } from '../server/src/rules/rule';

/**
 * Settings for testing one rule: a rule that is off by default (DL1001, DL3057) is switched
 * on unless the test's own settings say something about it.
 */
function settingsFor(rule: Rule, settings: unknown) {
  const s = normalizeSettings(settings);
  if (rule.severity === 'off' && !rule.aliases?.concat(rule.id).some((n) => s.rules[n])) s.rules[rule.id] = 'info';
  return s;
}

export function problems(text: string, settings: unknown = {}): Problem[] {
  return lint(parseDocument(text), { settings: normalizeSettings(settings) });
}

/**
 * Findings of one rule as `line:col-line:col` (1-based, end exclusive) — only that rule runs.
 * `hadolintYaml` is the text of a `.hadolint.yaml` to apply (label-schema, trustedRegistries…);
 * `dockerignore` the text of the build context's `.dockerignore` (CopyIgnoredFile).
 */
export function findings(text: string, id: string, settings: unknown = {}, hadolintYaml?: string, dockerignore?: string): string[] {
  const rule = findRule(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const hadolint = hadolintYaml === undefined ? undefined : parseHadolintConfig(hadolintYaml);
  return lint(parseDocument(text), { settings: settingsFor(rule, settings), rules: [rule], hadolint, dockerignore }).map(
    (p) => `${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.line + 1}:${p.range.end.character + 1}`,
  );
}

/** Messages of one rule's findings. */
export function messages(text: string, id: string, hadolintYaml?: string): string[] {
  const rule = findRule(id)!;
  const hadolint = hadolintYaml === undefined ? undefined : parseHadolintConfig(hadolintYaml);
  return lint(parseDocument(text), { settings: settingsFor(rule, {}), rules: [rule], hadolint }).map((p) => p.message);
}

/** Applies the fix of the n-th finding of a rule and returns the new text. */
export function fixed(text: string, id: string, n = 0, settings: unknown = {}, hadolintYaml?: string): string {
  const rule = findRule(id)!;
  const hadolint = hadolintYaml === undefined ? undefined : parseHadolintConfig(hadolintYaml);
  const ps = lint(parseDocument(text), { settings: settingsFor(rule, settings), rules: [rule], hadolint });
  const fix = ps[n]?.fix;
  if (!fix) throw new Error(`finding ${n} of ${id} has no fix (${ps.length} findings)`);
  return applyEdits(text, fix.edits);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const doc = parseDocument(text);
  const withOffsets = edits
    .map((e) => ({ start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
