import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3063: flags a stage named scratch or context, on the name', () => {
  assert.deepEqual(findings('FROM alpine:3.20 AS scratch\nFROM alpine:3.20 AS context\n', 'DL3063'), ['1:21-1:28', '2:21-2:28']);
  assert.deepEqual(messages('FROM alpine:3.20 AS scratch\n', 'DL3063'), ['`scratch` is a reserved name (it means the empty base image); name the stage something else.']);
  assert.deepEqual(messages('FROM alpine:3.20 AS context\n', 'DL3063'), ['`context` is a reserved name (it means the build context); name the stage something else.']);
});

test('DL3063: quiet for FROM scratch, other names, and other cases (as hadolint)', () => {
  assert.deepEqual(findings('FROM scratch\nFROM scratch AS base\nFROM alpine:3.20 AS scratchpad\nFROM alpine:3.20 AS Scratch\n', 'DL3063'), []);
});

test('DL3063: has no BuildKit alias (ReservedStageName ignores case)', () => {
  assert.deepEqual(findings('# check=skip=ReservedStageName\nFROM alpine:3.20 AS scratch\n', 'DL3063'), ['2:21-2:28']);
});

test('DL3063: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('# hadolint ignore=DL3063\nFROM alpine:3.20 AS scratch\n', 'DL3063'), []);
});
