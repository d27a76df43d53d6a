/** Settings pulled from the client, initializationOptions, and .hadolint.yaml re-read on change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

const APT = 'FROM debian:12\nRUN apt-get install -y curl\n';
const codes = (p: { diagnostics: Array<{ code: string }> }) => p.diagnostics.map((d) => d.code).filter((c) => c === 'DL3015');

test('settings pulled with workspace/configuration apply, and a change applies without restart', async () => {
  const client = new LspClient();
  try {
    client.settings = { rules: { DL3015: 'error' } };
    await client.initialize(undefined, true);
    await client.open('untitled:Untitled-1', APT, 1);
    const first = await client.diagnostics('untitled:Untitled-1', 1);
    assert.deepEqual(first.diagnostics.filter((d) => d.code === 'DL3015').map((d) => d.severity), [1]);
    assert.ok(client.requests.some((r) => r.method === 'workspace/configuration'));
    client.settings = { rules: { DL3015: 'off' } };
    const since = client.count;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const second = await client.until((p) => p.uri === 'untitled:Untitled-1', since);
    assert.deepEqual(codes(second), []);
  } finally {
    await client.shutdown();
  }
});

test('initializationOptions settings for clients without workspace/configuration', async () => {
  const client = new LspClient();
  try {
    await client.initialize({ dockerfileExplained: { rules: { DL3015: 'off' } } });
    await client.open('untitled:x', APT, 1);
    assert.deepEqual(codes(await client.diagnostics('untitled:x', 1)), []);
  } finally {
    await client.shutdown();
  }
});

test('.hadolint.yaml beside the file is honoured and re-read when it changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dx-srv-'));
  const cfg = join(dir, '.hadolint.yaml');
  writeFileSync(cfg, 'ignored: [DL3015]\n');
  const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
  const client = new LspClient();
  try {
    await client.initialize();
    await client.open(uri, APT, 1);
    assert.deepEqual(codes(await client.diagnostics(uri, 1)), []);
    writeFileSync(cfg, 'ignored: []\n');
    const since = client.count;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfg).href, type: 2 }] });
    const again = await client.until((p) => p.uri === uri, since);
    assert.deepEqual(codes(again), ['DL3015']);
  } finally {
    await client.shutdown();
  }
});

test('without a transport flag the server prints usage and exits 2', async () => {
  const client = new LspClient([]);
  const code = await new Promise<number | null>((resolve) => client.proc.on('exit', resolve));
  assert.equal(code, 2);
  assert.match(client.stderr.join(''), /Usage: dockerfile-explained-server --stdio/);
  client.conn.dispose();
});

test('a malformed .hadolint.yaml gets one diagnostic on the file itself; linting goes on with the defaults', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dx-bad-'));
  const cfg = join(dir, '.hadolint.yaml');
  writeFileSync(cfg, 'ignored: [DL3015\n');
  const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
  const cfgUri = pathToFileURL(cfg).href;
  const client = new LspClient();
  try {
    await client.initialize();
    const since = client.count;
    await client.open(uri, APT, 1);
    assert.deepEqual(codes(await client.diagnostics(uri, 1)), ['DL3015']);
    const onConfig = await client.until((p) => p.uri === cfgUri, since);
    assert.equal(onConfig.diagnostics.length, 1);
    assert.match(onConfig.diagnostics[0].message, /^This configuration is only partly applied: .*\.hadolint\.yaml: not valid YAML/);
    // fixed: the diagnostic goes away and the config applies
    writeFileSync(cfg, 'ignored: [DL3015]\n');
    const since2 = client.count;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 2 }] });
    const cleared = await client.until((p) => p.uri === cfgUri, since2);
    assert.deepEqual(cleared.diagnostics, []);
    assert.deepEqual(codes(await client.until((p) => p.uri === uri, since2)), []);
  } finally {
    await client.shutdown();
  }
});
