import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3012: flags every HEALTHCHECK of a stage but the last, on its keyword', () => {
  const text = 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nRUN true\nHEALTHCHECK NONE\n';
  assert.deepEqual(findings(text, 'DL3012'), ['2:1-2:12']);
  assert.deepEqual(messages(text, 'DL3012'), [
    'This HEALTHCHECK has no effect: the HEALTHCHECK on line 4 replaces it (a stage keeps only its last HEALTHCHECK).',
  ]);
  assert.deepEqual(findings('FROM nginx:1.27\nhealthcheck NONE\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\n', 'DL3012'), ['2:1-2:12', '3:1-3:12']);
});

test('DL3012: each stage is counted on its own', () => {
  assert.deepEqual(findings('FROM nginx:1.27 AS a\nHEALTHCHECK CMD true\nFROM a\nHEALTHCHECK CMD false\n', 'DL3012'), []);
  assert.deepEqual(findings('FROM nginx:1.27\nHEALTHCHECK CMD true\n', 'DL3012'), []);
});

test('DL3012: an ONBUILD HEALTHCHECK is for child images and is not counted', () => {
  assert.deepEqual(findings('FROM nginx:1.27\nHEALTHCHECK CMD true\nONBUILD HEALTHCHECK CMD false\n', 'DL3012'), []);
});

test('DL3012: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM nginx:1.27\n# hadolint ignore=DL3012\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\n', 'DL3012'), []);
});
