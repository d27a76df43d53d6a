import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3061: flags the first instruction before FROM other than ARG, on its keyword', () => {
  assert.deepEqual(findings('LABEL a=b\nRUN true\nFROM alpine:3.20\n', 'DL3061'), ['1:1-1:6']);
  assert.deepEqual(findings('# syntax=docker/dockerfile:1\n# a comment\nARG BASE=alpine:3.20\n\n  env A=1\nFROM $BASE\n', 'DL3061'), ['5:3-5:6']);
  assert.deepEqual(messages('RUN true\nFROM alpine:3.20\n', 'DL3061'), [
    '`RUN` comes before the first FROM; a Dockerfile must start with FROM (only ARG, comments and parser directives may precede it).',
  ]);
  // a file without any FROM
  assert.deepEqual(findings('ARG X=1\nRUN true\nCMD ["sh"]\n', 'DL3061'), ['2:1-2:4']);
});

test('DL3061: quiet when the file starts with FROM or global ARGs', () => {
  assert.deepEqual(findings('# syntax=docker/dockerfile:1\nARG A=1\nARG B\nFROM alpine:3.20\nRUN true\n', 'DL3061'), []);
  assert.deepEqual(findings('', 'DL3061'), []);
});

test('DL3061: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('# hadolint ignore=DL3061\nLABEL a=b\nFROM alpine:3.20\n', 'DL3061'), []);
});
