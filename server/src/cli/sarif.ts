/**
 * SARIF 2.1.0 output for GitHub code scanning and other SARIF viewers: one run, the rules
 * that have results (title, summary, doc, doc link, default level), results with exact
 * regions, and the rule's fix as a SARIF `fix` where it has one.
 */
import { pathToFileURL } from 'node:url';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Level } from '../service/lint';
import { buildkitName } from '../service/lint';
import { ruleDocUrl } from '../service/diagnostics';
import type { Rule, Severity } from '../rules/rule';
import { relativeToCwd } from './files';
import { fingerprints, reportPath, type FileResult, type RunReport } from './report';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/dockerfile-explained/dockerfile-explained';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const LEVEL: Record<Level, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

function defaultConfiguration(severity: Severity): { level: SarifLevel; enabled?: boolean } {
  return severity === 'off' ? { level: 'note', enabled: false } : { level: LEVEL[severity] };
}

/** Markdown → plain text: emphasis, links and code-span backticks dropped (code keeps its text as is). */
export function plain(md: string): string {
  return md
    .split(/(`[^`]+`)/)
    .map((part, i) =>
      i % 2
        ? part.slice(1, -1)
        : part
            .replace(/\*\*(.+?)\*\*/g, '$1')
            .replace(/\*([^*\s][^*]*)\*/g, '$1')
            .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1'),
    )
    .join('')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

function ruleDescriptor(rule: Rule) {
  const tags = ['dockerfile'];
  if (/^DL\d/.test(rule.id)) tags.push('hadolint');
  if (buildkitName(rule)) tags.push('buildkit');
  return {
    id: rule.id,
    name: buildkitName(rule) ?? rule.id,
    shortDescription: { text: plain(rule.title) },
    fullDescription: { text: plain(rule.summary), markdown: rule.summary },
    helpUri: ruleDocUrl(rule.id),
    help: { text: `${plain(rule.summary)} Documentation: ${ruleDocUrl(rule.id)}`, markdown: rule.doc },
    defaultConfiguration: defaultConfiguration(rule.severity),
    properties: { tags },
  };
}

/** Relative URI reference for a path: each segment percent-encoded. */
function uriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

function artifactLocation(f: FileResult, cwd: string): ArtifactLocation {
  if (f.path) {
    const rel = relativeToCwd(f.path, cwd);
    if (rel) return { uri: uriReference(rel), uriBaseId: '%SRCROOT%' };
    return { uri: pathToFileURL(f.path).href };
  }
  return { uri: uriReference(f.name) };
}

/** LSP range (0-based, end exclusive) → SARIF region (1-based, endColumn is the column after the end). */
function region(r: Range) {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

function replacement(e: TextEdit) {
  return { deletedRegion: region(e.range), insertedContent: { text: e.newText } };
}

export function formatSarif(report: RunReport): string {
  const used = new Map<string, Rule>();
  for (const f of report.files) for (const p of f.problems) used.set(p.rule.id, p.rule);
  const rules = [...used.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.files.flatMap((f) => {
    const location = artifactLocation(f, report.cwd);
    const prints = fingerprints(reportPath(f, report.cwd), f.problems);
    return f.problems.map((p, i) => {
      const result: Record<string, unknown> = {
        ruleId: p.rule.id,
        ruleIndex: index.get(p.rule.id),
        level: LEVEL[p.level],
        message: { text: p.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(p.range) } }],
        partialFingerprints: { 'dockerfileExplained/v1': prints[i] },
      };
      if (p.fix) {
        result.fixes = [
          {
            description: { text: p.fix.title },
            artifactChanges: [{ artifactLocation: location, replacements: p.fix.edits.map(replacement) }],
          },
        ];
      }
      return result;
    });
  });
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'dockerfile-explained',
        version: report.version,
        informationUri: INFORMATION_URI,
        rules: rules.map(ruleDescriptor),
      },
    },
    invocations: [
      {
        executionSuccessful: report.errors.length === 0,
        toolExecutionNotifications: report.errors.map((e) => ({ level: 'error', message: { text: e } })),
      },
    ],
    originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.cwd).href.replace(/\/?$/, '/') } },
    columnKind: 'utf16CodeUnits',
    results,
  };
  return JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2) + '\n';
}
