import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const schema = 'label-schema:\n  foo: text\n';
const two = 'label-schema:\n  org.opencontainers.image.source: url\n  org.opencontainers.image.licenses: spdx\n';

test('DL3049: flags a stage without a required label, on the FROM image', () => {
  assert.deepEqual(findings('FROM baseimage:1\n', 'DL3049', {}, schema), ['1:6-1:17']);
  assert.deepEqual(findings('FROM baseimage:1\nLABEL bar="baz"\n', 'DL3049', {}, schema), ['1:6-1:17']);
  assert.deepEqual(messages('FROM baseimage:1\n', 'DL3049', schema), ['This image has no `foo` label, which the label-schema in .hadolint.yaml requires.']);
});

test('DL3049: lists every missing label in one finding', () => {
  const text = 'FROM python:3.12-slim\nLABEL org.opencontainers.image.title=app\n';
  assert.deepEqual(findings(text, 'DL3049', {}, two), ['1:6-1:22']);
  assert.deepEqual(messages(text, 'DL3049', two), [
    'This image lacks the labels `org.opencontainers.image.source`, `org.opencontainers.image.licenses`, which the label-schema in .hadolint.yaml requires.',
  ]);
  assert.deepEqual(
    findings('FROM python:3.12-slim\nLABEL org.opencontainers.image.source=https://x.example org.opencontainers.image.licenses=MIT\n', 'DL3049', {}, two),
    [],
  );
});

test('DL3049: quiet without a schema, and when the label is present', () => {
  assert.deepEqual(findings('FROM baseimage:1\n', 'DL3049'), []);
  assert.deepEqual(findings('FROM baseimage:1\nLABEL foo="bar"\n', 'DL3049', {}, schema), []);
  // an empty value is present (DL3051 reports it)
  assert.deepEqual(findings('FROM baseimage:1\nLABEL foo=""\n', 'DL3049', {}, schema), []);
  assert.deepEqual(findings('FROM baseimage:1\nLABEL foo=$FOO\n', 'DL3049', {}, schema), []);
});

test('DL3049: each unrelated stage is checked on its own', () => {
  assert.deepEqual(findings('FROM stage1:1\nFROM stage2:2\n', 'DL3049', {}, schema), ['1:6-1:14', '2:6-2:14']);
  assert.deepEqual(findings('FROM baseimage:1\nFROM newimage:1\nLABEL foo="bar"\n', 'DL3049', {}, schema), ['1:6-1:17']);
});

test('DL3049: a stage inherits the labels of the stage it is built FROM (any case)', () => {
  assert.deepEqual(findings('FROM baseimage:1 AS base\nLABEL foo="bar"\nFROM base\n', 'DL3049', {}, schema), []);
  assert.deepEqual(findings('FROM baseimage:1 AS Base\nLABEL foo="bar"\nFROM base AS mid\nFROM mid\n', 'DL3049', {}, schema), []);
  // a base stage is not checked itself; the stage built on it is (hadolint also reports the base)
  assert.deepEqual(findings('FROM baseimage:1 AS base\nFROM base\nLABEL foo="bar"\n', 'DL3049', {}, schema), []);
  assert.deepEqual(findings('FROM baseimage:1 AS base\nFROM base\nRUN true\n', 'DL3049', {}, schema), ['2:6-2:10']);
});

test('DL3049: build helpers used through COPY --from or RUN --mount are not checked', () => {
  const copy = 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20\nLABEL foo=x\nCOPY --from=build /app /app\n';
  assert.deepEqual(findings(copy, 'DL3049', {}, schema), []);
  const index = 'FROM golang:1.22\nRUN go build -o /app\nFROM alpine:3.20\nLABEL foo=x\nCOPY --from=0 /app /app\n';
  assert.deepEqual(findings(index, 'DL3049', {}, schema), []);
  const mount = 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nLABEL foo=x\nRUN --mount=type=bind,from=deps,source=/node_modules,target=/m cp -r /m ./node_modules\n';
  assert.deepEqual(findings(mount, 'DL3049', {}, schema), []);
  // the final stage is still checked
  assert.deepEqual(findings(copy.replace('LABEL foo=x\n', ''), 'DL3049', {}, schema), ['3:6-3:17']);
});

test('DL3049: ONBUILD LABEL does not label this image', () => {
  assert.deepEqual(findings('FROM baseimage:1\nONBUILD LABEL foo=bar\n', 'DL3049', {}, schema), ['1:6-1:17']);
});

test('DL3049: honours ignore pragmas on the FROM line', () => {
  assert.deepEqual(findings('# hadolint ignore=DL3049\nFROM baseimage:1\n', 'DL3049', {}, schema), []);
});

test('DL3049: names the stage when it has a name', () => {
  assert.deepEqual(messages('FROM baseimage:1 AS app\n', 'DL3049', schema), ['Stage `app` has no `foo` label, which the label-schema in .hadolint.yaml requires.']);
});
