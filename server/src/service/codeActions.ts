/**
 * Code actions from diagnostics alone (stateless): per finding the preferred fix,
 * "Ignore on this line", "Ignore in this file", "Show documentation"; plus
 * `source.fixAll.dockerfile-explained` applying every safe, non-overlapping fix.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { DocModel } from '../model/document';
import { findRule } from '../rules';
import { buildkitName } from './lint';
import { parseIgnorePragma } from './pragmas';
import { SOURCE, type DiagnosticData } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
export const SHOW_DOC_COMMAND = 'dockerfileExplained.showRuleDocumentation';

export type OurDiagnostic = Omit<Diagnostic, 'data'> & { data: DiagnosticData };

export function isOurs(d: Diagnostic): d is OurDiagnostic {
  const data = d.data as DiagnosticData | undefined;
  return d.source === SOURCE && !!data && typeof data.rule === 'string' && typeof data.line === 'number';
}

export function codeActions(model: DocModel, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  const wantQuick = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k === CodeActionKind.QuickFix);
  const wantFixAll = !!only && only.some((k) => FIX_ALL_KIND.startsWith(k));
  const out: CodeAction[] = [];
  const ours = diagnostics.filter(isOurs).filter((d) => d.data.version === model.version);
  if (wantQuick) {
    for (const d of ours) {
      const { fix, rule } = d.data;
      if (fix) {
        out.push({
          title: fix.title + (fix.safe ? '' : ' (review)'),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: { changes: { [model.uri]: fix.edits } },
        });
      }
    }
    for (const d of ours) {
      const id = d.data.rule;
      out.push({
        title: `Ignore ${id} on this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [model.uri]: [ignoreOnLine(model, id, d.data.line)] } },
      });
      out.push({
        title: `Ignore ${id} in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [model.uri]: [ignoreInFile(model, id)] } },
      });
      out.push({
        title: `Show documentation for ${id}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: `Show documentation for ${id}`, command: SHOW_DOC_COMMAND, arguments: [id] },
      });
    }
  }
  if (wantFixAll) {
    const fa = fixAll(model, ours);
    if (fa) out.push(fa);
  }
  return dedupe(out);
}

/** Every safe fix, skipping any whose edits overlap an edit already taken. */
export function fixAll(model: DocModel, diagnostics: Diagnostic[]): CodeAction | undefined {
  const taken: Array<[number, number]> = [];
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  for (const d of diagnostics.filter(isOurs)) {
    const fix = d.data.fix;
    if (!fix || !fix.safe || d.data.version !== model.version) continue;
    const spans = fix.edits.map((e) => [model.lines.offsetAt(e.range.start), model.lines.offsetAt(e.range.end)] as [number, number]);
    const overlaps = spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || (s === e && s >= ts && s <= te) || (ts === te && ts >= s && ts <= e)));
    if (overlaps) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
    fixed.push(d);
  }
  if (!edits.length) return undefined;
  return { title: 'Fix all safe Dockerfile Explained problems', kind: FIX_ALL_KIND, diagnostics: fixed, edit: { changes: { [model.uri]: edits } } };
}

function isBuildkitOnly(id: string): boolean {
  const rule = findRule(id);
  return !!rule && buildkitName(rule) === rule.id;
}

/** `# hadolint ignore=ID` above the line (merged into a pragma already there); `# check=skip=` for BuildKit-only checks. */
export function ignoreOnLine(model: DocModel, id: string, line: number): TextEdit {
  const eol = model.lines.eol;
  const indent = /^[ \t]*/.exec(model.lines.lineText(line))![0];
  const prev = line > 0 ? model.lines.lineText(line - 1) : '';
  const prevComment = /^[ \t]*#(.*)$/.exec(prev);
  if (prevComment && !isBuildkitOnly(id)) {
    const p = parseIgnorePragma(prevComment[1]);
    if (p && !p.global) return appendCode(model, line - 1, /ignore\s*=\s*[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*/, id);
  }
  if (prevComment && isBuildkitOnly(id) && /^\s*check\s*=\s*skip\s*=/.test(prevComment[1])) {
    return appendCode(model, line - 1, /skip\s*=\s*[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*/, id);
  }
  const text = isBuildkitOnly(id) ? `# check=skip=${id}` : `# hadolint ignore=${id}`;
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}${text}${eol}` };
}

/** `# hadolint global ignore=ID` after the parser directives (merged into one already there). */
export function ignoreInFile(model: DocModel, id: string): TextEdit {
  const eol = model.lines.eol;
  if (isBuildkitOnly(id)) {
    const check = model.directives.find((d) => d.name === 'check');
    if (check) {
      const m = /skip\s*=\s*[^;]*/.exec(check.value);
      const valueStart = model.lines.offsetAt(check.valueRange.start);
      if (m) {
        const at = model.lines.positionAt(valueStart + m.index + m[0].trimEnd().length);
        return { range: { start: at, end: at }, newText: `,${id}` };
      }
      const at = check.valueRange.end;
      return { range: { start: at, end: at }, newText: `;skip=${id}` };
    }
    const at = { line: 0, character: 0 };
    return { range: { start: at, end: at }, newText: `# check=skip=${id}${eol}` };
  }
  for (const c of model.comments) {
    const p = parseIgnorePragma(c.content);
    if (p?.global) return appendCode(model, c.line, /ignore\s*=\s*[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*/, id);
  }
  const line = model.directives.length ? Math.max(...model.directives.map((d) => d.range.end.line)) + 1 : 0;
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `# hadolint global ignore=${id}${eol}` };
}

function appendCode(model: DocModel, line: number, list: RegExp, id: string): TextEdit {
  const text = model.lines.lineText(line);
  const m = list.exec(text)!;
  const at = { line, character: m.index + m[0].length };
  return { range: { start: at, end: at }, newText: `,${id}` };
}

function dedupe(actions: CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    const key = a.title + JSON.stringify(a.edit ?? a.command);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
