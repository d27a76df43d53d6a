/**
 * Code lens above each final stage: the `docker build` command that builds it, copied to the
 * clipboard by the client command `dockerfileExplained.copyToClipboard`.
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../server/src/model/document';
import { codeLenses, COPY_TO_CLIPBOARD_COMMAND } from '../server/src/service/codeLens';

function lenses(text: string, uri = 'file:///project/Dockerfile'): string[] {
  return codeLenses(parseDocument(text, uri)).map((l) => {
    assert.equal(l.command?.command, COPY_TO_CLIPBOARD_COMMAND);
    assert.equal(l.command?.title, `Copy: ${l.command?.arguments?.[0]}`);
    return `line ${l.range.start.line + 1}: ${l.command?.arguments?.[0]}`;
  });
}

// base → dependencies → development / production, plus a test stage nobody uses.
const SEED = [
  'FROM python:3.11-slim AS base', //                                1
  'WORKDIR /app', //                                                 2
  'FROM base AS dependencies', //                                    3
  'COPY requirements.txt .', //                                      4
  'RUN pip install -r requirements.txt', //                          5
  'FROM dependencies AS development', //                             6
  'CMD ["flask", "run", "--reload"]', //                             7
  'FROM dependencies AS Test', //                                    8
  'RUN --mount=type=bind,from=base,source=/app,target=/src pytest', // 9
  'FROM dependencies AS production', //                              10
  'CMD ["gunicorn", "app:app"]', //                                  11
  '',
].join('\n');

test('a lens above each stage no other stage uses, the last one included; stage names in lower case', () => {
  assert.deepEqual(lenses(SEED), [
    'line 6: docker build --target development -t development .',
    'line 8: docker build --target test -t test .',
    'line 10: docker build --target production -t production .',
  ]);
});

test('the lens sits on the FROM keyword', () => {
  const [first] = codeLenses(parseDocument(SEED, 'file:///project/Dockerfile'));
  assert.deepEqual(first.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } });
});

test('-f names a file other than Dockerfile, quoted when needed; untitled documents get none', () => {
  const text = 'FROM node:20 AS web\n';
  assert.deepEqual(lenses(text, 'file:///project/Dockerfile.prod'), ['line 1: docker build -f Dockerfile.prod --target web -t web .']);
  assert.deepEqual(lenses(text, 'file:///project/docker/My%20App.dockerfile'), ["line 1: docker build -f 'My App.dockerfile' --target web -t web ."]);
  assert.deepEqual(lenses(text, 'untitled:Untitled-1'), ['line 1: docker build --target web -t web .']);
});

test('unnamed stages: the last one builds by default, the others cannot be targeted', () => {
  assert.deepEqual(lenses('FROM golang:1.22\nRUN go version\nFROM alpine:3.20\n'), ['line 3: docker build .']);
  // A name that is no valid image name gets no -t.
  assert.deepEqual(lenses('FROM alpine AS build_-x\n'), ['line 1: docker build --target build_-x .']);
});

test('no lens for an empty or broken file', () => {
  assert.deepEqual(lenses(''), []);
  for (const t of ['FROM', 'FROM a AS', '# only a comment', 'RUN echo no stage']) codeLenses(parseDocument(t));
});
