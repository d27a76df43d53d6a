/**
 * The fuzz harness: one document through every pure service feature, with checks that each
 * call neither throws nor hangs and that every range it returns lies inside the document.
 * Used by test/fuzz.test.ts (bounded, seeded, in CI) and by `npm run fuzz` (as long as asked).
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { parseDocument, type DocModel } from '../../server/src/model/document';
import { lint, type Problem } from '../../server/src/service/lint';
import { hover } from '../../server/src/service/hover';
import { completion, resolveCompletion } from '../../server/src/service/completion';
import { signatureHelp } from '../../server/src/service/signature';
import { codeActions, fixAll } from '../../server/src/service/codeActions';
import { toDiagnostic } from '../../server/src/service/diagnostics';
import { applyTextEdits } from '../../server/src/service/fix';
import { documentSymbols, flatSymbols } from '../../server/src/service/symbols';
import { foldingRanges } from '../../server/src/service/folding';
import { semanticTokens } from '../../server/src/service/semanticTokens';
import { formatDocument, formatRange, formatOnType } from '../../server/src/service/format';
import { documentLinks } from '../../server/src/service/links';
import { inlayHints } from '../../server/src/service/inlayHints';
import { codeLenses } from '../../server/src/service/codeLens';
import { definition, references, documentHighlights, prepareRename, rename } from '../../server/src/service/navigation';
import { explain } from '../../server/src/explain';
import { normalizeSettings } from '../../server/src/settings';

/** Features exercised on every document (the count the fuzz report gives). */
export const FEATURES = [
  'parse', 'lint', 'hover', 'completion', 'completionResolve', 'signatureHelp', 'codeActions', 'fixAll', 'applyFixAll',
  'documentSymbols', 'flatSymbols', 'foldingRanges', 'semanticTokens', 'formatDocument', 'formatRange', 'formatOnType',
  'documentLinks', 'inlayHints', 'codeLenses', 'definition', 'references', 'documentHighlights', 'prepareRename', 'rename', 'explain',
] as const;

/** Per-call bound: a hang detector, not a benchmark (generous for a loaded 2-core CI machine). */
export function budgetMs(chars: number): number {
  return 1000 + 0.1 * chars;
}

export interface Slowest {
  ms: number;
  feature: string;
  chars: number;
  input: string;
  /** The whole document (a long run writes it to a file, to replay a slow call). */
  text: string;
}
export const stats = { documents: 0, calls: 0, slowest: { ms: 0, feature: '', chars: 0, input: '', text: '' } as Slowest };

const FORMAT_SETTINGS = [
  normalizeSettings({}),
  normalizeSettings({ formatKeywordCase: 'lower', formatContinuationIndent: '2 spaces' }),
  normalizeSettings({ formatContinuationIndent: 'tab', formatTrimTrailingWhitespace: false }),
];

class Checker {
  constructor(readonly text: string, readonly model: DocModel) {}
  private lineLength(line: number): number {
    return this.model.lines.lineEnd(line) - this.model.lines.lineStarts[line];
  }
  position(p: Position, what: string): void {
    if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) throw new Error(`${what}: malformed position ${JSON.stringify(p)}`);
    if (p.line < 0 || p.line >= this.model.lines.lineCount) throw new Error(`${what}: line ${p.line} outside 0..${this.model.lines.lineCount - 1}`);
    // A character may sit before the CR of a CRLF, never past it.
    const max = this.lineLength(p.line);
    if (p.character < 0 || p.character > max) throw new Error(`${what}: character ${p.character} outside 0..${max} on line ${p.line}`);
  }
  range(r: Range, what: string): void {
    if (!r) throw new Error(`${what}: missing range`);
    this.position(r.start, `${what} start`);
    this.position(r.end, `${what} end`);
    if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) throw new Error(`${what}: reversed range ${JSON.stringify(r)}`);
  }
  edits(es: readonly TextEdit[] | undefined, what: string): void {
    for (const e of es ?? []) {
      this.range(e.range, what);
      if (typeof e.newText !== 'string') throw new Error(`${what}: newText is not a string`);
    }
  }
}

function timed<T>(feature: string, text: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  stats.calls++;
  if (ms > stats.slowest.ms) stats.slowest = { ms, feature, chars: text.length, input: text.length > 200 ? `${JSON.stringify(text.slice(0, 200))}…` : JSON.stringify(text), text };
  if (ms > budgetMs(text.length)) throw new Error(`${feature} took ${ms.toFixed(0)} ms on ${text.length} chars (bound ${budgetMs(text.length).toFixed(0)} ms)`);
  return out;
}

/** A few positions: given fractions of the document, clamped to real positions, plus line ends. */
export function positionsOf(model: DocModel, picks: readonly number[]): Position[] {
  const out: Position[] = [];
  const n = model.text.length;
  for (const f of picks) out.push(model.lines.positionAt(Math.floor(f * (n + 1))));
  if (model.lines.lineCount > 0) {
    const last = model.lines.lineCount - 1;
    out.push({ line: last, character: model.lines.lineEnd(last) - model.lines.lineStarts[last] });
  }
  return out;
}

/**
 * Runs every feature on `text`; throws (with the feature's name) on an exception, a malformed
 * result or a call over its time bound. `picks` are fractions in [0,1] for cursor positions.
 */
export function exercise(text: string, picks: readonly number[] = [0, 0.25, 0.5, 0.75, 1]): void {
  stats.documents++;
  const model = timed('parse', text, () => parseDocument(text, 'file:///fuzz/Dockerfile', 1));
  const c = new Checker(text, model);
  const ruleErrors: string[] = [];
  const lintModel = (m: DocModel): Problem[] => lint(m, { onRuleError: (rule, e) => ruleErrors.push(`${rule.id}: ${(e as Error)?.stack ?? e}`) });
  const problems = timed('lint', text, () => lintModel(model));
  if (ruleErrors.length) throw new Error(`lint: rule threw: ${ruleErrors[0]}`);
  for (const p of problems) c.range(p.range, `lint ${p.rule.id}`);
  const diagnostics = problems.map((p) => toDiagnostic(model, p));
  for (const d of diagnostics) c.range(d.range, `diagnostic ${d.code}`);

  for (const pos of positionsOf(model, picks)) {
    const h = timed('hover', text, () => hover(model, pos, problems));
    if (h?.range) c.range(h.range, 'hover');
    const items = timed('completion', text, () => completion(model, pos, { snippets: true, retrigger: true }));
    for (const it of items.slice(0, 5)) {
      const edit = it.textEdit;
      if (edit && 'range' in edit) c.range(edit.range, `completion ${it.label}`);
      else if (edit && 'insert' in edit) {
        c.range(edit.insert, `completion ${it.label} insert`);
        c.range(edit.replace, `completion ${it.label} replace`);
      }
      c.edits(it.additionalTextEdits, `completion ${it.label} additional edit`);
      timed('completionResolve', text, () => resolveCompletion(it));
    }
    timed('signatureHelp', text, () => signatureHelp(model, pos));
    for (const l of timed('definition', text, () => definition(model, pos))) c.range(l.range, 'definition');
    for (const l of timed('references', text, () => references(model, pos))) c.range(l.range, 'references');
    for (const hl of timed('documentHighlights', text, () => documentHighlights(model, pos))) c.range(hl.range, 'documentHighlights');
    const pr = timed('prepareRename', text, () => prepareRename(model, pos));
    if (pr && 'range' in pr) c.range(pr.range, 'prepareRename');
    const rn = timed('rename', text, () => rename(model, pos, 'renamed_x'));
    if (rn && 'edit' in rn) for (const es of Object.values(rn.edit.changes ?? {})) c.edits(es, 'rename');
    for (const f of FORMAT_SETTINGS) {
      c.edits(timed('formatOnType', text, () => formatOnType(model, pos, '\n', f, { tabSize: 4, insertSpaces: true })), 'formatOnType');
    }
  }

  const actions = timed('codeActions', text, () => codeActions(model, diagnostics, undefined, lintModel));
  for (const a of actions) for (const es of Object.values(a.edit?.changes ?? {})) c.edits(es, `codeAction ${a.title}`);
  const all = timed('fixAll', text, () => fixAll(model, diagnostics, lintModel));
  if (all) {
    const es = Object.values(all.edit?.changes ?? {}).flat();
    c.edits(es, 'fixAll');
    const fixed = timed('applyFixAll', text, () => applyTextEdits(text, es));
    timed('applyFixAll', fixed, () => lintModel(parseDocument(fixed)));
  }
  if (ruleErrors.length) throw new Error(`codeActions relint: rule threw: ${ruleErrors[0]}`);

  const checkSymbols = (ss: ReturnType<typeof documentSymbols>): void => {
    for (const s of ss) {
      c.range(s.range, `symbol ${s.name}`);
      c.range(s.selectionRange, `symbol ${s.name} selection`);
      checkSymbols(s.children ?? []);
    }
  };
  const symbols = timed('documentSymbols', text, () => documentSymbols(model));
  checkSymbols(symbols);
  for (const s of timed('flatSymbols', text, () => flatSymbols(symbols, model.uri))) c.range(s.location.range, 'flatSymbols');
  for (const f of timed('foldingRanges', text, () => foldingRanges(model))) {
    if (f.startLine > f.endLine || f.startLine < 0 || f.endLine >= model.lines.lineCount) throw new Error(`foldingRanges: bad ${JSON.stringify(f)}`);
  }
  const tokens = timed('semanticTokens', text, () => semanticTokens(model)).data;
  if (tokens.length % 5 !== 0) throw new Error('semanticTokens: data length not a multiple of 5');
  let line = 0;
  let ch = 0;
  for (let i = 0; i < tokens.length; i += 5) {
    const [dl, dc, len] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (dl < 0 || dc < 0 || len <= 0) throw new Error(`semanticTokens: bad token at ${i / 5}: ${tokens.slice(i, i + 5)}`);
    line += dl;
    ch = dl === 0 ? ch + dc : dc;
    c.range({ start: { line, character: ch }, end: { line, character: ch + len } }, `semantic token ${i / 5}`);
  }
  const whole: Range = { start: { line: 0, character: 0 }, end: model.lines.positionAt(text.length) };
  for (const f of FORMAT_SETTINGS) {
    const es = timed('formatDocument', text, () => formatDocument(model, f, { tabSize: 4, insertSpaces: true }, text));
    c.edits(es, 'formatDocument');
    timed('formatDocument', text, () => applyTextEdits(text, es));
    c.edits(timed('formatRange', text, () => formatRange(model, whole, f, { tabSize: 2, insertSpaces: false }, text)), 'formatRange');
  }
  for (const l of timed('documentLinks', text, () => documentLinks(model))) c.range(l.range, 'documentLinks');
  for (const h of timed('inlayHints', text, () => inlayHints(model))) c.position(h.position, 'inlayHints');
  for (const l of timed('codeLenses', text, () => codeLenses(model))) c.range(l.range, 'codeLenses');
  const errors: string[] = [];
  const md = timed('explain', text, () => explain(model, { problems, onError: (part, e) => errors.push(`${part}: ${(e as Error)?.stack ?? e}`) }));
  if (typeof md !== 'string' || errors.length) throw new Error(`explain: ${errors[0] ?? 'no markdown'}`);
}
