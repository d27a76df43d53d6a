/**
 * What the server may not do, checked on the running process: a preload replaces every way
 * Node has to write or delete files, start a program or open a network connection with a
 * recorder, then a whole editing session runs (open, edit, lint, hover, completion, code
 * actions and fix-all, formatting, explain, a .hadolint.yaml and a .dockerignore read). Not one
 * call may be recorded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

const PRELOAD = String.raw`
const record = (what) => function () {
  process.stderr.write('SANDBOX ' + what + ' ' + String(arguments[0]).slice(0, 80) + '\n');
  throw new Error('sandbox: ' + what);
};
const guard = (mod, name, names) => { const m = require(mod); for (const n of names) if (typeof m[n] === 'function') m[n] = record(name + '.' + n); };
guard('fs', 'fs', ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'rename', 'renameSync', 'mkdir', 'mkdirSync', 'copyFile', 'copyFileSync', 'truncate', 'truncateSync', 'createWriteStream', 'chmod', 'chmodSync', 'symlink', 'symlinkSync']);
guard('fs/promises', 'fs.promises', ['writeFile', 'appendFile', 'unlink', 'rm', 'rmdir', 'rename', 'mkdir', 'copyFile', 'truncate', 'chmod', 'symlink']);
guard('child_process', 'child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
guard('net', 'net', ['connect', 'createConnection', 'createServer']);
guard('tls', 'tls', ['connect']);
guard('http', 'http', ['request', 'get', 'createServer']);
guard('https', 'https', ['request', 'get', 'createServer']);
guard('http2', 'http2', ['connect']);
guard('dgram', 'dgram', ['createSocket']);
guard('dns', 'dns', ['lookup', 'resolve']);
guard('worker_threads', 'worker_threads', ['Worker']);
if (typeof globalThis.fetch === 'function') globalThis.fetch = record('fetch');
`;

test('a whole editing session writes no file, starts no program and opens no connection', async () => {
  const root = mkdtempSync(join(tmpdir(), 'dx-sandbox-'));
  const preload = join(root, 'sandbox-preload.cjs');
  writeFileSync(preload, PRELOAD);
  writeFileSync(join(root, '.hadolint.yaml'), 'ignored: [DL3059]\ntrustedRegistries: [docker.io]\n');
  writeFileSync(join(root, '.dockerignore'), 'secret.txt\n');
  const uri = pathToFileURL(join(root, 'Dockerfile')).href;
  const text = 'FROM python:3.12-slim as app\nMAINTAINER x\nRUN apt-get update && apt-get install -y curl\nCOPY secret.txt /app/\nCMD python app.py\n';
  const client = new LspClient(['--stdio'], ['-r', preload]);
  try {
    await client.initialize({}, false);
    await client.open(uri, text, 1);
    const first = await client.diagnostics(uri, 1);
    // The configuration and the ignore file were read: DL3059 off, CopyIgnoredFile on.
    const codes = first.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('CopyIgnoredFile') && codes.includes('DL4000') && !codes.includes('DL3059'), codes.join(' '));
    const textDocument = { uri };
    const position = { line: 2, character: 26 };
    await client.conn.sendRequest('textDocument/hover', { textDocument, position });
    await client.conn.sendRequest('textDocument/completion', { textDocument, position: { line: 5, character: 0 } });
    await client.conn.sendRequest('textDocument/codeAction', { textDocument, range: first.diagnostics[0].range, context: { diagnostics: first.diagnostics } });
    await client.conn.sendRequest('textDocument/codeAction', { textDocument, range: first.diagnostics[0].range, context: { diagnostics: first.diagnostics, only: ['source.fixAll'] } });
    await client.conn.sendRequest('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } });
    await client.conn.sendRequest('textDocument/documentSymbol', { textDocument });
    await client.conn.sendRequest('textDocument/semanticTokens/full', { textDocument });
    const explained = await client.conn.sendRequest<{ markdown: string }>('dockerfileExplained/explain', { textDocument });
    assert.match(explained.markdown, /^# `/);
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}USER app\n` }] });
    await client.diagnostics(uri, 2);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, '.hadolint.yaml')).href, type: 2 }] });
    await client.conn.sendRequest('textDocument/hover', { textDocument, position });
  } finally {
    await client.shutdown();
  }
  const recorded = client.stderr.join('').split('\n').filter((l) => l.startsWith('SANDBOX'));
  assert.deepEqual(recorded, []);
});
