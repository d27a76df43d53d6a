/** Completion, completionItem/resolve and signature help through the real server over stdio. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';

const URI = 'file:///project/Dockerfile';
const TEXT = ['FROM python:3.12-slim AS builder', 'RUN --mount=type=', '', 'FROM python:3.12-slim', 'COPY --from=builder /wheels ', ''].join('\n');
let client: LspClient;
let capabilities: any;

before(async () => {
  client = new LspClient();
  capabilities = (await client.initialize()).capabilities;
  await client.open(URI, TEXT, 1);
});
after(async () => {
  await client.shutdown();
});

test('initialize announces completion with resolve and signature help', () => {
  assert.equal(capabilities.completionProvider.resolveProvider, true);
  assert.ok(capabilities.completionProvider.triggerCharacters.includes('$'));
  assert.ok(capabilities.signatureHelpProvider.triggerCharacters.includes(' '));
});

test('completion of mount types, then a keyword resolved with its documentation', async () => {
  const types = await client.conn.sendRequest<any[]>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 1, character: 17 } });
  assert.deepEqual(types.map((i) => i.label).sort(), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
  const keywords = await client.conn.sendRequest<any[]>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 2, character: 0 } });
  const run = keywords.find((i) => i.label === 'RUN');
  // This client announced no snippet support: plain text, no command it could not run.
  assert.deepEqual(run.textEdit.newText, 'RUN ');
  assert.equal(run.command, undefined);
  assert.equal(run.documentation, undefined);
  const resolved = await client.conn.sendRequest<any>('completionItem/resolve', run);
  assert.equal(resolved.documentation.kind, 'markdown');
  assert.match(resolved.documentation.value, /docs\.docker\.com\/reference\/dockerfile\/#run/);
});

test('signature help on the COPY destination', async () => {
  const h = await client.conn.sendRequest<any>('textDocument/signatureHelp', { textDocument: { uri: URI }, position: { line: 4, character: 28 } });
  const sig = h.signatures[h.activeSignature];
  const [start, end] = sig.parameters[h.activeParameter].label;
  assert.equal(sig.label.slice(start, end), '<dest>');
});
