/** The .dockerignore beside a Dockerfile reaches CopyIgnoredFile in the editor, and is re-read when it changes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DockerignoreStore } from '../../server/src/service/dockerignore';
import { LspClient } from './lspClient';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dx-ignore-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}
const uriOf = (root: string, rel: string) => pathToFileURL(join(root, rel)).href;

test('DockerignoreStore: <Dockerfile>.dockerignore first, else .dockerignore beside it; nothing for other schemes', () => {
  const root = tree({
    'a/Dockerfile': '',
    'a/.dockerignore': 'from-dot\n',
    'a/api.Dockerfile': '',
    'a/api.Dockerfile.dockerignore': 'from-named\n',
    'b/Dockerfile': '',
  });
  const store = new DockerignoreStore();
  assert.equal(store.forDocument(uriOf(root, 'a/Dockerfile')), 'from-dot\n');
  assert.equal(store.forDocument(uriOf(root, 'a/api.Dockerfile')), 'from-named\n');
  assert.equal(store.forDocument(uriOf(root, 'b/Dockerfile')), undefined);
  assert.equal(store.forDocument('untitled:Untitled-1'), undefined);
});

test('DockerignoreStore: read once until cleared or forgotten; a file over 1 MB is not read', () => {
  const root = tree({ 'Dockerfile': '', '.dockerignore': 'one\n', 'big/Dockerfile': '', 'big/.dockerignore': 'x'.repeat(1024 * 1024 + 1) });
  const store = new DockerignoreStore();
  const uri = uriOf(root, 'Dockerfile');
  assert.equal(store.forDocument(uri), 'one\n');
  writeFileSync(join(root, '.dockerignore'), 'two\n');
  assert.equal(store.forDocument(uri), 'one\n');
  store.forget(uri);
  assert.equal(store.forDocument(uri), 'two\n');
  rmSync(join(root, '.dockerignore'));
  assert.equal(store.forDocument(uri), 'two\n');
  store.clear();
  assert.equal(store.forDocument(uri), undefined);
  assert.equal(store.forDocument(uriOf(root, 'big/Dockerfile')), undefined);
});

test('the server lints with the .dockerignore beside the file, and re-reads it on a file-change event', async () => {
  const root = tree({ '.dockerignore': 'secret.txt\n' });
  const uri = uriOf(root, 'Dockerfile');
  const copyIgnored = (p: { diagnostics: Array<{ code: string; range: { start: { line: number; character: number } } }> }) =>
    p.diagnostics.filter((d) => d.code === 'CopyIgnoredFile').map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`);
  const client = new LspClient();
  try {
    await client.initialize();
    await client.open(uri, 'FROM alpine:3.20\nCOPY secret.txt app.py /app/\n', 1);
    assert.deepEqual(copyIgnored(await client.diagnostics(uri, 1)), ['2:6']);
    writeFileSync(join(root, '.dockerignore'), 'app.py\n');
    const since = client.count;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, '.dockerignore'), type: 2 }] });
    assert.deepEqual(copyIgnored(await client.until((p) => p.uri === uri, since)), ['2:17']);
  } finally {
    await client.shutdown();
  }
});

test('an ignore file that cannot be used: one line in the server log, and the lint goes on without it', async () => {
  const root = tree({ '.dockerignore/keep': '' });
  const uri = uriOf(root, 'Dockerfile');
  const client = new LspClient();
  try {
    await client.initialize();
    await client.open(uri, 'FROM alpine:3.20\nMAINTAINER x\nCOPY secret.txt /app/\n', 1);
    const p = await client.diagnostics(uri, 1);
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['DL4000'],
    );
    const lines = client.logs.filter((l) => l.includes('.dockerignore'));
    assert.equal(lines.length, 1, client.logs.join('\n'));
    assert.match(lines[0], /\.dockerignore: not a file; CopyIgnoredFile runs as if there were no ignore file$/);
  } finally {
    await client.shutdown();
  }
});
