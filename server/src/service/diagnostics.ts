/** Problems → LSP diagnostics, carrying everything the code-action handler needs in `data`. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { DocModel } from '../model/document';
import { anchorLine } from '../model/document';
import type { Fix } from '../rules/rule';
import type { Level, Problem } from './lint';

export const SOURCE = 'dockerfile-explained';
export const DOCS_BASE = 'https://github.com/dockerfile-explained/dockerfile-explained/blob/main/server/src/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

/** What a diagnostic carries for code actions. */
export interface DiagnosticData {
  rule: string;
  version: number;
  /** Line ignore pragmas for this finding go above. */
  line: number;
  fix?: Fix;
}

const SEVERITY: Record<Level, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  style: DiagnosticSeverity.Hint,
};

/** Rules whose finding means "this is deprecated". */
const DEPRECATED = new Set(['DL4000']);

export function toDiagnostic(model: DocModel, p: Problem): Diagnostic {
  const data: DiagnosticData = {
    rule: p.rule.id,
    version: model.version,
    line: p.instruction ? anchorLine(p.instruction) : p.range.start.line,
  };
  if (p.fix) data.fix = p.fix;
  const d: Diagnostic = {
    range: p.range,
    severity: SEVERITY[p.level],
    code: p.rule.id,
    codeDescription: { href: ruleDocUrl(p.rule.id) },
    source: SOURCE,
    message: p.message,
    data,
  };
  if (DEPRECATED.has(p.rule.id)) d.tags = [DiagnosticTag.Deprecated];
  return d;
}

/** Most diagnostics published for one file: beyond this an editor slows down and nobody reads them. */
export const MAX_DIAGNOSTICS = 1000;

/**
 * The first `max` diagnostics, then one informational diagnostic (no code, no actions) saying
 * how many were dropped, at the first dropped one. Fewer than `max`: the list unchanged.
 */
export function capDiagnostics(diagnostics: Diagnostic[], max = MAX_DIAGNOSTICS): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const dropped = diagnostics.length - max;
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    ...diagnostics.slice(0, max),
    {
      range: diagnostics[max].range,
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: `${n(diagnostics.length)} findings in this file: the first ${n(max)} are shown and ${n(dropped)} more were dropped. Fix them, or turn noisy rules off in dockerfileExplained.rules, to see the rest.`,
    },
  ];
}
