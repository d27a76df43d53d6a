import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL4004: flags every ENTRYPOINT of a stage but the last, on its keyword', () => {
  const text = 'FROM alpine:3.20\nENTRYPOINT ["sh"]\nENTRYPOINT top\nCMD ["x"]\n  entrypoint ["/init"]\n';
  assert.deepEqual(findings(text, 'DL4004'), ['2:1-2:11', '3:1-3:11']);
  assert.deepEqual(messages('FROM alpine:3.20\nENTRYPOINT ["sh"]\nENTRYPOINT ["top"]\n', 'DL4004'), [
    'This ENTRYPOINT has no effect: the ENTRYPOINT on line 3 replaces it (a stage keeps only its last ENTRYPOINT).',
  ]);
});

test('DL4004: quiet with one ENTRYPOINT per stage, and for ONBUILD ENTRYPOINT', () => {
  assert.deepEqual(findings('FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nFROM a\nENTRYPOINT ["b"]\n', 'DL4004'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD ENTRYPOINT ["a"]\nENTRYPOINT ["sh"]\n', 'DL4004'), []);
});

test('DL4004: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM alpine:3.20\n# hadolint ignore=DL4004\nENTRYPOINT ["sh"]\nENTRYPOINT ["top"]\n', 'DL4004'), []);
});
