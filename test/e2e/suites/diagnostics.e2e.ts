import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, diagnostic, expectDiagnostics, firstDiagnostics, openExample, rendered, suite, suiteSetup, test } from '../harness';

suite('Diagnostics', () => {
  suiteSetup(activate);

  test('the flawed example: every finding with its code, exact range and severity', async () => {
    const { document } = await openExample('Dockerfile.flawed');
    await expectDiagnostics(document.uri, [
      '3:6-3:19 DL3007 warning',
      '3:6-3:19 DX1001 warning',
      '3:6-3:19 DX1003 info',
      '4:1-4:11 DL4000 error',
      '9:5-9:19 DL3009 info',
      '10:1-10:4 DL3059 info',
      '10:5-10:20 DL3015 info',
      '10:24-10:33 DL3008 warning',
      '10:34-10:37 DL3008 warning',
      '12:6-12:7 DX1004 warning',
      '13:5-13:16 DL3042 warning',
      '16:5-16:14 DX1002 warning',
      '16:5-16:50 DL3025 warning',
      '16:5-16:50 JSONArgsRecommended warning',
    ]);
  });

  test('a diagnostic links its rule documentation and marks MAINTAINER deprecated', async () => {
    const { document } = await openExample('Dockerfile.flawed');
    await firstDiagnostics(document.uri);
    const d = diagnostic(document.uri, 'DL4000');
    assert.equal(d.source, 'dockerfile-explained');
    assert.match(d.message, /MAINTAINER is deprecated/);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /\/rules\/DL4000\.md$/);
    assert.deepEqual(d.tags, [vscode.DiagnosticTag.Deprecated]);
  });

  test('the good example: only its known findings, on the token they are about', async () => {
    const { document } = await openExample('Dockerfile');
    await firstDiagnostics(document.uri);
    const found = rendered(document.uri);
    // `as` in each FROM, each unpinned apt and pip package, USER by name, back-to-back RUNs, shell-form HEALTHCHECK.
    assert.deepEqual(found.filter((r) => r.includes('FromAsCasing')), ['5:23-5:25 FromAsCasing warning', '23:11-23:13 FromAsCasing warning', '40:19-40:21 FromAsCasing warning', '60:19-60:21 FromAsCasing warning']);
    assert.deepEqual(found.filter((r) => r.includes('DL3008')), ['27:5-27:14 DL3008 warning', '28:5-28:8 DL3008 warning']);
    assert.equal(found.filter((r) => r.includes('DL3013')).length, 6);
    assert.deepEqual([...new Set(found.map((r) => r.split(' ')[1]))].sort(), ['DL3008', 'DL3013', 'DL3025', 'DL3059', 'DL3066', 'FromAsCasing']);
    assert.ok(vscode.languages.getDiagnostics(document.uri).every((d) => codeOf(d) !== 'DL3015'), 'the example already passes --no-install-recommends');
  });

  test('editing the live buffer re-lints it without saving', async () => {
    const editor = await openExample('Dockerfile.flawed');
    const uri = editor.document.uri;
    await firstDiagnostics(uri);
    // Line 4, MAINTAINER, becomes a LABEL: DL4000 goes, the rest stays where it was.
    await editor.edit((b) => b.replace(editor.document.lineAt(3).range, 'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"'));
    assert.equal(editor.document.isDirty, true);
    await expectDiagnostics(uri, [
      '3:6-3:19 DL3007 warning',
      '3:6-3:19 DX1001 warning',
      '3:6-3:19 DX1003 info',
      '9:5-9:19 DL3009 info',
      '10:1-10:4 DL3059 info',
      '10:5-10:20 DL3015 info',
      '10:24-10:33 DL3008 warning',
      '10:34-10:37 DL3008 warning',
      '12:6-12:7 DX1004 warning',
      '13:5-13:16 DL3042 warning',
      '16:5-16:14 DX1002 warning',
      '16:5-16:50 DL3025 warning',
      '16:5-16:50 JSONArgsRecommended warning',
    ]);
  });
});
