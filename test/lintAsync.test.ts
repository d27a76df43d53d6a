/**
 * The lint in slices (lintAsync) and the model cache's shared, cancellable lint: the same
 * findings as the plain lint, the event loop given back while it runs, stopped by `stale` or a
 * newer version of the document.
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../server/src/model/document';
import { lint, lintAsync } from '../server/src/service/lint';
import { ModelCache } from '../server/src/service/cache';
import { repoRoot } from './explain/helpers';

const render = (ps: { rule: { id: string }; range: { start: { line: number; character: number } } }[]) =>
  ps.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.rule.id}`);

function bigText(lines: number): string {
  const kinds = ['RUN apt-get install -y curl', 'ENV A=1', 'COPY . /app', 'RUN echo $A && cd /x', 'LABEL a=b'];
  const out = ['FROM debian:12'];
  for (let i = 0; out.length < lines; i++) out.push(kinds[i % kinds.length]);
  return `${out.join('\n')}\n`;
}

test('lintAsync finds what lint finds, in the same order', async () => {
  const text = readFileSync(join(repoRoot(), 'examples', 'Dockerfile'), 'utf8');
  const model = parseDocument(text);
  const sync = render(lint(model));
  const sliced = await lintAsync(model, {}, { sliceMs: 0 });
  assert.ok(sliced);
  assert.deepEqual(render(sliced), sync);
  assert.deepEqual(sync.slice(0, 5), ['5:23 FromAsCasing', '23:11 FromAsCasing', '27:5 DL3008', '28:5 DL3008', '40:19 FromAsCasing']);
});

test('lintAsync gives the event loop back while it runs, and stale() stops it', async () => {
  const model = parseDocument(bigText(20_000));
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  const done = await lintAsync(model, {}, { sliceMs: 1 });
  clearInterval(timer);
  assert.equal(done?.filter((p) => p.rule.id === 'DL3008').length, 4000);
  assert.ok(ticks >= 3, `a timer ran ${ticks} times during the lint`);

  let asked = 0;
  const stopped = await lintAsync(model, {}, { sliceMs: 0, stale: () => ++asked >= 3 });
  assert.equal(stopped, undefined);
  assert.equal(asked, 3);
});

test('the model cache shares one running lint and drops it when a newer version arrives', async () => {
  const cache = new ModelCache();
  const uri = 'file:///cache/Dockerfile';
  const v1 = { uri, version: 1, getText: () => bigText(20_000) };
  const options = {};
  const a = cache.problemsAsync(v1, options);
  assert.equal(cache.problemsAsync(v1, options), a, 'a second caller waits for the same lint');
  assert.equal(cache.readyProblems(v1, options), undefined);
  // Version 2 is parsed before version 1's lint has finished: version 1's lint stops.
  const v2 = { uri, version: 2, getText: () => 'FROM debian:12\nRUN apt-get install -y curl\n' };
  assert.equal(cache.model(v2).instructions.length, 2);
  assert.equal(await a, undefined);
  const b = await cache.problemsAsync(v2, options);
  assert.deepEqual(render(b!), ['2:5 DL3015', '2:24 DL3008']);
  assert.equal(cache.readyProblems(v2, options), b);
  // Closing the document stops a running lint too.
  const v3 = { uri, version: 3, getText: () => bigText(20_000) };
  const c = cache.problemsAsync(v3, options);
  cache.delete(uri);
  assert.equal(await c, undefined);
});

test('a blocking lint of the same version while the sliced one runs: the sliced one stops and answers with its result', async () => {
  const cache = new ModelCache();
  const doc = { uri: 'file:///cache/both/Dockerfile', version: 1, getText: () => bigText(20_000) };
  const options = {};
  const sliced = cache.problemsAsync(doc, options);
  const blocking = cache.problems(doc, options);
  assert.equal(await sliced, blocking);
  assert.equal(blocking.filter((p) => p.rule.id === 'DL3008').length, 4000);
});
