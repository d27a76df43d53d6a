import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3019: flags apk add without --no-cache, on `apk add`, and inserts the flag', () => {
  const text = 'FROM alpine:3.19\nRUN apk update && apk add curl=8.5.0-r0\n';
  assert.deepEqual(findings(text, 'DL3019'), ['2:19-2:26']);
  assert.equal(fixed(text, 'DL3019'), 'FROM alpine:3.19\nRUN apk update && apk add --no-cache curl=8.5.0-r0\n');
  assert.deepEqual(messages(text, 'DL3019'), ['`apk add` without `--no-cache` leaves the package index in the layer (/var/cache/apk).']);
});

test('DL3019: quiet with --no-cache anywhere, and for other apk subcommands', () => {
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk --no-cache add curl\n', 'DL3019'), []);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk add curl --no-cache\n', 'DL3019'), []);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk del curl && apk upgrade\n', 'DL3019'), []);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN echo apk add curl\n', 'DL3019'), []);
  // --no-network downloads nothing; --simulate installs nothing
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk add --no-network --virtual .rundeps $deps\n', 'DL3019'), []);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk add -s curl\n', 'DL3019'), []);
});

test('DL3019: quiet with a cache or tmpfs mount on /var/cache/apk', () => {
  assert.deepEqual(findings('FROM alpine:3.19\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n', 'DL3019'), []);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n', 'DL3019'), []);
  assert.deepEqual(findings('FROM alpine:3.19\nRUN --mount=type=bind,target=/var/cache/apk apk add curl\n', 'DL3019'), ['2:45-2:52']);
});

test('DL3019: --update and a later rm do not count (as in hadolint)', () => {
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk add --update curl && rm -rf /var/cache/apk/*\n', 'DL3019'), ['2:5-2:12']);
});

test('DL3019: every apk add is reported; the fix keeps continuations and CRLF', () => {
  assert.deepEqual(findings('FROM alpine:3.19\nRUN apk add a && apk add b\n', 'DL3019'), ['2:5-2:12', '2:18-2:25']);
  const crlf = 'FROM alpine:3.19\r\nRUN apk add \\\r\n      curl=8.5.0-r0\r\n';
  assert.deepEqual(findings(crlf, 'DL3019'), ['2:5-2:12']);
  assert.equal(fixed(crlf, 'DL3019'), 'FROM alpine:3.19\r\nRUN apk add --no-cache \\\r\n      curl=8.5.0-r0\r\n');
});

test('DL3019: applies inside ONBUILD; honours ignore pragmas', () => {
  assert.deepEqual(findings('FROM alpine:3.19\nONBUILD RUN apk add curl\n', 'DL3019'), ['2:13-2:20']);
  assert.deepEqual(findings('FROM alpine:3.19\n# hadolint ignore=DL3019\nRUN apk add curl\n', 'DL3019'), []);
});
