import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3002: flags a stage whose last USER is root, on the USER argument', () => {
  assert.deepEqual(findings('FROM debian:12\nUSER root\n', 'DL3002'), ['2:6-2:10']);
  assert.deepEqual(findings('FROM debian:12\nUSER 0\n', 'DL3002'), ['2:6-2:7']);
  assert.deepEqual(findings('FROM debian:12\nUSER root:root\n', 'DL3002'), ['2:6-2:15']);
  assert.deepEqual(findings('FROM debian:12\nUSER 0:0\n', 'DL3002'), ['2:6-2:9']);
});

test('DL3002: quiet for non-root users and when a later USER switches back', () => {
  assert.deepEqual(findings('FROM debian:12\nUSER appuser\n', 'DL3002'), []);
  assert.deepEqual(findings('FROM debian:12\nUSER 1000:0\n', 'DL3002'), []);
  assert.deepEqual(findings('FROM debian:12\nUSER rootless\n', 'DL3002'), []);
  assert.deepEqual(findings('FROM debian:12\nUSER Root\n', 'DL3002'), []);
  assert.deepEqual(findings('FROM debian:12\nUSER root\nRUN apt-get update\nUSER appuser\n', 'DL3002'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update\n', 'DL3002'), []);
});

test('DL3002: checks every stage on its own, not only the final one', () => {
  const text = 'FROM golang:1.22 AS build\nUSER root\nRUN go build ./...\nFROM debian:12\nUSER appuser\n';
  assert.deepEqual(findings(text, 'DL3002'), ['2:6-2:10']);
  assert.match(messages(text, 'DL3002')[0], /stage "build"/);
  // a USER in one stage does not clear a root USER in another
  assert.deepEqual(findings('FROM a AS one\nUSER root\nFROM one\nUSER 0\n', 'DL3002'), ['2:6-2:10', '4:6-4:7']);
});

test('DL3002: an ONBUILD USER changes child images, not this one', () => {
  assert.deepEqual(findings('FROM debian:12\nUSER appuser\nONBUILD USER root\n', 'DL3002'), []);
  assert.deepEqual(findings('FROM debian:12\nUSER root\nONBUILD USER appuser\n', 'DL3002'), ['2:6-2:10']);
});

test('DL3002: reads a USER continued on the next line', () => {
  assert.deepEqual(findings('FROM debian:12\nUSER \\\n  root\n', 'DL3002'), ['3:3-3:7']);
});

test('DL3002: honours pragmas and the rules setting', () => {
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL3002\nUSER root\n', 'DL3002'), []);
  assert.deepEqual(findings('FROM debian:12\nUSER root\n', 'DL3002', { rules: { DL3002: 'off' } }), []);
});
