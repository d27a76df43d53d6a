/**
 * The server over a real stdio connection, fed what a buggy or hurried client sends: unknown
 * URIs, positions past the end or negative, reversed ranges, a document closed while requests
 * for it are in flight, malformed settings. Every request must be answered (a result or a
 * JSON-RPC error, never a dead server), and the server must still work afterwards.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';

const URI = 'file:///abuse/Dockerfile';
const TEXT = 'FROM debian:12 AS base\nRUN apt-get install -y curl\nCOPY --from=base /a /b\nCMD node app.js\n';
let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize();
  await client.open(URI, TEXT, 1);
  await client.diagnostics(URI, 1);
});
after(async () => {
  await client.shutdown();
});

const POSITIONS = [
  { line: 0, character: 0 },
  { line: 1, character: 9999 },
  { line: 9999, character: 0 },
  { line: -1, character: 0 },
  { line: 0, character: -5 },
  { line: 2 ** 31, character: 2 ** 31 },
];
const RANGES = [
  { start: { line: 3, character: 5 }, end: { line: 0, character: 0 } }, // reversed
  { start: { line: -1, character: -1 }, end: { line: 9999, character: 9999 } },
  { start: { line: 1, character: 20 }, end: { line: 1, character: 2 } },
];

/** Every positional request, for one URI and position. */
function positionalRequests(uri: string, position: { line: number; character: number }): [string, unknown][] {
  const textDocument = { uri };
  return [
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/signatureHelp', { textDocument, position }],
    ['textDocument/definition', { textDocument, position }],
    ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
    ['textDocument/documentHighlight', { textDocument, position }],
    ['textDocument/prepareRename', { textDocument, position }],
    ['textDocument/rename', { textDocument, position, newName: 'x' }],
    ['textDocument/onTypeFormatting', { textDocument, position, ch: '\n', options: { tabSize: 4, insertSpaces: true } }],
  ];
}

function documentRequests(uri: string): [string, unknown][] {
  const textDocument = { uri };
  return [
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/documentLink', { textDocument }],
    ['textDocument/codeLens', { textDocument }],
    ['textDocument/semanticTokens/full', { textDocument }],
    ['textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }],
    ['dockerfileExplained/explain', { textDocument }],
    ...RANGES.flatMap((range): [string, unknown][] => [
      ['textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 4, insertSpaces: true } }],
      ['textDocument/inlayHint', { textDocument, range }],
      ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
      ['textDocument/semanticTokens/range', { textDocument, range }],
    ]),
  ];
}

/** Sends a request; resolves with 'result' or 'error' (a JSON-RPC error is an answer too), failing after a timeout. */
async function answered(method: string, params: unknown): Promise<'result' | 'error'> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${method} not answered: ${JSON.stringify(params)}`)), 10_000).unref());
  return Promise.race([
    client.conn.sendRequest(method, params).then(
      () => 'result' as const,
      (e: { code?: number }) => {
        // MethodNotFound is fine for a capability the server does not announce; anything else must not be an internal error.
        assert.notEqual(e?.code, -32603, `${method} failed inside the server: ${JSON.stringify(e)}`);
        return 'error' as const;
      },
    ),
    timeout,
  ]);
}

async function stillWorks(): Promise<void> {
  // Errors caught inside the server are logged on stderr: none may come from these requests.
  const logged = client.stderr.join('');
  assert.doesNotMatch(logged, /Error|failed/, logged);
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 1 } })) as { contents: { value: string } } | null;
  assert.match(h?.contents?.value ?? '', /RUN/);
}

test('requests for unknown URIs are answered, not crashed on', async () => {
  for (const uri of ['file:///nowhere/Dockerfile', 'untitled:never-opened', 'not a uri', '']) {
    for (const [m, p] of [...positionalRequests(uri, { line: 0, character: 0 }), ...documentRequests(uri)]) await answered(m, p);
  }
  await stillWorks();
});

test('positions past the end, negative or huge, and reversed ranges are answered', async () => {
  for (const pos of POSITIONS) for (const [m, p] of positionalRequests(URI, pos)) await answered(m, p);
  for (const [m, p] of documentRequests(URI)) await answered(m, p);
  await stillWorks();
});

test('a document closed while its requests are in flight: every request is answered', async () => {
  const uri = 'file:///abuse/closing/Dockerfile';
  for (let round = 0; round < 5; round++) {
    await client.open(uri, TEXT.repeat(50), 1);
    const pending = [...positionalRequests(uri, { line: 3, character: 2 }), ...documentRequests(uri)].map(([m, p]) => answered(m, p));
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await Promise.all(pending);
  }
  await stillWorks();
});

test('changes out of order and for a closed document do not crash the server', async () => {
  const uri = 'file:///abuse/changes/Dockerfile';
  await client.open(uri, TEXT, 1);
  const change = (version: number, range: unknown, text: string) =>
    client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [range ? { range, text } : { text }] });
  await change(5, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, 'from');
  await change(3, { start: { line: 99, character: 0 }, end: { line: 0, character: 0 } }, 'RUN x\n');
  await change(4, { start: { line: -1, character: -1 }, end: { line: 1, character: 3 } }, '');
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await change(6, null, 'FROM x\n');
  await answered('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
  await stillWorks();
});

test('malformed settings: wrong types are ignored and a partial object keeps the other rules on', async () => {
  const uri = 'file:///abuse/settings/Dockerfile';
  const bad = [
    { dockerfileExplained: { rules: 'off' } },
    { dockerfileExplained: { rules: { DL3015: 42, DL3008: null, '': 'error' }, ignorePragmas: 'yes', hadolintRules: 1, nonRootUser: {}, formatKeywordCase: [] } },
    { dockerfileExplained: null },
    { dockerfileExplained: [] },
    { dockerfileExplained: { rules: { DL3015: 'off' } } },
  ];
  for (const [i, settings] of bad.entries()) {
    const since = client.count;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings });
    await client.open(`${uri}${i}`, TEXT, 1);
    const pub = await client.until((p) => p.uri === `${uri}${i}`, since);
    const codes = new Set(pub.diagnostics.map((d) => d.code));
    // DL3008 (unpinned apt package) is never switched off by any of these objects.
    assert.ok(codes.has('DL3008'), `settings ${JSON.stringify(settings)} switched DL3008 off: ${[...codes].join(' ')}`);
    if (i === bad.length - 1) assert.ok(!codes.has('DL3015'), 'a partial rules object still applies what it says');
    await answered('textDocument/formatting', { textDocument: { uri: `${uri}${i}` }, options: { tabSize: 4, insertSpaces: true } });
  }
  await stillWorks();
});
