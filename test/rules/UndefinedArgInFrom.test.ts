import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

const ID = 'UndefinedArgInFrom';

test('UndefinedArgInFrom: flags an undeclared variable in the FROM image or --platform, on the variable', () => {
  assert.deepEqual(findings('FROM node:${NODE_VERSION}-alpine\n', ID), ['1:11-1:26']);
  assert.deepEqual(findings('FROM --platform=$PLATFORM alpine AS b\n', ID), ['1:17-1:26']);
  assert.deepEqual(messages('FROM node:${NODE_VERSION}-alpine\n', ID), [
    '`$NODE_VERSION` is not a build argument FROM can use, so it expands to nothing. Declare `ARG NODE_VERSION` before the first FROM.',
  ]);
});

test('UndefinedArgInFrom: quiet for global ARGs (with or without a default) and the predefined platform arguments', () => {
  assert.deepEqual(findings('ARG BASE\nARG TAG=3.20\nFROM ${BASE:-alpine}:$TAG\n', ID), []);
  assert.deepEqual(findings('ARG BASE TAG=3.20\nFROM $BASE:$TAG\n', ID), []);
  assert.deepEqual(findings('FROM --platform=$BUILDPLATFORM golang:1.22-${TARGETOS} AS b\nFROM --platform=${TARGETPLATFORM} b\n', ID), []);
  assert.deepEqual(findings('FROM alpine:${BUILDOSVERSION}${TARGETOSVERSION}${TARGETSTAGE}\n', ID), []);
});

test('UndefinedArgInFrom: an ARG inside a stage does not count, and a default does not help', () => {
  const text = 'FROM alpine AS a\nARG TAG=3.20\nFROM alpine:$TAG\n';
  assert.deepEqual(findings(text, ID), ['3:13-3:17']);
  assert.deepEqual(messages(text, ID), [
    '`$TAG` is not a build argument FROM can use, so it expands to nothing. An ARG inside a stage is not visible to FROM lines: declare it before the first FROM.',
  ]);
  assert.deepEqual(findings('FROM ${IMAGE:-alpine}\n', ID), ['1:6-1:22']);
});

test('UndefinedArgInFrom: suggests a close name; otherwise declares the argument (keeping CRLF)', () => {
  const typo = 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSOIN}-alpine\n';
  assert.deepEqual(messages(typo, ID), [
    '`$NODE_VERSOIN` is not a build argument FROM can use, so it expands to nothing. Did you mean `$NODE_VERSION`?',
  ]);
  assert.equal(fixed(typo, ID), 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\n');
  assert.equal(fixed('# syntax=docker/dockerfile:1\r\nFROM $BASE\r\n', ID), '# syntax=docker/dockerfile:1\r\nARG BASE\r\nFROM $BASE\r\n');
});

test('UndefinedArgInFrom: silenced by check=skip', () => {
  assert.deepEqual(findings('# check=skip=UndefinedArgInFrom\nFROM $BASE\n', ID), []);
});
