import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3043: flags ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER, on the trigger keyword', () => {
  const text = 'FROM node:20\nONBUILD ONBUILD RUN npm ci\nONBUILD FROM alpine:3.20\nonbuild maintainer me\n';
  assert.deepEqual(findings(text, 'DL3043'), ['2:9-2:16', '3:9-3:13', '4:9-4:19']);
  assert.deepEqual(messages('FROM node:20\nONBUILD FROM alpine:3.20\n', 'DL3043'), [
    "`ONBUILD FROM` is not allowed (a trigger runs inside the child's stage and can't start a new one); BuildKit rejects the Dockerfile.",
  ]);
});

test('DL3043: quiet for ordinary triggers', () => {
  assert.deepEqual(findings('FROM node:20\nONBUILD COPY . /app/\nONBUILD RUN npm ci\n', 'DL3043'), []);
});

test('DL3043: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM node:20\n# hadolint ignore=DL3043\nONBUILD ONBUILD RUN npm ci\n', 'DL3043'), []);
});
