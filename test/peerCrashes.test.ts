/**
 * The crashes and hangs users reported against other Dockerfile servers (research/peers.md,
 * "Server crashes while typing" and "Performance: hangs"), typed here as a user would type them:
 * every prefix of each file goes through every feature (test/fuzz/harness.ts checks no
 * exception, well-formed results, a time bound), and the finished file gives the findings it
 * should.
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exercise } from './fuzz/harness';
import { problems } from './helpers';

function everyPrefix(text: string): void {
  for (let i = 0; i <= text.length; i++) exercise(text.slice(0, i), [0, 0.5, 1]);
}
const codes = (text: string) => problems(text).map((p) => `${p.range.start.line + 1}:${p.rule.id}`);

test('a tab-indented <<-EOT heredoc, typed character by character', () => {
  const text = 'FROM alpine:3.20\nRUN <<-EOT\n\tset -eu\n\techo "hello"\n\tEOT\nUSER 1000\nCMD ["sh"]\n';
  everyPrefix(text);
  assert.deepEqual(codes(text), []);
});

test('a line commented out inside a continued RUN --mount', () => {
  const text = [
    'FROM python:3.12-slim',
    'RUN --mount=type=cache,target=/root/.cache/pip \\',
    '    pip install --upgrade pip && \\',
    '#    pip install -r requirements-dev.txt && \\',
    '    pip install -r requirements.txt',
    'USER 1000',
    'CMD ["python", "app.py"]',
    '',
  ].join('\n');
  everyPrefix(text);
  // The comment line is dropped by the builder: the lines around it are still one RUN, and the
  // unpinned `pip` of line 3 is found on its word.
  assert.deepEqual(codes(text), ['3:DL3013']);
});

test('commenting out the last line of a continued RUN leaves a dangling continuation', () => {
  const text = 'FROM debian:12\nRUN apt-get update && \\\n#    apt-get install -y curl\nUSER 1000\n';
  everyPrefix(text);
  // The RUN is now `apt-get update &&` alone: still read as an apt-get update whose lists stay in the layer.
  assert.deepEqual(codes(text), ['2:DL3009']);
});

test('semantic tokens and every other feature on deeply nested shell input do not overflow the stack', () => {
  const depth = 5_000;
  exercise(`FROM alpine\nRUN ${'$('.repeat(depth)}echo${')'.repeat(depth)}\n`);
  exercise(`FROM alpine\nRUN ${'('.repeat(depth)}true${')'.repeat(depth)}\n`);
  exercise(`FROM alpine\nRUN echo ${'"$('.repeat(depth)}x${')"'.repeat(depth)}\n`);
  exercise(`FROM alpine\nENV A=${'${B:-'.repeat(depth)}x${'}'.repeat(depth)}\n`);
});
