import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2003: `FROM img AS` without a name is flagged on AS', () => {
  const text = 'FROM golang:1.22 AS\nRUN go version\n';
  assert.deepEqual(findings(text, 'DX2003'), ['1:18-1:20']);
  assert.deepEqual(messages(text, 'DX2003'), [
    '`AS` has no stage name after it: the builder accepts only `FROM <image>` or `FROM <image> AS <name>`.',
  ]);
});

test('DX2003: a stage name without AS gets a fix that inserts AS (in the keyword\'s case)', () => {
  const text = 'FROM golang:1.22 builder\n';
  assert.deepEqual(findings(text, 'DX2003'), ['1:18-1:25']);
  assert.equal(fixed(text, 'DX2003'), 'FROM golang:1.22 AS builder\n');
  assert.equal(fixed('from golang:1.22 builder\r\nrun true\r\n', 'DX2003'), 'from golang:1.22 as builder\r\nrun true\r\n');
});

test('DX2003: a misspelt AS is corrected', () => {
  const text = 'FROM golang:1.22 SA builder\n';
  assert.deepEqual(findings(text, 'DX2003'), ['1:18-1:20']);
  assert.equal(fixed(text, 'DX2003'), 'FROM golang:1.22 AS builder\n');
});

test('DX2003: extra words, and a trailing comment, are flagged from the first extra word', () => {
  const text = 'FROM node:20 AS build # compile stage\n';
  assert.deepEqual(findings(text, 'DX2003'), ['1:23-1:38']);
  assert.deepEqual(messages(text, 'DX2003'), [
    '`FROM` has 6 words: the builder accepts only `FROM <image>` or `FROM <image> AS <name>`. A `#` comment must start its own line: here it is part of the instruction.',
  ]);
  assert.deepEqual(findings('FROM node:20 alpine latest\n', 'DX2003'), ['1:14-1:27']);
  assert.deepEqual(findings('FROM node:20 # base\n', 'DX2003'), ['1:14-1:20']);
});

test('DX2003: quiet for one or three words, any case of AS, flags and continuation lines', () => {
  assert.deepEqual(findings('FROM node:20\nFROM node:20 AS build\nfrom node:20 as b2\nFROM --platform=$BUILDPLATFORM node:20 As b3\nFROM node:20 \\\n  AS b4\n', 'DX2003'), []);
  assert.deepEqual(findings('FROM\n', 'DX2003'), []);
});
