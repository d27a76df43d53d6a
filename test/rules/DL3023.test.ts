import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3023: flags COPY --from of the stage it is in, on the value', () => {
  const text = 'FROM node:20 AS build\nCOPY --from=build /src/dist /app/\n';
  assert.deepEqual(findings(text, 'DL3023'), ['2:13-2:18']);
  assert.deepEqual(messages(text, 'DL3023'), [
    "`--from=build` is the stage this COPY is in; a stage can't copy from itself (BuildKit stops with a circular dependency error).",
  ]);
  // by index too
  assert.deepEqual(findings('FROM node:20\nFROM alpine:3.20\nCOPY --from=1 /a /b\n', 'DL3023'), ['3:13-3:14']);
});

test('DL3023: quiet for other stages, for images, and when names differ in case (as hadolint)', () => {
  assert.deepEqual(findings('FROM node:20 AS build\nFROM alpine:3.20 AS final\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\n', 'DL3023'), []);
  assert.deepEqual(findings('FROM node:20 AS build\nCOPY --from=Build /a /b\n', 'DL3023'), []);
  assert.deepEqual(findings('FROM node:20\nCOPY --from=node:20 /a /b\n', 'DL3023'), []);
});

test('DL3023: ONBUILD COPY --from refers to the child build and is not checked', () => {
  assert.deepEqual(findings('FROM node:20 AS build\nONBUILD COPY --from=build /a /b\n', 'DL3023'), []);
});

test('DL3023: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM node:20 AS build\n# hadolint ignore=DL3023\nCOPY --from=build /a /b\n', 'DL3023'), []);
});
