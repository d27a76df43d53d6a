import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3063: flags a stage named scratch or context, on the name', () => {
  assert.deepEqual(findings('FROM alpine:3.20 AS scratch\nFROM alpine:3.20 AS context\n', 'DL3063'), ['1:21-1:28', '2:21-2:28']);
  assert.deepEqual(messages('FROM alpine:3.20 AS scratch\n', 'DL3063'), ['`scratch` is a reserved name (it means the empty base image); name the stage something else.']);
  assert.deepEqual(messages('FROM alpine:3.20 AS context\n', 'DL3063'), ['`context` is a reserved name (it means the build context); name the stage something else.']);
});

test('DL3063: in any case (the builder lowercases stage names)', () => {
  assert.deepEqual(findings('FROM alpine:3.20 AS Scratch\nFROM alpine:3.20 AS CONTEXT\n', 'DL3063'), ['1:21-1:28', '2:21-2:28']);
  assert.deepEqual(messages('FROM alpine:3.20 AS Scratch\n', 'DL3063'), [
    '`Scratch` is a reserved name (the builder reads it as `scratch`, which means the empty base image); name the stage something else.',
  ]);
});

test('DL3063: quiet for FROM scratch and for other names', () => {
  assert.deepEqual(findings('FROM scratch\nFROM scratch AS base\nFROM alpine:3.20 AS scratchpad\nFROM alpine:3.20 AS build-context\n', 'DL3063'), []);
});

test('DL3063: answers to its BuildKit name ReservedStageName', () => {
  assert.deepEqual(findings('# check=skip=ReservedStageName\nFROM alpine:3.20 AS scratch\n', 'DL3063'), []);
  assert.deepEqual(findings('FROM alpine:3.20 AS Scratch\n', 'ReservedStageName'), ['1:21-1:28']);
});

test('DL3063: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('# hadolint ignore=DL3063\nFROM alpine:3.20 AS scratch\n', 'DL3063'), []);
});
