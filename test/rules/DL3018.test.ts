import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3018: flags each unpinned apk package, on the package word', () => {
  const text = 'FROM alpine:3.19\nRUN apk add --no-cache curl bash=5.2.21-r0\n';
  assert.deepEqual(findings(text, 'DL3018'), ['2:24-2:28']);
  assert.deepEqual(messages(text, 'DL3018'), ['`curl` has no version: write `curl=<version>` (or `curl~<version>`) so every build installs the same one.']);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk --no-cache add curl git\n', 'DL3018'), ['2:24-2:28', '2:29-2:32']);
});

test('DL3018: quiet for =, ~, >, < and .apk files', () => {
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk add --no-cache curl=8.5.0-r0 bash~5.2 "git>2.40" "jq<2" ./x.apk\n', 'DL3018'), []);
});

test('DL3018: names given to --virtual/-t and --repository/-X values are not packages', () => {
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20231014-r0\n', 'DL3018'), []);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk add --no-cache -t .deps -X https://dl-cdn.alpinelinux.org/alpine/edge/testing gcc~13\n', 'DL3018'), []);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk add --no-cache --repository=http://x/edge/main make\n', 'DL3018'), ['2:56-2:60']);
});

test('DL3018: only apk add', () => {
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk del curl && apk info bash && apk update\n', 'DL3018'), []);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN echo apk add curl\n', 'DL3018'), []);
});

test('DL3018: variables, ONBUILD and continuations', () => {
  assert.deepEqual(findings('FROM alpine:3.19\nARG CURL=curl=8.5.0-r0\nRUN apk add --no-cache $CURL\n', 'DL3018'), []);
  assert.deepEqual(findings('FROM alpine:3.19\nENV DEPS="gcc make=4.4.1-r2"\nRUN apk add --no-cache $DEPS\n', 'DL3018'), ['3:24-3:29']);
  assert.deepEqual(findings('FROM alpine:3.19\nONBUILD RUN apk add curl\n', 'DL3018'), ['2:21-2:25']);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk add --no-cache \\\n      curl \\\n      tini=0.19.0-r2\n', 'DL3018'), ['3:7-3:11']);
});

test('DL3018: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM alpine:3.19\n# hadolint ignore=DL3018\nRUN apk add curl\n', 'DL3018'), []);
});
