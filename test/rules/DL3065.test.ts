import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3065: flags --platform=$TARGETPLATFORM, on the flag', () => {
  assert.deepEqual(findings('FROM --platform=$TARGETPLATFORM alpine:3.20\n', 'DL3065'), ['1:6-1:32']);
  assert.deepEqual(findings('FROM --platform=${TARGETPLATFORM} alpine:3.20 AS a\nFROM --platform="$TARGETPLATFORM" a\n', 'DL3065'), ['1:6-1:34', '2:6-2:34']);
  assert.deepEqual(messages('FROM --platform=$TARGETPLATFORM alpine:3.20\n', 'DL3065'), [
    '`--platform=$TARGETPLATFORM` changes nothing: a stage is built for the target platform by default.',
  ]);
});

test('DL3065: quiet for other platform values', () => {
  assert.deepEqual(
    findings('FROM --platform=$BUILDPLATFORM golang:1.22 AS a\nFROM --platform=${TARGETPLATFORM:-linux/amd64} alpine AS b\nFROM --platform=linux/amd64 alpine AS c\nFROM alpine:3.20\n', 'DL3065'),
    [],
  );
});

test('DL3065: the fix removes the flag, safely, keeping CRLF and continuations', () => {
  assert.equal(fixed('FROM --platform=$TARGETPLATFORM alpine:3.20 AS base\n', 'DL3065'), 'FROM alpine:3.20 AS base\n');
  assert.equal(fixed('FROM --platform=$TARGETPLATFORM \\\r\n  alpine:3.20\r\n', 'DL3065'), 'FROM \\\r\n  alpine:3.20\r\n');
  assert.equal(problemsOf('FROM --platform=$TARGETPLATFORM alpine:3.20\n')[0].fix?.safe, true);
});

test('DL3065: answers to its BuildKit name RedundantTargetPlatform', () => {
  assert.deepEqual(findings('# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM alpine:3.20\n', 'DL3065'), []);
  assert.deepEqual(findings('FROM --platform=$TARGETPLATFORM alpine:3.20\n', 'RedundantTargetPlatform'), ['1:6-1:32']);
  assert.deepEqual(findings('# hadolint ignore=DL3065\nFROM --platform=$TARGETPLATFORM alpine:3.20\n', 'DL3065'), []);
});

import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';
function problemsOf(text: string) {
  return lint(parseDocument(text), { rules: [findRule('DL3065')!] });
}
