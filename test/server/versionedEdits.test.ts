/**
 * A client that applies versioned workspace edits (`documentChanges`) gets quick fixes, fix-all
 * and renames tied to the version they were computed for, so that it refuses them once the
 * document has changed; other clients get plain `changes`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';

const URI = 'file:///versioned/Dockerfile';
const TEXT = 'FROM debian:12 as build\nARG NAME=x\nRUN echo $NAME\n';

async function session(documentChanges: boolean, check: (client: LspClient) => Promise<void>): Promise<void> {
  const client = new LspClient();
  try {
    await client.initialize({}, false, documentChanges);
    await client.open(URI, TEXT, 7);
    await check(client);
  } finally {
    await client.shutdown();
  }
}

async function actionsFor(client: LspClient, only?: string[]) {
  const pub = await client.diagnostics(URI, 7);
  const d = pub.diagnostics.find((x) => x.code === 'FromAsCasing')!;
  return client.conn.sendRequest<any[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: pub.diagnostics, only } });
}

test('documentChanges: the quick fix, fix-all and rename carry the document version', async () => {
  await session(true, async (client) => {
    const [fix] = await actionsFor(client);
    assert.equal(fix.title, 'Write "AS"');
    assert.deepEqual(fix.edit, {
      documentChanges: [{ textDocument: { uri: URI, version: 7 }, edits: [{ range: { start: { line: 0, character: 15 }, end: { line: 0, character: 17 } }, newText: 'AS' }] }],
    });
    const [all] = await actionsFor(client, ['source.fixAll']);
    assert.equal(all.edit.documentChanges[0].textDocument.version, 7);
    assert.equal(all.edit.changes, undefined);
    const renamed = await client.conn.sendRequest<any>('textDocument/rename', { textDocument: { uri: URI }, position: { line: 1, character: 5 }, newName: 'WHO' });
    assert.deepEqual(
      renamed.documentChanges.map((c: any) => [c.textDocument.version, c.edits.map((e: any) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`)]),
      [[7, ['1:4 WHO', '2:10 WHO']]],
    );
  });
});

test('without documentChanges: plain changes', async () => {
  await session(false, async (client) => {
    const [fix] = await actionsFor(client);
    assert.deepEqual(Object.keys(fix.edit), ['changes']);
    assert.equal(fix.edit.changes[URI][0].newText, 'AS');
  });
});
