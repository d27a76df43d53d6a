import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2001: flags a misspelt instruction on its keyword, with the closest instruction as fix', () => {
  const text = 'FROM alpine:3.20\nRUNN apk add --no-cache curl\n';
  assert.deepEqual(findings(text, 'DX2001'), ['2:1-2:5']);
  assert.deepEqual(messages(text, 'DX2001'), ['`RUNN` is not a Dockerfile instruction: the build stops here. Did you mean `RUN`?']);
  assert.equal(fixed(text, 'DX2001'), 'FROM alpine:3.20\nRUN apk add --no-cache curl\n');
});

test('DX2001: the fix keeps lowercase keywords lowercase and the file\'s CRLF line ends', () => {
  assert.equal(fixed('from alpine:3.20\r\ncopyy . /app\r\n', 'DX2001'), 'from alpine:3.20\r\ncopy . /app\r\n');
  assert.equal(fixed('FROM alpine:3.20\nWROKDIR /app\n', 'DX2001'), 'FROM alpine:3.20\nWORKDIR /app\n');
});

test('DX2001: a line that lost the continuation of the RUN above gets a hint and no fix', () => {
  const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    curl\n    wget\n';
  assert.deepEqual(findings(text, 'DX2001'), ['4:5-4:9']);
  assert.deepEqual(messages(text, 'DX2001'), [
    '`wget` is not a Dockerfile instruction: the build stops here. Is it meant to continue the `RUN` above, which lacks a `\\` at the end of its last line?',
  ]);
  assert.throws(() => fixed(text, 'DX2001'), /has no fix/);
});

test('DX2001: inside ONBUILD, on the trigger keyword', () => {
  const text = 'FROM node:20\nONBUILD RUNN npm ci\n';
  assert.deepEqual(findings(text, 'DX2001'), ['2:9-2:13']);
  assert.match(messages(text, 'DX2001')[0], /every image made `FROM` this one/);
  assert.equal(fixed(text, 'DX2001'), 'FROM node:20\nONBUILD RUN npm ci\n');
});

test('DX2001: quiet for every instruction in any case, heredoc bodies and continued lines', () => {
  const text = [
    'from alpine:3.20 AS base',
    'Run <<EOF',
    'apkk add curl',
    'EOF',
    'COPY <<conf /etc/app.conf',
    'listen 80',
    'conf',
    'RUN apk add \\',
    '    # a comment line inside',
    '    curl',
    'healthcheck CMD true',
    'ONBUILD COPY . /app',
    'MAINTAINER me',
    'ARG A',
    'ENV B=1',
    'LABEL c=d',
    'EXPOSE 80',
    'USER app',
    'WORKDIR /app',
    'VOLUME /data',
    'STOPSIGNAL SIGTERM',
    'SHELL ["/bin/sh", "-c"]',
    'ENTRYPOINT ["app"]',
    'CMD ["--help"]',
    'ADD a /b',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2001'), []);
});

test('DX2001: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM alpine:3.20\n# hadolint ignore=DX2001\nRUNN true\n', 'DX2001'), []);
});
