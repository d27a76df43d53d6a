/**
 * The server stays responsive on huge documents over a real stdio connection: a lint gives the
 * event loop back between rules (hover is answered while it runs), cancelled requests are
 * answered "cancelled" (at once while still queued, between rules while linting), and a 10 MB
 * document goes over the wire and comes back with capped diagnostics.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LspClient } from './lspClient';

const REQUEST_CANCELLED = -32800;

/** 100,000 lines of ordinary instructions (~2 s to lint on this machine, 42,859 findings). */
function hugeDockerfile(): string {
  const kinds = ['RUN apt-get install -y curl', 'ENV A=1', 'COPY . /app', 'RUN echo $A && cd /x', '# comment', 'LABEL a=b', 'EXPOSE 80'];
  const lines = ['FROM debian:12 AS base'];
  for (let i = 0; lines.length < 100_000; i++) lines.push(kinds[i % kinds.length]);
  return `${lines.join('\n')}\n`;
}

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.shutdown();
});

const hoverAt = (uri: string, line: number, character: number) =>
  client.conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });

test('hover is answered again and again while a 100,000-line document is being linted', async () => {
  const uri = 'file:///responsive/hover/Dockerfile';
  const seen = client.count;
  await client.open(uri, hugeDockerfile(), 1);
  let published = false;
  const diagnostics = client.until((p) => p.uri === uri, seen, 120_000).then((p) => {
    published = true;
    return p;
  });
  // The first hover waits for the parse; the ones after it come while the lint runs.
  const first = await hoverAt(uri, 0, 1);
  assert.match(first!.contents.value, /FROM/);
  let answeredDuringLint = 0;
  while (!published) {
    const h = await hoverAt(uri, 2, 1);
    assert.match(h!.contents.value, /ENV/);
    if (!published) answeredDuringLint++;
  }
  const p = await diagnostics;
  // 42,859 findings, published as the first 1,000 and one message that says how many were dropped.
  assert.equal(p.diagnostics.length, 1001);
  assert.match(p.diagnostics[1000].message, /^42,859 findings in this file/);
  console.log(`hovers answered while the lint ran: ${answeredDuringLint}`);
  // A lint that held the event loop would let at most one or two through.
  assert.ok(answeredDuringLint >= 5, `only ${answeredDuringLint} hovers were answered while the lint ran`);
});

test('a cancelled explain request on a huge document is answered "cancelled" while it lints', async () => {
  const uri = 'file:///responsive/explain/Dockerfile';
  await client.open(uri, hugeDockerfile(), 1);
  const source = new CancellationTokenSource();
  const request = client.conn.sendRequest('dockerfileExplained/explain', { textDocument: { uri } }, source.token);
  // Once the document is parsed (the hover's answer says so), the explain request is linting.
  await hoverAt(uri, 0, 1);
  source.cancel();
  await assert.rejects(request, (e: { code?: number }) => e.code === REQUEST_CANCELLED);
  // The server is fine afterwards.
  assert.match((await hoverAt(uri, 0, 1))!.contents.value, /FROM/);
});

test('a request cancelled while still queued is answered "cancelled" without being computed', async () => {
  const uri = 'file:///responsive/queued/Dockerfile';
  await client.open(uri, hugeDockerfile(), 1);
  // Folding needs the parse (most of a second); the symbols request and its cancellation arrive meanwhile.
  const folding = client.conn.sendRequest<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
  const source = new CancellationTokenSource();
  const symbols = client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
  source.cancel();
  await assert.rejects(symbols, (e: { code?: number }) => e.code === REQUEST_CANCELLED);
  assert.ok(Array.isArray(await folding));
});

test('a 10 MB document goes over the connection: diagnostics are published capped, hover is answered', async () => {
  const uri = 'file:///responsive/ten-mb/Dockerfile';
  const text = `FROM debian:12\nRUN echo ${'x'.repeat(10 * 1024 * 1024)}\nCMD ["sh"]\n`;
  const seen = client.count;
  await client.open(uri, text, 1);
  const h = await hoverAt(uri, 2, 1);
  assert.match(h!.contents.value, /CMD/);
  const p = await client.until((d) => d.uri === uri, seen, 120_000);
  assert.ok(p.diagnostics.length <= 1001);
  // The edit that follows is applied and linted too (the old lint is dropped, not waited for).
  await client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } }, text: 'USER app' }],
  });
  const after = await client.diagnostics(uri, 2, 120_000);
  assert.ok(after.diagnostics.every((d) => d.range.start.line < 3));
  assert.match((await hoverAt(uri, 2, 1))!.contents.value, /USER/);
});
