import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const schema = 'label-schema:\n  rev: hash\n';

test('DL3055: flags a hash label that is not a commit id, on the value', () => {
  const text = 'FROM alpine:3.20\nLABEL rev="main"\n';
  assert.deepEqual(findings(text, 'DL3055', {}, schema), ['2:11-2:17']);
  assert.deepEqual(messages(text, 'DL3055', schema), ['Label `rev` should be a git commit hash (7 to 40 lowercase hex digits), but is `main`.']);
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL rev=ABCDEF0\n', 'DL3055', schema), [
    'Label `rev` should be a git commit hash (7 to 40 lowercase hex digits), but is `ABCDEF0` (git writes hashes in lowercase).',
  ]);
});

test('DL3055: wrong lengths and characters', () => {
  for (const v of ['abcdef', 'a'.repeat(41), 'g123456', 'v1.2.3', 'a'.repeat(63)]) {
    assert.deepEqual(findings(`FROM alpine:3.20\nLABEL rev=${v}\n`, 'DL3055', {}, schema).length, 1, v);
  }
});

test('DL3055: quiet for 7 to 40 hex digits, 64 for SHA-256, and variables', () => {
  for (const v of ['9f3b2c1', '9f3b2c1d8e7a', '4f2c9e1d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d', 'a'.repeat(64)]) {
    assert.deepEqual(findings(`FROM alpine:3.20\nLABEL rev=${v}\n`, 'DL3055', {}, schema), [], v);
  }
  assert.deepEqual(findings('FROM alpine:3.20\nARG GIT_COMMIT\nLABEL rev=${GIT_COMMIT}\n', 'DL3055', {}, schema), []);
});

test('DL3055: applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD LABEL rev=HEAD\n', 'DL3055', {}, schema), ['2:19-2:23']);
});
