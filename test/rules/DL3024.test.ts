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

test('DL3024: names that differ only in case are duplicates (the builder lowercases them)', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS Build\nFROM node:20 AS build\n', 'DL3024'), ['2:17-2:22']);
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM node:20 AS BUILD\nFROM node:20 AS Build\n', 'DL3024'), ['2:17-2:22', '3:17-3:22']);
  assert.deepEqual(messages('FROM golang:1.22 AS Build\nFROM node:20 AS build\n', 'DL3024'), [
    'Stage name `build` is already used by the stage on line 1 (as `Build`; case does not count); give each stage its own name.',
  ]);
});

test('DL3024: quiet for unique names and unnamed stages', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM node:20 AS web\nFROM alpine:3.20\nFROM alpine:3.20\n', 'DL3024'), []);
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM node:20 AS builder\nFROM build AS web\n', 'DL3024'), []);
});

test('DL3024: answers to its BuildKit name DuplicateStageName', () => {
  assert.deepEqual(findings('# check=skip=DuplicateStageName\nFROM golang:1.22 AS build\nFROM node:20 AS build\n', 'DL3024'), []);
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM node:20 AS Build\n', 'DuplicateStageName'), ['2:17-2:22']);
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM node:20 AS build\n', 'DL3024', { rules: { DuplicateStageName: 'off' } }), []);
});

test('DL3024: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS build\n# hadolint ignore=DL3024\nFROM node:20 AS build\n', 'DL3024'), []);
});
