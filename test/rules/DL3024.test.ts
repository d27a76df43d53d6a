import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3024: flags a stage name used again, on the later name', () => {
  const text = 'FROM golang:1.22 AS build\nRUN go build\nFROM node:20 AS build\nFROM alpine:3.20 as build\n';
  assert.deepEqual(findings(text, 'DL3024'), ['3:17-3:22', '4:21-4:26']);
  assert.deepEqual(messages('FROM golang:1.22 AS build\nFROM node:20 AS build\n', 'DL3024'), [
    'Stage name `build` is already used by the stage on line 1; give each stage its own name.',
  ]);
});

test('DL3024: quiet for unique names and unnamed stages; case matters, as in hadolint', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM node:20 AS web\nFROM alpine:3.20\nFROM alpine:3.20\n', 'DL3024'), []);
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM node:20 AS Build\n', 'DL3024'), []);
});

test('DL3024: has no BuildKit alias (DuplicateStageName ignores case)', () => {
  assert.deepEqual(findings('# check=skip=DuplicateStageName\nFROM golang:1.22 AS build\nFROM node:20 AS build\n', 'DL3024'), ['3:17-3:22']);
});

test('DL3024: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS build\n# hadolint ignore=DL3024\nFROM node:20 AS build\n', 'DL3024'), []);
});
