import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3059: flags a RUN right after a RUN, on the later keyword, and merges them', () => {
  const text = 'FROM alpine:3.20\nRUN adduser -D app\nRUN mkdir /data\n';
  assert.deepEqual(findings(text, 'DL3059'), ['3:1-3:4']);
  assert.equal(fixed(text, 'DL3059'), 'FROM alpine:3.20\nRUN adduser -D app && \\\n    mkdir /data\n');
  assert.deepEqual(messages(text, 'DL3059'), ['This RUN directly follows the RUN on line 2; each one adds a layer — consider merging them.']);
});

test('DL3059: a run of three RUNs gives two findings', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nRUN a\nRUN b\nrun c\n', 'DL3059'), ['3:1-3:4', '4:1-4:4']);
});

test('DL3059: comments and blank lines between do not separate; another instruction does', () => {
  const text = 'FROM alpine:3.20\nRUN a\n\n# then b\nRUN b\n';
  assert.deepEqual(findings(text, 'DL3059'), ['5:1-5:4']);
  assert.throws(() => fixed(text, 'DL3059'), /has no fix/);
  const blank = 'FROM alpine:3.20\nRUN a\n\nRUN b\n';
  assert.equal(fixed(blank, 'DL3059'), 'FROM alpine:3.20\nRUN a && \\\n    b\n');
  assert.deepEqual(findings('FROM alpine:3.20\nRUN a\nWORKDIR /app\nRUN b\n', 'DL3059'), []);
  assert.deepEqual(findings('FROM alpine:3.20 AS one\nRUN a\nFROM alpine:3.20\nRUN b\n', 'DL3059'), []);
});

test('DL3059: quiet when either RUN chains more than two commands', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nRUN a && b && c\nRUN d\n', 'DL3059'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN a\nRUN b; c; d\n', 'DL3059'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN a && b\nRUN c | d\n', 'DL3059'), ['3:1-3:4']);
});

test('DL3059: quiet when the RUN flags differ, reported when they are the same (in any order)', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --mount=type=secret,id=a a\nRUN b\n', 'DL3059'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --mount=type=secret,id=a a\nRUN --mount=type=secret,id=b b\n', 'DL3059'), []);
  const same = 'FROM alpine:3.20\nRUN --network=none --mount=type=cache,target=/c a\nRUN --mount=type=cache,target=/c --network=none b\n';
  assert.deepEqual(findings(same, 'DL3059'), ['3:1-3:4']);
  assert.equal(fixed(same, 'DL3059'), 'FROM alpine:3.20\nRUN --network=none --mount=type=cache,target=/c a && \\\n    b\n');
});

test('DL3059: keeps the earlier RUN\'s multi-line layout (leading &&)', () => {
  const text = 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n';
  assert.deepEqual(findings(text, 'DL3059'), ['4:1-4:4']);
  assert.equal(
    fixed(text, 'DL3059'),
    'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
  );
});

test('DL3059: keeps the earlier RUN\'s multi-line layout (trailing &&) and the later RUN\'s lines, with CRLF', () => {
  const text = 'FROM debian:12\r\nRUN apt-get update && \\\r\n  apt-get install -y curl\r\nRUN curl -fsSL https://example.com/x \\\r\n      -o /x\r\n';
  assert.deepEqual(findings(text, 'DL3059'), ['4:1-4:4']);
  assert.equal(
    fixed(text, 'DL3059'),
    'FROM debian:12\r\nRUN apt-get update && \\\r\n  apt-get install -y curl && \\\r\n  curl -fsSL https://example.com/x \\\r\n      -o /x\r\n',
  );
});

test('DL3059: no fix for heredoc or exec-form RUNs, a trailing comment, or a later RUN using ; or ||', () => {
  for (const text of [
    'FROM alpine:3.20\nRUN a\nRUN <<EOF\nb\nEOF\n',
    'FROM alpine:3.20\nRUN ["a"]\nRUN b\n',
    'FROM alpine:3.20\nRUN a # first\nRUN b\n',
    'FROM alpine:3.20\nRUN a\nRUN b; c\n',
    'FROM alpine:3.20\nRUN a\nRUN b || c\n',
    'FROM mcr.microsoft.com/powershell:7.4\nSHELL ["pwsh", "-Command"]\nRUN Write-Host a\nRUN Write-Host b\n',
  ]) {
    assert.equal(findings(text, 'DL3059').length, 1, text);
    assert.throws(() => fixed(text, 'DL3059'), /has no fix/, text);
  }
});

test('DL3059: the fix is offered under a POSIX SHELL', () => {
  const text = 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nRUN c\n';
  assert.equal(fixed(text, 'DL3059'), 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b && \\\n    c\n');
});

test('DL3059: consecutive ONBUILD RUNs, not a RUN next to an ONBUILD RUN', () => {
  const text = 'FROM alpine:3.20\nONBUILD RUN a\nONBUILD RUN b\n';
  assert.deepEqual(findings(text, 'DL3059'), ['3:9-3:12']);
  assert.equal(fixed(text, 'DL3059'), 'FROM alpine:3.20\nONBUILD RUN a && \\\n    b\n');
  assert.deepEqual(findings('FROM alpine:3.20\nRUN a\nONBUILD RUN b\n', 'DL3059'), []);
});

test('DL3059: honours hadolint ignore pragmas and the rules setting', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nRUN a\n# hadolint ignore=DL3059\nRUN b\n', 'DL3059'), []);
  assert.deepEqual(findings('# hadolint global ignore=DL3059\nFROM alpine:3.20\nRUN a\nRUN b\n', 'DL3059'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN a\nRUN b\n', 'DL3059', { rules: { DL3059: 'off' } }), []);
});
