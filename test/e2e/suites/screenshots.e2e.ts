/**
 * The README's pictures of the hover and the quick-fix menu on examples/Dockerfile. Runs when
 * DX_E2E_SCREENSHOTS names a folder and the host can take screenshots (code-server's host
 * script does: it captures the page when it reads the request below in the console).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activate, firstDiagnostics, inWorkspace, setSetting, suite, suiteSetup, suiteTeardown, test, until } from '../harness';

const folder = process.env.DX_E2E_SCREENSHOTS;

/** Asks the host for a picture once `waitFor` is visible, and waits for the file. */
async function screenshot(name: string, waitFor: string): Promise<void> {
  const path = join(folder!, name);
  rmSync(path, { force: true });
  console.log(`[dx-e2e] screenshot ${JSON.stringify({ path, waitFor, clip: '.part.editor', press: 'Escape' })}`);
  // The file appears when the host has written it (renamed into place whole).
  await new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = () => {
      if (existsSync(`${path}.failed`)) return reject(new Error(readFileSync(`${path}.failed`, 'utf8')));
      if (existsSync(path)) return resolve();
      if (Date.now() > deadline) return reject(new Error(`no screenshot ${path}: is the host code-server's?`));
      setTimeout(poll, 100);
    };
    poll();
  });
}

async function showAt(editor: vscode.TextEditor, line: number, column: number): Promise<void> {
  const at = new vscode.Position(line - 1, column - 1);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  await until('the cursor in place', () => editor.selection.active.isEqual(at) || undefined, [vscode.window.onDidChangeTextEditorSelection], () => `${editor.selection.active.line}`);
}

(folder ? suite : () => undefined)('Screenshots for the README', () => {
  let editor: vscode.TextEditor;
  const restore: Array<() => Thenable<void>> = [];
  suiteSetup(async () => {
    await activate();
    restore.push(await setSetting('editor', 'minimap.enabled', false), await setSetting('editor', 'stickyScroll.enabled', false));
    // Only the example on screen: the other suites' documents are reverted (closing a modified one would ask to save) and closed.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    for (const c of ['workbench.action.closeAllEditors', 'workbench.action.closeSidebar', 'workbench.action.closePanel', 'workbench.action.closeAuxiliaryBar']) await vscode.commands.executeCommand(c);
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(inWorkspace('examples/Dockerfile')));
    await firstDiagnostics(editor.document.uri);
  });
  suiteTeardown(async () => {
    for (const r of restore) await r();
  });

  test('hover on --no-install-recommends', async () => {
    await showAt(editor, 26, 50);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover.png', '.monaco-hover:has-text("--no-install-recommends")');
  });

  test('quick-fix menu on `as` (FromAsCasing)', async () => {
    await showAt(editor, 5, 23);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('quick-fix.png', '.action-widget:has-text("Write")');
  });
});
