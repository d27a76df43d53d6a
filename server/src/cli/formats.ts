/**
 * Output formats other than SARIF: `tty` for people, `json` (hadolint's shape plus
 * ranges), `checkstyle` XML, Code Climate issues and GitLab Code Quality reports.
 */
import type { Level, Problem } from '../service/lint';
import { fingerprints, reportPath, type FileResult, type RunReport } from './report';

// ---- tty ----------------------------------------------------------------------------

const COLORS: Record<Level, string> = { error: '31', warning: '33', info: '36', style: '90' };

export function formatTty(report: RunReport): string {
  let out = '';
  for (const f of report.files) {
    for (const p of f.problems) out += ttyItem(f.name, f.model.lines.lineText(p.range.start.line), p, report.color);
  }
  return out;
}

function ttyItem(file: string, lineText: string, p: Problem, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const { start, end } = p.range;
  const head = `${file}:${start.line + 1}:${start.character + 1} ${paint('1', p.rule.id)} ${paint(COLORS[p.level], p.level)}: ${p.message}`;
  const caretEnd = end.line === start.line ? end.character : lineText.length;
  const width = Math.max(1, caretEnd - start.character);
  const gutter = String(start.line + 1);
  const shown = lineText.replace(/\t/g, ' ');
  return `${head}\n  ${gutter} | ${shown}\n  ${' '.repeat(gutter.length)} | ${' '.repeat(start.character)}${paint(COLORS[p.level], '^'.repeat(width))}${p.fix ? `  (fix: ${p.fix.title})` : ''}\n`;
}

// ---- json -----------------------------------------------------------------------------

/** hadolint's `{file, line, column, level, code, message}` plus the end of the range and whether a fix exists. */
export function formatJson(report: RunReport): string {
  const items = report.files.flatMap((f) =>
    f.problems.map((p) => ({
      file: f.name,
      line: p.range.start.line + 1,
      column: p.range.start.character + 1,
      endLine: p.range.end.line + 1,
      endColumn: p.range.end.character + 1,
      code: p.rule.id,
      level: p.level,
      message: p.message,
      fixable: !!p.fix,
    })),
  );
  return JSON.stringify(items, null, 2) + '\n';
}

// ---- checkstyle -------------------------------------------------------------------------

/** Checkstyle knows error, warning and info; style findings are reported as info. */
const CHECKSTYLE_SEVERITY: Record<Level, string> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

/**
 * Escapes text for an XML 1.0 attribute value: markup characters as entities, white space
 * as character references (so attribute normalisation keeps it), characters XML 1.0 cannot
 * hold (other control characters, unpaired surrogates) replaced by U+FFFD.
 */
export function xmlAttr(s: string): string {
  return s.replace(/[&<>"'\t\n\r]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      case '\t':
        return '&#9;';
      case '\n':
        return '&#10;';
      case '\r':
        return '&#13;';
      default:
        return '\uFFFD';
    }
  });
}

/** Every linted file gets a `<file>` element, with one `<error>` per finding. */
export function formatCheckstyle(report: RunReport): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const f of report.files) {
    if (!f.problems.length) {
      out += `  <file name="${xmlAttr(f.name)}"/>\n`;
      continue;
    }
    out += `  <file name="${xmlAttr(f.name)}">\n`;
    for (const p of f.problems) {
      out +=
        `    <error line="${p.range.start.line + 1}" column="${p.range.start.character + 1}"` +
        ` severity="${CHECKSTYLE_SEVERITY[p.level]}" message="${xmlAttr(p.message)}" source="${xmlAttr(p.rule.id)}"/>\n`;
    }
    out += '  </file>\n';
  }
  return out + '</checkstyle>\n';
}

// ---- Code Climate and GitLab Code Quality ----------------------------------------------

/** Code Climate / GitLab severities: info < minor < major < critical < blocker. */
const CODECLIMATE_SEVERITY: Record<Level, string> = { error: 'blocker', warning: 'major', info: 'minor', style: 'info' };

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

function issues(report: RunReport, f: FileResult): CodeQualityIssue[] {
  const path = reportPath(f, report.cwd);
  const prints = fingerprints(path, f.problems);
  return f.problems.map((p, i) => ({
    description: p.message,
    check_name: p.rule.id,
    fingerprint: prints[i],
    severity: CODECLIMATE_SEVERITY[p.level],
    location: { path, lines: { begin: p.range.start.line + 1, end: p.range.end.line + 1 } },
  }));
}

/**
 * Code Climate engine output: one JSON issue per finding, each followed by a NUL byte
 * (the engine protocol's separator, which hadolint writes too). The rule's doc goes in
 * `content.body`, which Code Climate shows as the issue's explanation.
 */
export function formatCodeclimate(report: RunReport): string {
  let out = '';
  for (const f of report.files) {
    issues(report, f).forEach((issue, i) => {
      const p = f.problems[i];
      const full = {
        type: 'issue',
        check_name: issue.check_name,
        description: issue.description,
        content: { body: p.rule.doc },
        categories: [p.level === 'style' ? 'Style' : 'Bug Risk'],
        location: issue.location,
        fingerprint: issue.fingerprint,
        severity: issue.severity,
      };
      out += JSON.stringify(full) + '\u0000';
    });
  }
  return out;
}

/** A GitLab Code Quality report: one JSON array of issues. */
export function formatGitlab(report: RunReport): string {
  return JSON.stringify(report.files.flatMap((f) => issues(report, f)), null, 2) + '\n';
}
