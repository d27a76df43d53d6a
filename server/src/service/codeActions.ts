/**
 * Code actions from diagnostics alone (stateless): per finding the preferred fix,
 * "Ignore on this line", "Ignore in this file", "Show documentation"; plus
 * `source.fixAll.dockerfile-explained` applying every safe, non-overlapping fix.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { DocModel } from '../model/document';
import { findRule } from '../rules';
import { buildkitName, type Problem } from './lint';
import { applyTextEdits, fixAllText, MAX_FIX_PASSES, safeFixes } from './fix';
import { textEdits } from './textDiff';
import { parseIgnorePragma } from './pragmas';
import { SOURCE, type DiagnosticData } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
export const SHOW_DOC_COMMAND = 'dockerfileExplained.showRuleDocumentation';

export type OurDiagnostic = Omit<Diagnostic, 'data'> & { data: DiagnosticData };

export function isOurs(d: Diagnostic): d is OurDiagnostic {
  const data = d.data as DiagnosticData | undefined;
  return d.source === SOURCE && !!data && typeof data.rule === 'string' && typeof data.line === 'number';
}

/**
 * The actions for `diagnostics`. `relint`, how the server lints the document, lets fix-all
 * go on past the first pass (see `fixAll`).
 */
export function codeActions(model: DocModel, diagnostics: Diagnostic[], only?: string[], relint?: (model: DocModel) => Problem[]): CodeAction[] {
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
    const fa = fixAll(model, ours, relint);
    if (fa) out.push(fa);
  }
  return dedupe(out);
}

/**
 * `source.fixAll`: every safe fix of the diagnostics, skipping any whose edits overlap an edit
 * already taken. With `relint` (how the server lints this document), fix-all goes on with
 * the fixes that were skipped or that only show on the fixed text, pass after pass, and the
 * action's edits turn the document into the final text in one go; so applying it twice
 * gives what applying it once gives. `diagnostics` lists what the first pass fixes.
 */
export function fixAll(model: DocModel, diagnostics: Diagnostic[], relint?: (model: DocModel) => Problem[]): CodeAction | undefined {
  const { edits, fixed } = safeFixes(model, diagnostics.filter(isOurs));
  if (!edits.length) return undefined;
  let changes = edits;
  if (relint) {
    const rest = fixAllText(applyTextEdits(model.text, edits), relint, model.uri, MAX_FIX_PASSES - 1);
    if (rest.passes) changes = textEdits(model.text, rest.text);
  }
  return { title: 'Fix all safe Dockerfile Explained problems', kind: FIX_ALL_KIND, diagnostics: fixed, edit: { changes: { [model.uri]: changes } } };
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
  // A file that is only directives, without a final line break: the pragma goes on a new last line.
  if (line >= model.lines.lineCount) {
    const last = model.lines.lineCount - 1;
    const end = { line: last, character: model.lines.lineText(last).length };
    return { range: { start: end, end }, newText: `${eol}# hadolint global ignore=${id}` };
  }
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `# hadolint global ignore=${id}${eol}` };
}

function appendCode(model: DocModel, line: number, list: RegExp, id: string): TextEdit {
  const text = model.lines.lineText(line);
  const m = list.exec(text)!;
  const at = { line, character: m.index + m[0].length };
  return { range: { start: at, end: at }, newText: `,${id}` };
}

/** One action per title and edit; a repeated one (the same "Ignore … in this file" for two findings) lists every diagnostic it resolves. */
function dedupe(actions: CodeAction[]): CodeAction[] {
  const seen = new Map<string, CodeAction>();
  return actions.filter((a) => {
    const key = a.title + JSON.stringify(a.edit ?? a.command);
    const first = seen.get(key);
    if (first) {
      for (const d of a.diagnostics ?? []) if (!first.diagnostics?.includes(d)) (first.diagnostics ??= []).push(d);
      return false;
    }
    seen.set(key, a);
    return true;
  });
}
