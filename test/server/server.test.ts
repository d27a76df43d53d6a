/** The real server binary over stdio, driven by a plain JSON-RPC client. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, repoRoot } from './lspClient';
import { applyEdits } from '../helpers';

const FLAWED = readFileSync(join(repoRoot(), 'examples', 'Dockerfile.flawed'), 'utf8');
const URI = 'file:///project/Dockerfile';
let client: LspClient;

before(async () => {
  client = new LspClient();
});
after(async () => {
  await client.shutdown();
});

test('initialize announces hover, code actions (quick-fix and fix-all) and incremental sync', async () => {
  const result = await client.initialize();
  assert.equal(result.serverInfo.name, 'dockerfile-explained-server');
  assert.equal(result.capabilities.hoverProvider, true);
  assert.equal(result.capabilities.textDocumentSync, 2);
  assert.deepEqual(result.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.dockerfile-explained']);
});

test('opening the flawed example publishes the seed rules findings with exact ranges', async () => {
  await client.open(URI, FLAWED, 1);
  const pub = await client.diagnostics(URI, 1);
  const dl3015 = pub.diagnostics.filter((d) => d.code === 'DL3015');
  assert.deepEqual(dl3015.map((d) => d.range), [{ start: { line: 9, character: 4 }, end: { line: 9, character: 19 } }]);
  assert.ok(pub.diagnostics.every((d) => d.source === 'dockerfile-explained'));
});

test('hover on an instruction and on a flag', async () => {
  const h = await client.conn.sendRequest<any>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 5, character: 1 } });
  assert.match(h.contents.value, /^\*\*ENV\*\*/);
  assert.deepEqual(h.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } });
});

test('the "add --no-install-recommends" quick-fix edits the text as expected', async () => {
  const pub = await client.diagnostics(URI, 1);
  const d = pub.diagnostics.find((x) => x.code === 'DL3015')!;
  const actions = await client.conn.sendRequest<any[]>('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: d.range,
    context: { diagnostics: [d] },
  });
  assert.equal(actions[0].title, 'Add --no-install-recommends (review)');
  assert.equal(actions[0].isPreferred, true);
  const after = applyEdits(FLAWED, actions[0].edit.changes[URI]);
  assert.equal(after.split('\n')[9], 'RUN apt-get install --no-install-recommends -y libpq-dev gcc');
  // Send the edit back as the editor would: the finding is gone in the next publication.
  await client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: 2 },
    contentChanges: [{ text: after }],
  });
  const next = await client.diagnostics(URI, 2);
  assert.deepEqual(next.diagnostics.filter((x) => x.code === 'DL3015'), []);
});

test('the "add USER" quick-fix inserts USER before the final CMD and clears the warning', async () => {
  const pub = await client.diagnostics(URI, 2);
  const d = pub.diagnostics.find((x) => x.code === 'DX1001')!;
  assert.deepEqual(d.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 18 } });
  const actions = await client.conn.sendRequest<any[]>('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: d.range,
    context: { diagnostics: [d] },
  });
  assert.deepEqual(
    actions.filter((a) => a.diagnostics?.[0]?.code === 'DX1001').map((a) => a.title),
    ['Add "USER appuser" before CMD (review)', 'Ignore DX1001 on this line', 'Ignore DX1001 in this file', 'Show documentation for DX1001'],
  );
  const current = applyEdits(FLAWED, [{ range: { start: { line: 9, character: 19 }, end: { line: 9, character: 19 } }, newText: ' --no-install-recommends' }]);
  const after = applyEdits(current, actions[0].edit.changes[URI]);
  assert.deepEqual(after.split('\n').slice(14, 17), ['EXPOSE 5500', 'USER appuser', 'CMD flask run --host=0.0.0.0 --port=5500 --reload']);
  await client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: 3 },
    contentChanges: [{ text: after }],
  });
  const next = await client.diagnostics(URI, 3);
  assert.deepEqual(next.diagnostics.filter((x) => x.code === 'DX1001'), []);
});

test('fix-all (as on save) applies every safe fix in one edit, the ones that needed a second pass included', async () => {
  const uri = 'file:///project/fixall.Dockerfile';
  const text = 'FROM debian:12 as build\nmaintainer me@example.com\nRUN apt-get update && apt-get install curl\n';
  await client.open(uri, text, 1);
  const pub = await client.diagnostics(uri, 1);
  const actions = await client.conn.sendRequest<any[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: pub.diagnostics, only: ['source.fixAll'] },
  });
  assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.dockerfile-explained', 'Fix all safe Dockerfile Explained problems']]);
  assert.equal(
    applyEdits(text, actions[0].edit.changes[uri]),
    'FROM debian:12 AS build\nLABEL org.opencontainers.image.authors="me@example.com"\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
  );
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('unknown documents and positions past the end answer null, not an error', async () => {
  const h = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope' }, position: { line: 0, character: 0 } });
  assert.equal(h, null);
  const h2 = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 9999, character: 5 } });
  assert.equal(h2, null);
});

test('closing a document clears its diagnostics', async () => {
  const since = client.count;
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
  const cleared = await client.until((p) => p.uri === URI && p.version === undefined, since);
  assert.deepEqual(cleared.diagnostics, []);
});
