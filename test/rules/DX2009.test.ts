import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2009: a repeated flag is flagged on its second occurrence; identical copies are removed by the fix', () => {
  const text = 'FROM node:20-alpine\nCOPY --chown=node:node --link --chown=node:node . .\n';
  assert.deepEqual(findings(text, 'DX2009'), ['2:31-2:48']);
  assert.deepEqual(messages(text, 'DX2009'), ['`--chown` is given twice on this `COPY`: the builder rejects a repeated `--chown`.']);
  assert.equal(fixed(text, 'DX2009'), 'FROM node:20-alpine\nCOPY --chown=node:node --link . .\n');
});

test('DX2009: differing values are named and get no fix', () => {
  const text = 'FROM alpine:3.20\nRUN --network=none --network=host true\n';
  assert.deepEqual(findings(text, 'DX2009'), ['2:20-2:34']);
  assert.deepEqual(messages(text, 'DX2009'), ['`--network` is given twice on this `RUN` (`none`, then `host`): the builder rejects a repeated `--network`.']);
  assert.throws(() => fixed(text, 'DX2009'), /has no fix/);
});

test('DX2009: the fix keeps continuation lines and CRLF', () => {
  const text = 'FROM alpine:3.20\r\nHEALTHCHECK --interval=5s \\\r\n  --interval=5s \\\r\n  CMD true\r\n';
  assert.deepEqual(findings(text, 'DX2009'), ['3:3-3:16']);
  assert.equal(fixed(text, 'DX2009'), 'FROM alpine:3.20\r\nHEALTHCHECK --interval=5s \\\r\n  CMD true\r\n');
});

test('DX2009: --mount, --device and --exclude may repeat; unknown flags are DX2008\'s', () => {
  const text = [
    'FROM alpine:3.20',
    'RUN --mount=type=cache,target=/a --mount=type=cache,target=/b --device=a.com/x --device=b.com/y true',
    'COPY --exclude=*.md --exclude=tests . /src/',
    'ADD --exclude=a --exclude=b . /src/',
    'COPY --bogus=1 --bogus=2 a /b',
    'HEALTHCHECK --interval=1s --interval=2s NONE',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2009'), []);
});

test('DX2009: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD COPY --link --link . /app\n', 'DX2009'), ['2:21-2:27']);
});
