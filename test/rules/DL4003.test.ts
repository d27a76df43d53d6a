import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL4003: flags every CMD of a stage but the last, on its keyword', () => {
  const text = 'FROM alpine:3.20\nCMD ["sh"]\nRUN true\nCMD echo hi\nCMD ["top"]\n';
  assert.deepEqual(findings(text, 'DL4003'), ['2:1-2:4', '4:1-4:4']);
  assert.deepEqual(messages('FROM alpine:3.20\ncmd ["sh"]\nCMD ["top"]\n', 'DL4003'), [
    'This CMD has no effect: the CMD on line 3 replaces it (a stage keeps only its last CMD).',
  ]);
});

test('DL4003: quiet with one CMD per stage; HEALTHCHECK CMD and ONBUILD CMD do not count', () => {
  assert.deepEqual(findings('FROM alpine:3.20 AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n', 'DL4003'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nHEALTHCHECK CMD true\nCMD ["sh"]\n', 'DL4003'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD CMD ["a"]\nCMD ["sh"]\n', 'DL4003'), []);
});

test('DL4003: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM alpine:3.20\n# hadolint ignore=DL4003\nCMD ["sh"]\nCMD ["top"]\n', 'DL4003'), []);
});
