import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3064: flags ARG and ENV names that look like secrets, on the name', () => {
  assert.deepEqual(findings('FROM node:20\nARG NPM_TOKEN\nENV DB_PASSWORD=changeme\n', 'DL3064'), ['2:5-2:14', '3:5-3:16']);
  assert.deepEqual(messages('FROM node:20\nARG NPM_TOKEN\n', 'DL3064'), [
    '`NPM_TOKEN` looks like a secret, and ARG values are recorded in the image history of every RUN that uses them; pass secrets with `RUN --mount=type=secret` instead.',
  ]);
  assert.deepEqual(messages('FROM node:20\nENV api_key=x\n', 'DL3064'), [
    '`api_key` looks like a secret, and ENV values are stored in the image configuration; pass secrets with `RUN --mount=type=secret` instead.',
  ]);
  // several names in one ENV: each offending one
  assert.deepEqual(findings('FROM node:20\nENV MODE=prod AWS_ACCESS_KEY_ID=x \\\n    GH_TOKEN=y\n', 'DL3064'), ['2:15-2:32', '3:5-3:13']);
});

test('DL3064: matches known names in any case and suspicious parts anywhere in the name', () => {
  assert.deepEqual(findings('FROM node:20\nARG docker_email\n', 'DL3064'), ['2:5-2:17']);
  assert.deepEqual(findings('FROM node:20\nENV TOKENIZER_MODEL=bert\n', 'DL3064'), ['2:5-2:20']);
  assert.deepEqual(findings('ARG PRIVATE_REGISTRY=reg.example.com\nFROM node:20\n', 'DL3064'), ['1:5-1:21']);
});

test('DL3064: quiet for ordinary names (whole-word matches such as SIGNING_KEY are BuildKit\'s check)', () => {
  assert.deepEqual(findings('FROM node:20\nARG VERSION=1\nENV NODE_ENV=production PATH=/app/bin:$PATH SIGNING_KEY=x AUTH=basic\n', 'DL3064'), []);
});

test('DL3064: applies inside ONBUILD and honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM node:20\nONBUILD ARG GITHUB_TOKEN\n', 'DL3064'), ['2:13-2:25']);
  assert.deepEqual(findings('FROM node:20\n# hadolint ignore=DL3064\nARG NPM_TOKEN\n', 'DL3064'), []);
});

test('DL3064: every name of a multi-name ARG is checked', () => {
  assert.deepEqual(findings('FROM alpine\nARG VERSION API_TOKEN\n', 'DL3064'), ['2:13-2:22']);
});
