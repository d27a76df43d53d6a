import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3029: flags FROM --platform with a fixed value, on the flag', () => {
  assert.deepEqual(findings('FROM --platform=linux/amd64 python:3.12\n', 'DL3029'), ['1:6-1:28']);
  assert.deepEqual(messages('FROM --platform=linux/amd64 python:3.12\n', 'DL3029'), [
    '`--platform=linux/amd64` pins this stage to one platform, whatever platform the build targets; leave it out or use `$BUILDPLATFORM`.',
  ]);
  // other variables count as fixed, as in hadolint
  assert.deepEqual(findings('FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20\n', 'DL3029'), ['1:6-1:38']);
});

test('DL3029: quiet without the flag and with BUILDPLATFORM or TARGETPLATFORM', () => {
  assert.deepEqual(findings('FROM python:3.12\n', 'DL3029'), []);
  assert.deepEqual(
    findings('FROM --platform=$BUILDPLATFORM golang:1.22 AS a\nFROM --platform="${BUILDPLATFORM:-linux/amd64}" alpine AS b\nFROM --platform=${TARGETPLATFORM} alpine AS c\n', 'DL3029'),
    [],
  );
});

test('DL3029: the fix removes the flag and keeps the layout', () => {
  assert.equal(fixed('FROM --platform=linux/amd64 python:3.12 AS app\n', 'DL3029'), 'FROM python:3.12 AS app\n');
  assert.equal(fixed('FROM --platform=linux/arm64 \\\n    python:3.12\n', 'DL3029'), 'FROM \\\n    python:3.12\n');
  assert.equal(fixed('from --platform=linux/amd64\tpython:3.12\r\nRUN true\r\n', 'DL3029'), 'from python:3.12\r\nRUN true\r\n');
});

test('DL3029: the fix needs a review; there is no BuildKit alias', () => {
  assert.equal(problemsOf('FROM --platform=linux/amd64 python:3.12\n')[0].fix?.safe, false);
  assert.deepEqual(findings('# check=skip=FromPlatformFlagConstDisallowed\nFROM --platform=linux/amd64 python:3.12\n', 'DL3029'), ['2:6-2:28']);
});

test('DL3029: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('# hadolint ignore=DL3029\nFROM --platform=linux/amd64 python:3.12\n', 'DL3029'), []);
});

import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';
function problemsOf(text: string) {
  return lint(parseDocument(text), { rules: [findRule('DL3029')!] });
}
