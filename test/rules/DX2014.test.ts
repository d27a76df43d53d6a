import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DX2014: a mode that is neither octal nor symbolic is flagged on the value', () => {
  const text = 'FROM alpine:3.20\nCOPY --chmod=rwxr-xr-x entrypoint.sh /usr/local/bin/\n';
  assert.deepEqual(findings(text, 'DX2014'), ['2:14-2:23']);
  assert.deepEqual(messages(text, 'DX2014'), [
    '`--chmod=rwxr-xr-x` is neither an octal mode (`755`) nor a symbolic one (`u+x`, `a=rX`): the builder rejects it.',
  ]);
});

test('DX2014: digits that are not octal and modes above 7777', () => {
  const text = 'FROM alpine:3.20\nADD --chmod=0789 a /a\nCOPY --chmod=17777 b /b\n';
  assert.deepEqual(findings(text, 'DX2014'), ['2:13-2:17', '3:14-3:19']);
  assert.deepEqual(messages(text, 'DX2014'), [
    '`--chmod=0789` is not an octal number (only the digits 0 to 7): the builder rejects it.',
    '`--chmod=17777` is larger than 7777: the builder rejects it.',
  ]);
});

test('DX2014: quiet for octal and symbolic modes, variables and empty values', () => {
  const text = [
    'FROM alpine:3.20',
    'ARG MODE=755',
    'COPY --chmod=755 a /a',
    'COPY --chmod=0644 a /a',
    'COPY --chmod=7777 a /a',
    'COPY --chmod=+x a /a',
    'COPY --chmod=u+x,go-w a /a',
    'COPY --chmod=u=rwX,go=rX a /a',
    'ADD --chmod=a=rwx,o-t a /a',
    'COPY --chmod=$MODE a /a',
    'COPY --chmod= a /a',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2014'), []);
});

test('DX2014: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD COPY --chmod=999 . /app\n', 'DX2014'), ['2:22-2:25']);
});
