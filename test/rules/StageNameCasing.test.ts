import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('StageNameCasing: flags a stage name with capitals, on the name', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS Build\n', 'StageNameCasing'), ['1:21-1:26']);
  assert.deepEqual(findings('FROM --platform=$BUILDPLATFORM golang:1.22 as BUILDER\nFROM alpine AS ok\n', 'StageNameCasing'), ['1:47-1:54']);
  assert.deepEqual(messages('FROM alpine AS Base\n', 'StageNameCasing'), [
    'Stage name `Base` has capital letters; the builder compares stage names in lowercase, so write `base`.',
  ]);
});

test('StageNameCasing: quiet for lowercase names, unnamed stages and capitals in the image', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS build-2_x.y\nFROM build-2_x.y\nFROM Alpine\n', 'StageNameCasing'), []);
});

test('StageNameCasing: the fix renames the stage and every reference to it, and nothing else', () => {
  const text = [
    'FROM golang:1.22 AS Build',
    'RUN go build -o /out/app .',
    'FROM Build AS Test',
    'RUN --mount=type=cache,target=/root/.cache,from=Build go test ./...',
    'FROM alpine:3.20',
    'COPY --from=Build /out/app /app',
    'COPY --from=BUILD /out/app /app2',
    'COPY --from=Other /x /x',
    'ONBUILD COPY --from=Build /out/app /app3',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'StageNameCasing'), ['1:21-1:26', '3:15-3:19']);
  assert.equal(
    fixed(text, 'StageNameCasing'),
    [
      'FROM golang:1.22 AS build',
      'RUN go build -o /out/app .',
      'FROM build AS Test',
      'RUN --mount=type=cache,target=/root/.cache,from=build go test ./...',
      'FROM alpine:3.20',
      'COPY --from=build /out/app /app',
      'COPY --from=build /out/app /app2',
      'COPY --from=Other /x /x',
      'ONBUILD COPY --from=build /out/app /app3',
      '',
    ].join('\n'),
  );
});

test('StageNameCasing: the fix keeps CRLF line ends and continuation lines', () => {
  const text = 'FROM alpine \\\r\n  AS Base\r\nFROM Base\r\n';
  assert.deepEqual(findings(text, 'StageNameCasing'), ['2:6-2:10']);
  assert.equal(fixed(text, 'StageNameCasing'), 'FROM alpine \\\r\n  AS base\r\nFROM base\r\n');
});

test('StageNameCasing: silenced by check=skip (file directive and the comment above the FROM)', () => {
  assert.deepEqual(findings('# check=skip=StageNameCasing\nFROM alpine AS Base\n', 'StageNameCasing'), []);
  assert.deepEqual(findings('# syntax=docker/dockerfile:1\n# check=skip=StageNameCasing\nFROM alpine AS Base\n', 'StageNameCasing'), []);
  assert.deepEqual(findings('FROM alpine AS one\n\n# check=skip=StageNameCasing\nFROM alpine AS Two\nFROM alpine AS Three\n', 'StageNameCasing'), ['5:16-5:21']);
  assert.deepEqual(findings('# check=skip=FromAsCasing\nFROM alpine AS Base\n', 'StageNameCasing'), ['2:16-2:20']);
});
