import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

const strict = 'label-schema:\n  a: text\nstrict-labels: true\n';

test('DL3050: with strict-labels, flags each label outside the schema, on its key', () => {
  const text = 'FROM alpine:3.20\nLABEL a=1 b=2 c=3\n';
  assert.deepEqual(findings(text, 'DL3050', {}, strict), ['2:11-2:12', '2:15-2:16']);
  assert.deepEqual(messages(text, 'DL3050', strict), [
    'Label `b` is not in the label-schema of .hadolint.yaml, and strict-labels allows no others.',
    'Label `c` is not in the label-schema of .hadolint.yaml, and strict-labels allows no others.',
  ]);
});

test('DL3050: off without strict-labels; with an empty schema every label is extra', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL a=1 b=2\n', 'DL3050', {}, 'label-schema:\n  a: text\n'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL a=1 b=2\n', 'DL3050'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL a=1 b=2\n', 'DL3050', {}, 'strict-labels: true\n'), ['2:7-2:8', '2:11-2:12']);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL a=1\n', 'DL3050', {}, strict), []);
  // keys compare exactly
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL A=1\n', 'DL3050', {}, strict), ['2:7-2:8']);
});

test('DL3050: the fix removes the pair and its separator', () => {
  const text = 'FROM alpine:3.20\nLABEL a=1 b=2 c=3\n';
  assert.equal(fixed(text, 'DL3050', 0, {}, strict), 'FROM alpine:3.20\nLABEL a=1 c=3\n');
  assert.equal(fixed(text, 'DL3050', 1, {}, strict), 'FROM alpine:3.20\nLABEL a=1 b=2\n');
  assert.equal(fixed('FROM alpine:3.20\nLABEL team="web team" a=1\n', 'DL3050', 0, {}, strict), 'FROM alpine:3.20\nLABEL a=1\n');
});

test('DL3050: the fix removes a LABEL left without pairs, with its line', () => {
  assert.equal(fixed('FROM alpine:3.20\nLABEL team=web\nRUN true\n', 'DL3050', 0, {}, strict), 'FROM alpine:3.20\nRUN true\n');
  assert.equal(fixed('FROM alpine:3.20\nLABEL team=web', 'DL3050', 0, {}, strict), 'FROM alpine:3.20');
  assert.equal(fixed('FROM alpine:3.20\nLABEL team=web \\\n  b=2\nRUN true\n', 'DL3050', 1, {}, 'strict-labels: true\n'), 'FROM alpine:3.20\nLABEL team=web\nRUN true\n');
});

test('DL3050: keeps continuation lines and CRLF', () => {
  const last = 'FROM alpine:3.20\r\nLABEL a=1 \\\r\n      team=web\r\nRUN true\r\n';
  assert.deepEqual(findings(last, 'DL3050', {}, strict), ['3:7-3:11']);
  assert.equal(fixed(last, 'DL3050', 0, {}, strict), 'FROM alpine:3.20\r\nLABEL a=1\r\nRUN true\r\n');
  const first = 'FROM alpine:3.20\r\nLABEL team=web \\\r\n      a=1\r\n';
  assert.equal(fixed(first, 'DL3050', 0, {}, strict), 'FROM alpine:3.20\r\nLABEL a=1\r\n');
  const only = 'FROM alpine:3.20\r\nLABEL team=web \\\r\n      owner=me\r\nRUN true\r\n';
  assert.equal(fixed(fixed(only, 'DL3050', 1, {}, strict), 'DL3050', 0, {}, strict), 'FROM alpine:3.20\r\nRUN true\r\n');
});

test('DL3050: applies inside ONBUILD; the fix removes the ONBUILD line', () => {
  const text = 'FROM alpine:3.20\nONBUILD LABEL team=web\nRUN true\n';
  assert.deepEqual(findings(text, 'DL3050', {}, strict), ['2:15-2:19']);
  assert.equal(fixed(text, 'DL3050', 0, {}, strict), 'FROM alpine:3.20\nRUN true\n');
});
