import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2010: a value flag written without `=` is flagged on the flag', () => {
  const text = 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from build /out/app /app\n';
  assert.deepEqual(findings(text, 'DX2010'), ['3:6-3:12']);
  assert.deepEqual(messages(text, 'DX2010'), ['`--from` needs a value (`--from=<stage>`): the builder rejects it without `=`.']);
  assert.deepEqual(findings('FROM alpine:3.20\nHEALTHCHECK --interval CMD true\nRUN --mount true\n', 'DX2010'), ['2:13-2:23', '3:5-3:12']);
});

test('DX2010: a boolean flag with another value is flagged on the value, with a fix for yes/no words', () => {
  const text = 'FROM alpine:3.20\nCOPY --link=yes . /app\n';
  assert.deepEqual(findings(text, 'DX2010'), ['2:13-2:16']);
  assert.deepEqual(messages(text, 'DX2010'), ['`--link` takes `true` or `false` (or no value, meaning true), not `yes`: the builder rejects it.']);
  assert.equal(fixed(text, 'DX2010'), 'FROM alpine:3.20\nCOPY --link=true . /app\n');
  assert.equal(fixed('FROM alpine:3.20\r\nADD --keep-git-dir=0 \\\r\n  https://github.com/a/b.git /src\r\n', 'DX2010'), 'FROM alpine:3.20\r\nADD --keep-git-dir=false \\\r\n  https://github.com/a/b.git /src\r\n');
  assert.deepEqual(findings('FROM alpine:3.20\nCOPY --parents=$P a /b\n', 'DX2010'), ['2:16-2:18']);
  assert.throws(() => fixed('FROM alpine:3.20\nCOPY --parents=$P a /b\n', 'DX2010'), /has no fix/);
});

test('DX2010: an empty boolean value is flagged; the fix drops the `=`', () => {
  const text = 'FROM alpine:3.20\nCOPY --link= . /app\n';
  assert.deepEqual(findings(text, 'DX2010'), ['2:6-2:13']);
  assert.equal(fixed(text, 'DX2010'), 'FROM alpine:3.20\nCOPY --link . /app\n');
});

test('DX2010: quiet for valid forms, empty string values and unknown flags', () => {
  const text = [
    'FROM alpine:3.20',
    'COPY --link --link=TRUE --parents=false --chown= --from=x a /b',
    'ADD --unpack=True --keep-git-dir a /b',
    'HEALTHCHECK --interval= CMD true',
    'COPY --bogus a /b',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2010'), []);
});

test('DX2010: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD COPY --from x /a /a\n', 'DX2010'), ['2:14-2:20']);
});
