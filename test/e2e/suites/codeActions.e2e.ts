import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate, apply, diagnostic, diagnosticsWhere, firstDiagnostics, has, lacks, lines, openCase, openExample, quickFixes, readText, setSetting, suite, suiteSetup, test,
} from '../harness';

suite('Quick fixes', () => {
  suiteSetup(activate);

  test('the menu on DL3015 offers the preferred fix first, then ignore and documentation', async () => {
    const { document } = await openExample('Dockerfile.flawed');
    await firstDiagnostics(document.uri);
    const actions = await quickFixes(document.uri, diagnostic(document.uri, 'DL3015').range);
    assert.deepEqual(
      actions.map((a) => `${a.title}${a.isPreferred ? ' [preferred]' : ''}`),
      ['Add --no-install-recommends (review) [preferred]', 'Ignore DL3015 on this line', 'Ignore DL3015 in this file', 'Show documentation for DL3015'],
    );
  });

  test('"Add --no-install-recommends" edits the RUN and clears DL3015', async () => {
    const { document } = await openExample('Dockerfile.flawed');
    await firstDiagnostics(document.uri);
    const [fix] = await quickFixes(document.uri, diagnostic(document.uri, 'DL3015').range);
    assert.equal(fix.isPreferred, true);
    await apply(fix);
    assert.equal(document.lineAt(9).text, 'RUN apt-get install --no-install-recommends -y libpq-dev gcc');
    const after = await diagnosticsWhere(document.uri, 'DL3015 gone', lacks('DL3015'));
    // The packages are still unpinned, now further right.
    assert.deepEqual(after.filter((r) => r.includes('DL3008')), ['10:48-10:57 DL3008 warning', '10:58-10:61 DL3008 warning']);
  });

  test('"Add USER" inserts USER before CMD and clears DX1001', async () => {
    const { document } = await openExample('Dockerfile.flawed');
    await firstDiagnostics(document.uri);
    const actions = await quickFixes(document.uri, diagnostic(document.uri, 'DX1001').range);
    // The FROM line carries DL3007, DX1001 and DX1003: only DX1001 has a fix, and it comes first.
    assert.equal(actions[0].title, 'Add "USER appuser" before CMD (review)');
    assert.equal(actions[0].isPreferred, true);
    await apply(actions[0]);
    assert.deepEqual(lines(document).slice(14, 17), ['EXPOSE 5500', 'USER appuser', 'CMD flask run --host=0.0.0.0 --port=5500 --reload']);
    await diagnosticsWhere(document.uri, 'DX1001 gone', lacks('DX1001'));
  });

  test('"Ignore on this line" inserts the hadolint pragma and the warning goes', async () => {
    const { document } = await openExample('Dockerfile.flawed');
    await firstDiagnostics(document.uri);
    const actions = await quickFixes(document.uri, diagnostic(document.uri, 'DL3059').range);
    const ignore = actions.find((a) => a.title === 'Ignore DL3059 on this line');
    assert.ok(ignore, actions.map((a) => a.title).join(', '));
    await apply(ignore);
    assert.deepEqual(lines(document).slice(8, 11), ['RUN apt-get update', '# hadolint ignore=DL3059', 'RUN apt-get install -y libpq-dev gcc']);
    const after = await diagnosticsWhere(document.uri, 'DL3059 gone', lacks('DL3059'));
    assert.ok(has('DL3015')(after), 'the other findings on that RUN stay');
  });

  test('fix-all on save (editor.codeActionsOnSave) applies every safe fix', async () => {
    const restore = await setSetting('editor', 'codeActionsOnSave', { 'source.fixAll.dockerfile-explained': 'explicit' }, 'dockerfile');
    try {
      const editor = await openExample('Dockerfile.flawed');
      const { document } = editor;
      await firstDiagnostics(document.uri);
      // An edit makes the document dirty; save once its diagnostics are current again (DL3015 one line down).
      await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'ENV PIP_DISABLE_PIP_VERSION_CHECK=1\n'));
      await diagnosticsWhere(document.uri, 'the edited text re-linted', (r) => r.includes('11:5-11:20 DL3015 info'));
      assert.equal(await document.save(), true);
      assert.equal(
        await readText(document.uri),
        [
          '# The seed\'s Dockerfile as many first drafts look: each line here is something',
          '# the original document explains how to do better.',
          'FROM python:latest',
          'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
          '',
          'ENV PIP_DISABLE_PIP_VERSION_CHECK=1',
          'ENV PYTHONUNBUFFERED=1',
          'WORKDIR /app',
          '',
          'RUN apt-get update && rm -rf /var/lib/apt/lists/*',
          'RUN apt-get install -y libpq-dev gcc',
          '',
          'COPY . .',
          'RUN pip install --no-cache-dir -r requirements.txt',
          '',
          'EXPOSE 5500',
          'CMD flask run --host=0.0.0.0 --port=5500 --reload',
          '',
        ].join('\n'),
      );
      await diagnosticsWhere(document.uri, 'the fixed findings gone', (r) => lacks('DL4000')(r) && lacks('DL3042')(r) && lacks('DL3009')(r));
    } finally {
      await restore();
    }
  });

  test('fix-all is offered as a source action (Fix all)', async () => {
    const { document } = await openCase('FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl\n');
    await firstDiagnostics(document.uri);
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 2, 0), 'source.fixAll');
    const fixAll = all.find((a) => a.kind?.value === 'source.fixAll.dockerfile-explained');
    assert.ok(fixAll, JSON.stringify(all.map((a) => a.title)));
    await apply(fixAll);
    assert.equal(document.lineAt(1).text, 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*');
  });
});
