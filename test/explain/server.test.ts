/**
 * The language server's `dockerfileExplained/explain` request, over stdio as an editor sends it,
 * and the VS Code side of "Dockerfile: Explain This File": the command contributed in
 * package.json and the client asking for the same request.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, repoRoot } from '../server/lspClient';

const URI = 'file:///project/web/Dockerfile';
const TEXT = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nCMD ["python", "app.py"]\n';
let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize({ dockerfileExplained: { rules: { DL3015: 'off' } } });
});
after(async () => {
  await client.shutdown();
});

test('an open document is explained as it is in the editor, with its settings and version', async () => {
  await client.open(URI, TEXT, 3);
  const r = await client.conn.sendRequest<{ markdown: string; version: number }>('dockerfileExplained/explain', { textDocument: { uri: URI } });
  assert.equal(r.version, 3);
  assert.match(r.markdown, /^# `Dockerfile` explained\n/);
  assert.match(r.markdown, /⚠ \*\*DL3008\*\*/);
  assert.doesNotMatch(r.markdown, /DL3015/, 'a rule switched off in the settings is not reported');
  assert.match(r.markdown, /docker build -t web \./);
  // An edit is seen by the next request.
  await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 4 }, contentChanges: [{ text: TEXT.replace('app.py', 'main.py') }] });
  const again = await client.conn.sendRequest<{ markdown: string; version: number }>('dockerfileExplained/explain', { textDocument: { uri: URI } });
  assert.equal(again.version, 4);
  assert.match(again.markdown, /CMD \["python", "main\.py"\]/);
});

test('a file that is not open is read from disk; an unknown document gets null', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dx-explain-'));
  mkdirSync(join(dir, 'api'));
  writeFileSync(join(dir, 'api', 'Dockerfile'), 'FROM alpine:3.20\nCMD ["sh"]\n');
  const uri = pathToFileURL(join(dir, 'api', 'Dockerfile')).href;
  const r = await client.conn.sendRequest<{ markdown: string; version: number } | null>('dockerfileExplained/explain', { textDocument: { uri } });
  assert.equal(r?.version, 0);
  assert.match(r?.markdown ?? '', /docker build -t api \./);
  assert.equal(await client.conn.sendRequest('dockerfileExplained/explain', { textDocument: { uri: 'untitled:Nope' } }), null);
  assert.equal(await client.conn.sendRequest('dockerfileExplained/explain', {}), null);
});

test('VS Code: "Dockerfile: Explain This File" is contributed for Dockerfiles, and the client asks the server for it', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8'));
  const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'dockerfileExplained.explain');
  assert.deepEqual({ title: cmd.title, category: cmd.category }, { title: 'Explain This File', category: 'Dockerfile' });
  for (const menu of ['editor/title', 'editor/context', 'commandPalette']) {
    const item = pkg.contributes.menus[menu].find((m: { command: string }) => m.command === 'dockerfileExplained.explain');
    assert.equal(item?.when, 'editorLangId == dockerfile', menu);
  }
  const source = readFileSync(join(repoRoot(), 'client', 'src', 'explain.ts'), 'utf8');
  assert.match(source, /const EXPLAIN_REQUEST = 'dockerfileExplained\/explain';/);
  assert.match(source, /'markdown\.showPreviewToSide'/);
  assert.match(source, /export const EXPLAIN_COMMAND = 'dockerfileExplained\.explain';/);
});
