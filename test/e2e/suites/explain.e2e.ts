import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, firstDiagnostics, openExample, suite, suiteSetup, test, until } from '../harness';

/** The explain document VS Code holds for a Dockerfile, once its text satisfies `ok`. */
function explainedDoc(source: vscode.Uri, what: string, ok: (text: string) => boolean): Promise<vscode.TextDocument> {
  const find = () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'dockerfile-explained' && d.uri.query === source.toString() && ok(d.getText()));
  return until(what, find, [vscode.workspace.onDidOpenTextDocument, vscode.workspace.onDidChangeTextDocument], () =>
    vscode.workspace.textDocuments.map((d) => `${d.uri.toString()} (${d.getText().length} chars)`).join(', '),
  );
}

function previewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /Dockerfile\.explained\.md/.test(t.label));
}

suite('Explain This File', () => {
  let editor: vscode.TextEditor;
  suiteSetup(async () => {
    await activate();
    editor = await openExample('Dockerfile');
    await firstDiagnostics(editor.document.uri);
  });

  test('the command opens the explain document in the Markdown preview beside the editor', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('dockerfileExplained.explain'));
    await vscode.commands.executeCommand('dockerfileExplained.explain');
    const doc = await explainedDoc(editor.document.uri, 'the explain document', (t) => t.startsWith('# `Dockerfile` explained'));
    const text = doc.getText();
    assert.match(text, /\n## Stage 4: `production`\n/);
    assert.match(text, /docker build --target production -t /);
    assert.match(text, /⚠ \*\*DL3008\*\*/);
    await until('the Markdown preview tab', previewTab, [vscode.window.tabGroups.onDidChangeTabs], () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', '),
    );
  });

  test('an edit to the Dockerfile refreshes the document', async () => {
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nEXPOSE 9090\n'));
    const doc = await explainedDoc(editor.document.uri, 'the refreshed explain document', (t) => t.includes('EXPOSE 9090'));
    assert.match(doc.getText(), /-p 9090:9090/);
  });
});
