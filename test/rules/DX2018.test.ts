import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DX2018: a stage name that does not start with a letter is flagged on the name', () => {
  const text = 'FROM golang:1.22 AS 1-build\n';
  assert.deepEqual(findings(text, 'DX2018'), ['1:21-1:28']);
  assert.deepEqual(messages(text, 'DX2018'), [
    '`1-build` is not a valid stage name (it must start with a letter; then only letters, digits, `-`, `_` and `.`): the builder rejects it.',
  ]);
});

test('DX2018: symbols and variables', () => {
  const text = 'FROM alpine:3.20 AS build:dev\nFROM alpine:3.20 as ${TARGET}\nFROM alpine:3.20 \\\n  AS my/stage\n';
  assert.deepEqual(findings(text, 'DX2018'), ['1:21-1:30', '2:21-2:30', '4:6-4:14']);
  assert.deepEqual(messages('FROM alpine:3.20 AS build:dev\n', 'DX2018'), [
    '`build:dev` is not a valid stage name (it contains `:`; then only letters, digits, `-`, `_` and `.`): the builder rejects it.',
  ]);
});

test('DX2018: quiet for valid names in any case, and for FROM lines without a name', () => {
  const text = 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS Build_2.x-final\nfrom alpine:3.20 as b\nFROM alpine:3.20\nFROM alpine:3.20 AS\n';
  assert.deepEqual(findings(text, 'DX2018'), []);
});
