import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, diagnostic, diagnosticsWhere, expectDiagnostics, firstDiagnostics, inWorkspace, lacks, openExample, quickFixes, readText, setSetting, suite, suiteSetup, test, writeText } from '../harness';

suite('Settings and configuration, without a restart', () => {
  suiteSetup(activate);

  test('a rule turned off, then a severity changed, in dockerfileExplained.rules', async () => {
    const { document } = await openExample('Dockerfile.flawed');
    const uri = document.uri;
    await firstDiagnostics(uri);
    const restore = await setSetting('dockerfileExplained', 'rules', { DL3059: 'off' });
    try {
      await diagnosticsWhere(uri, 'DL3059 off', lacks('DL3059'));
      await setSetting('dockerfileExplained', 'rules', { DL3059: 'off', DL3015: 'error', DL3008: 'hint' });
      const after = await diagnosticsWhere(uri, 'DL3015 an error', (r) => r.includes('10:5-10:20 DL3015 error'));
      assert.deepEqual(after.filter((r) => r.includes('DL3008')), ['10:24-10:33 DL3008 hint', '10:34-10:37 DL3008 hint']);
      assert.ok(lacks('DL3059')(after));
    } finally {
      await restore();
    }
    await diagnosticsWhere(uri, 'the defaults back', (r) => r.includes('10:1-10:4 DL3059 info') && r.includes('10:5-10:20 DL3015 info'));
  });

  test('nonRootUser names the user the "Add USER" fix inserts', async () => {
    const restore = await setSetting('dockerfileExplained', 'nonRootUser', 'web');
    try {
      const { document } = await openExample('Dockerfile.flawed');
      await firstDiagnostics(document.uri);
      const actions = await quickFixes(document.uri, diagnostic(document.uri, 'DX1001').range);
      assert.ok(actions.some((a) => a.title === 'Add "USER web" before CMD (review)'), actions.map((a) => a.title).join(', '));
    } finally {
      await restore();
    }
  });

  test('an untitled document set to the dockerfile language gets diagnostics', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'FROM ubuntu\nRUN apt-get install -y curl\n' });
    assert.equal(document.uri.scheme, 'untitled');
    await vscode.window.showTextDocument(document);
    const dockerfile = await vscode.languages.setTextDocumentLanguage(document, 'dockerfile');
    await expectDiagnostics(dockerfile.uri, [
      '1:6-1:12 DL3006 warning',
      '2:5-2:20 DL3015 info',
      '2:24-2:28 DL3008 warning',
    ]);
  });

  test('.hadolint.yaml in the workspace is honoured, and re-read when edited', async () => {
    const config = inWorkspace('hadolint-config/.hadolint.yaml');
    const original = await readText(config);
    const document = await vscode.workspace.openTextDocument(inWorkspace('hadolint-config/Dockerfile'));
    await vscode.window.showTextDocument(document);
    // ignored: [DL3008]; override: error: [DL3015]
    await expectDiagnostics(document.uri, ['2:23-2:38 DL3015 error']);
    try {
      await writeText(config, 'ignored:\n  - DL3015\n');
      await expectDiagnostics(document.uri, ['2:42-2:46 DL3008 warning']);
    } finally {
      await writeText(config, original);
    }
    await expectDiagnostics(document.uri, ['2:23-2:38 DL3015 error']);
  });
});
