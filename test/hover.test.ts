import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../server/src/model/document';
import { hover } from '../server/src/service/hover';
import { lint } from '../server/src/service/lint';

function hoverAt(text: string, line: number, character: number, withProblems = false): string | null {
  const model = parseDocument(text);
  const h = hover(model, { line, character }, withProblems ? lint(model) : []);
  if (!h) return null;
  return typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : String(h.contents);
}

const SEED = [
  '# syntax=docker/dockerfile:1', //                                   0
  'FROM --platform=$BUILDPLATFORM python:3.11-slim AS base', //        1
  'RUN --mount=type=cache,target=/root/.cache/pip pip install flask', // 2
  'COPY --chown=appuser:appgroup --link . .', //                        3
  'HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/ || exit 1', // 4
  'ONBUILD COPY . /app', //                                             5
  'CMD ["gunicorn", "app:app"]', //                                     6
].join('\n');

test('hover on an instruction keyword shows its doc with the Docker reference link', () => {
  const md = hoverAt(SEED, 6, 1)!;
  assert.match(md, /^\*\*CMD\*\*/);
  assert.match(md, /default command/i);
  assert.match(md, /\[Docker reference\]\(https:\/\/docs\.docker\.com\/reference\/dockerfile\/#cmd\)/);
});

test('hover on flags of FROM, RUN, COPY and HEALTHCHECK', () => {
  assert.match(hoverAt(SEED, 1, 8)!, /^\*\*FROM --platform\*\*/);
  assert.match(hoverAt(SEED, 2, 10)!, /^\*\*RUN --mount\*\*[\s\S]*type=cache/);
  assert.match(hoverAt(SEED, 3, 8)!, /^\*\*COPY --chown\*\*/);
  assert.match(hoverAt(SEED, 3, 33)!, /^\*\*COPY --link\*\*/);
  assert.match(hoverAt(SEED, 4, 15)!, /^\*\*HEALTHCHECK --interval\*\*/);
  assert.match(hoverAt(SEED, 4, 30)!, /^\*\*HEALTHCHECK --retries\*\*/);
});

test('hover on a flag value still explains the flag', () => {
  assert.match(hoverAt(SEED, 2, 30)!, /^\*\*RUN --mount\*\*/);
});

test('hover on the parser directive and on the ONBUILD trigger keyword', () => {
  assert.match(hoverAt(SEED, 0, 3)!, /^\*\*# syntax=\*\* parser directive/);
  assert.match(hoverAt(SEED, 5, 2)!, /^\*\*ONBUILD\*\*/);
  assert.match(hoverAt(SEED, 5, 9)!, /^\*\*COPY\*\*/);
});

test('hover on HEALTHCHECK CMD explains HEALTHCHECK', () => {
  assert.match(hoverAt(SEED, 4, 40)!, /^\*\*HEALTHCHECK CMD\*\*/);
});

test('no hover on plain arguments, blank space or past the end', () => {
  // A COPY source path is not explained (exec-form CMD words are: see test/hover/shell.test.ts).
  assert.equal(hoverAt(SEED, 3, 37), null);
  assert.equal(hoverAt(SEED, 3, 38), null);
  assert.equal(hoverAt(SEED, 40, 0), null);
  assert.equal(hoverAt('', 0, 0), null);
});

test('hover on a finding shows the rule summary first', () => {
  const text = 'FROM debian:12\nRUN apt-get install -y curl\n';
  const md = hoverAt(text, 1, 8, true)!;
  assert.match(md, /^\*\*DL3015\*\* · Install apt packages with `--no-install-recommends`/);
  assert.match(md, /\[Documentation\]\(https:\/\/github\.com\/[^)]+\/server\/src\/rules\/DL3015\.md\)/);
});
