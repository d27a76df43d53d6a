import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3045: flags COPY to a relative destination before any WORKDIR, on the destination', () => {
  assert.deepEqual(findings('FROM python:3.12\nCOPY requirements.txt .\n', 'DL3045'), ['2:23-2:24']);
  assert.deepEqual(messages('FROM python:3.12\nCOPY app.py src/\n', 'DL3045'), [
    "COPY to the relative path `src/` before any WORKDIR: where the files land depends on the base image's working directory. Set WORKDIR first or use an absolute path.",
  ]);
  assert.deepEqual(findings('FROM python:3.12\nCOPY ["a b.txt", "data/"]\n', 'DL3045'), ['2:18-2:25']);
  // a WORKDIR after the COPY does not help it
  assert.deepEqual(findings('FROM python:3.12\nCOPY app.py app/\nWORKDIR /srv\n', 'DL3045'), ['2:13-2:17']);
});

test('DL3045: quotes at either end are ignored, as hadolint reads the path', () => {
  assert.deepEqual(findings('FROM python:3.12\nCOPY a "${HOME}"/a\n', 'DL3045'), []);
  assert.deepEqual(findings('FROM python:3.12\nCOPY a "rel/"\n', 'DL3045'), ['2:8-2:14']);
});

test('DL3045: quiet for absolute, variable and Windows destinations', () => {
  assert.deepEqual(findings('FROM python:3.12\nCOPY a /app/\nCOPY a "/app/"\nCOPY a $APP_HOME\nCOPY a C:\\app\\\nCOPY a c:/app/\n', 'DL3045'), []);
});

test('DL3045: a WORKDIR earlier in the stage or in a parent stage counts; one in an unrelated stage does not', () => {
  assert.deepEqual(findings('FROM python:3.12\nWORKDIR /srv\nCOPY a .\n', 'DL3045'), []);
  assert.deepEqual(findings('FROM python:3.12 AS base\nWORKDIR /srv\nFROM base\nCOPY a .\n', 'DL3045'), []);
  assert.deepEqual(findings('FROM python:3.12 AS base\nWORKDIR /srv\nFROM python:3.12\nCOPY a .\n', 'DL3045'), ['4:8-4:9']);
  // ONBUILD WORKDIR only applies to child images
  assert.deepEqual(findings('FROM python:3.12\nONBUILD WORKDIR /srv\nCOPY a .\n', 'DL3045'), ['3:8-3:9']);
});

test('DL3045: applies to ONBUILD COPY, and the heredoc body is not the destination', () => {
  assert.deepEqual(findings('FROM python:3.12\nONBUILD COPY . app/\n', 'DL3045'), ['2:16-2:20']);
  assert.deepEqual(findings('FROM python:3.12\nWORKDIR /srv\nONBUILD COPY . app/\n', 'DL3045'), []);
  assert.deepEqual(findings('FROM python:3.12\nCOPY <<EOF /etc/motd\nrelative words\nEOF\n', 'DL3045'), []);
});

test('DL3045: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM python:3.12\n# hadolint ignore=DL3045\nCOPY a .\n', 'DL3045'), []);
});
