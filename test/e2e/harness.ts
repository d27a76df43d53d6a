/**
 * What the extension-host suites share: mocha's TDD functions, the workspace, and waits on
 * VS Code's own events (diagnostics changed), never fixed sleeps. Runs inside VS Code — desktop
 * through @vscode/test-electron, or code-server through scripts/e2e/code-server-host.mjs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

type Body = () => unknown;
// Mocha defines these globals while it loads each suite file (ui: 'tdd').
const mocha = globalThis as unknown as Record<'suite' | 'test' | 'suiteSetup' | 'suiteTeardown' | 'setup' | 'teardown', (...args: unknown[]) => void>;
export const suite = (name: string, body: () => void): void => mocha.suite(name, body);
export const test = (name: string, body: Body): void => mocha.test(name, body);
export const suiteSetup = (body: Body): void => mocha.suiteSetup(body);
export const suiteTeardown = (body: Body): void => mocha.suiteTeardown(body);
export const setup = (body: Body): void => mocha.setup(body);
export const teardown = (body: Body): void => mocha.teardown(body);

export const EXTENSION_ID = 'dockerfile-explained.dockerfile-explained';
/** How long a wait on the editor may take before the test fails (the first lint includes the server's start). */
export const WAIT_MS = 20_000;

export async function activate(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  await ext.activate();
  return ext;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder.uri;
}

export function inWorkspace(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), relative);
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

// Each suite file is bundled with its own copy of this module: count cases across them all.
const counter = globalThis as { dxE2eCases?: number };
/**
 * A new file with `text` in a folder of its own (so each test starts from a clean document),
 * opened in an editor. `name` is the file name; it decides the language, as for a user.
 */
export async function openCase(text: string, name = 'Dockerfile'): Promise<vscode.TextEditor> {
  counter.dxE2eCases = (counter.dxE2eCases ?? 0) + 1;
  const uri = inWorkspace(`cases/${counter.dxE2eCases}/${name}`);
  await writeText(uri, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

export async function openExample(name: string): Promise<vscode.TextEditor> {
  return openCase(await readText(inWorkspace(`examples/${name}`)), name);
}

/** A diagnostic's code as shown in the Problems panel. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c);
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** `line:col-line:col CODE severity`, 1-based and end-exclusive like the CLI's output. */
export function render(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${codeOf(d)} ${SEVERITY[d.severity]}`;
}

export function rendered(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'dockerfile-explained')
    .map(render)
    .sort(byPosition);
}

function byPosition(a: string, b: string): number {
  const key = (s: string) => s.split(/[:\- ]/).slice(0, 4).map(Number);
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < 4; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Resolves once `check()` returns something other than undefined/false, probing now and on
 * each of `events`; rejects after `timeoutMs` with `state()` in the message.
 */
export function until<T>(what: string, check: () => T | undefined | false, events: vscode.Event<unknown>[], state: () => string, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; now: ${state()}`))), timeoutMs);
    const probe = () => {
      try {
        const v = check();
        if (v !== undefined && v !== false) settle(() => resolve(v));
      } catch (e) {
        settle(() => reject(e));
      }
    };
    for (const e of events) subscriptions.push(e(probe));
    probe();
  });
}

/** Waits until our diagnostics on `uri`, rendered, satisfy `ok`; returns them. */
export function diagnosticsWhere(uri: vscode.Uri, what: string, ok: (rendered: string[]) => boolean, timeoutMs = WAIT_MS): Promise<string[]> {
  const current = () => rendered(uri);
  return until(
    `${what} on ${uri.path}`,
    () => {
      const r = current();
      return ok(r) ? r : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
    () => JSON.stringify(current()),
    timeoutMs,
  );
}

/** Waits until our diagnostics on `uri` are exactly `expected` (in position order); a mismatch fails with a diff. */
export async function expectDiagnostics(uri: vscode.Uri, expected: string[]): Promise<void> {
  const want = [...expected].sort(byPosition);
  try {
    await diagnosticsWhere(uri, 'the expected diagnostics', (r) => JSON.stringify(r) === JSON.stringify(want));
  } catch {
    assert.deepEqual(rendered(uri), want);
  }
}

/** Waits for the first diagnostics of a freshly opened document, whatever they are. */
export function firstDiagnostics(uri: vscode.Uri): Promise<string[]> {
  return diagnosticsWhere(uri, 'diagnostics', (r) => r.length > 0);
}

export const has = (code: string) => (r: string[]) => r.some((line) => line.split(' ')[1] === code);
export const lacks = (code: string) => (r: string[]) => !has(code)(r);

/** The hover's Markdown at a 1-based line and column, retried until the provider answers. */
export async function hoverAt(uri: vscode.Uri, line: number, column: number): Promise<string> {
  const position = new vscode.Position(line - 1, column - 1);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    if (text.trim()) return text;
    if (Date.now() > deadline) throw new Error(`no hover at ${line}:${column} of ${uri.path}`);
    // The language client registers its hover provider while it starts: ask again shortly.
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the quick-fix menu offers for the range of `diagnostic`, in the menu's order. */
export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The menu can be asked for before the server has matched the diagnostics to the document's
  // version (a busy machine): ask again until it answers, within a deadline.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fixes = actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    if (fixes.length || Date.now() > deadline) return fixes;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function diagnostic(uri: vscode.Uri, code: string): vscode.Diagnostic {
  const d = vscode.languages.getDiagnostics(uri).find((x) => codeOf(x) === code);
  assert.ok(d, `no ${code} on ${uri.path}: ${JSON.stringify(rendered(uri))}`);
  return d;
}

/** Applies a code action's edit as the editor does when it is picked from the menu. */
export async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `"${action.title}" was not applied`);
}

/** Lines of a document, for comparing whole texts line by line. */
export function lines(doc: vscode.TextDocument): string[] {
  return doc.getText().split(/\r?\n/);
}

/** Sets a setting in the workspace's settings and returns a function that restores it. */
export async function setSetting(section: string, key: string, value: unknown, languageId?: string): Promise<() => Thenable<void>> {
  const config = vscode.workspace.getConfiguration(section, languageId ? { languageId } : undefined);
  const before = languageId ? config.inspect(key)?.workspaceLanguageValue : config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace, !!languageId);
  return () => config.update(key, before, vscode.ConfigurationTarget.Workspace, !!languageId);
}
