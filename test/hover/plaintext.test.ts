import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToPlainText } from '../../server/src/service/plaintext';
import { hover } from '../../server/src/service/hover';
import { parseDocument } from '../../server/src/model/document';

test('plain text keeps the words and drops the markup', () => {
  const md = [
    '**RUN --mount**',
    '',
    'Mounts a `cache` while the step runs; see [Docker reference](https://docs.docker.com/x).',
    '',
    '| Variable | Effect |',
    '|---|---|',
    '| `PYTHONUNBUFFERED=1` | logs appear at once |',
    '',
    '```dockerfile',
    'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    '```',
    '',
    '---',
    '',
    '## Why',
    '*Faster* builds, _less_ download.',
  ].join('\n');
  assert.equal(
    markdownToPlainText(md),
    [
      'RUN --mount',
      '',
      'Mounts a cache while the step runs; see Docker reference (https://docs.docker.com/x).',
      '',
      'Variable — Effect',
      'PYTHONUNBUFFERED=1 — logs appear at once',
      '',
      'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
      '',
      'Why',
      'Faster builds, less download.',
    ].join('\n'),
  );
});

test('hover answers in plain text when the client asks for it', () => {
  const h = hover(parseDocument('FROM alpine:3.20\nRUN echo hi\n'), { line: 1, character: 1 }, [], { plainText: true });
  assert.equal((h?.contents as { kind: string }).kind, 'plaintext');
  const value = (h?.contents as { value: string }).value;
  assert.ok(value.startsWith('RUN\n'), value.slice(0, 40));
  assert.doesNotMatch(value, /\*\*|`/);
});
