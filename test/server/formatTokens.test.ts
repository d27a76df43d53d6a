/** Semantic tokens (full, then delta) and formatting (document, range, on type) over stdio, with settings from the client. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';
import { applyEdits } from '../helpers';

const URI = 'file:///project/Dockerfile';
const TEXT = 'from alpine:3.20 as build   \nrun apk add --no-cache \\\n  curl\n';
let client: LspClient;
let capabilities: any;

before(async () => {
  client = new LspClient();
  client.settings = { formatContinuationIndent: '4 spaces' };
  capabilities = (await client.initialize(undefined, true)).capabilities;
  await client.open(URI, TEXT, 1);
  await client.diagnostics(URI, 1);
});
after(async () => {
  await client.shutdown();
});

test('initialize announces semantic tokens (full with delta) with their legend, and the three kinds of formatting', () => {
  assert.deepEqual(capabilities.semanticTokensProvider.full, { delta: true });
  assert.ok(capabilities.semanticTokensProvider.legend.tokenTypes.includes('keyword'));
  assert.equal(capabilities.documentFormattingProvider, true);
  assert.equal(capabilities.documentRangeFormattingProvider, true);
  assert.deepEqual(capabilities.documentOnTypeFormattingProvider, { firstTriggerCharacter: '\n', moreTriggerCharacter: [' '] });
});

test('full tokens, then a delta after an edit', async () => {
  const full = await client.conn.sendRequest<any>('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
  const types: string[] = capabilities.semanticTokensProvider.legend.tokenTypes;
  // the first token: `from` at 0:0, 4 long, a keyword
  assert.deepEqual(full.data.slice(0, 5), [0, 0, 4, types.indexOf('keyword'), 0]);
  await client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: 2 },
    contentChanges: [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } }, text: ' git' }],
  });
  const delta = await client.conn.sendRequest<any>('textDocument/semanticTokens/full/delta', { textDocument: { uri: URI }, previousResultId: full.resultId });
  // `git` is a plain argument: no token changes
  assert.deepEqual(delta.edits, []);
});

test('document formatting uses the settings from the client (4 spaces) and the editor options', async () => {
  const text = TEXT.replace('  curl', '  curl git');
  const edits = await client.conn.sendRequest<any[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: true } });
  assert.equal(applyEdits(text, edits), 'FROM alpine:3.20 AS build\nRUN apk add --no-cache \\\n    curl git\n');
  const range = await client.conn.sendRequest<any[]>('textDocument/rangeFormatting', {
    textDocument: { uri: URI },
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
    options: { tabSize: 4, insertSpaces: true },
  });
  assert.equal(applyEdits(text, range), 'from alpine:3.20 as build   \nRUN apk add --no-cache \\\n  curl git\n');
  const onType = await client.conn.sendRequest<any[]>('textDocument/onTypeFormatting', {
    textDocument: { uri: URI },
    position: { line: 1, character: 0 },
    ch: '\n',
    options: { tabSize: 4, insertSpaces: true },
  });
  // Enter before `run`: the line above is formatted, the keyword of the cursor's line gets its case
  assert.equal(applyEdits(text, onType), 'FROM alpine:3.20 AS build\nRUN apk add --no-cache \\\n  curl git\n');
});
