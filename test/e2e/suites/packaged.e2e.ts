/**
 * The extension as users get it: the .vsix installed into the editor's extensions folder
 * (DX_E2E_EXTENSIONS_DIR), not the development folder. Catches a packaging mistake — a file
 * left out by .vscodeignore, a module not bundled — that the development run cannot see.
 */
import * as assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, diagnostic, expectDiagnostics, hoverAt, openCase, quickFixes, suite, test } from '../harness';

suite('The packaged extension (.vsix)', () => {
  test('is installed from the .vsix, activates on a Dockerfile and serves diagnostics, hover and fixes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const installedIn = process.env.DX_E2E_EXTENSIONS_DIR;
    assert.ok(installedIn, 'DX_E2E_EXTENSIONS_DIR names the extensions folder');
    assert.ok(realpathSync(ext.extensionPath).startsWith(realpathSync(installedIn)), `loaded from ${ext.extensionPath}`);
    assert.equal(ext.isActive, false, 'activates on the dockerfile language only');

    // Only the real shell parse (tree-sitter's WebAssembly, shipped beside the server) sees the
    // command inside $(…); the fallback tokenizer would report nothing here.
    const { document } = await openCase('FROM debian:12.5\nRUN echo $(apt-get install -y curl)\n');
    await expectDiagnostics(document.uri, ['2:12-2:27 DL3015 info', '2:31-2:35 DL3008 warning']);
    assert.equal(ext.isActive, true);
    // Hover docs are bundled into the server.
    assert.match(await hoverAt(document.uri, 2, 2), /^\*\*RUN\*\*/);
    const [fix] = await quickFixes(document.uri, diagnostic(document.uri, 'DL3015').range);
    assert.equal(fix.title, 'Add --no-install-recommends (review)');
  });
});
