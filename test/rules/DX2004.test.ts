import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DX2004: a COPY or ADD with one path is flagged on that path', () => {
  const text = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt\nADD --chown=app app.tar.gz\n';
  assert.deepEqual(findings(text, 'DX2004'), ['3:6-3:22', '4:17-4:27']);
  assert.deepEqual(messages('FROM python:3.12-slim\nCOPY requirements.txt\n', 'DX2004'), [
    '`COPY` has only one argument, `requirements.txt`: it needs a destination after the sources (`COPY <source>… <destination>`).',
  ]);
  assert.deepEqual(findings('FROM alpine:3.20\nCOPY ["a.txt"]\n', 'DX2004'), ['2:7-2:14']);
});

test('DX2004: a heredoc alone or as destination is flagged', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nCOPY <<EOF\nhello\nEOF\n', 'DX2004'), ['2:6-2:11']);
  const text = 'FROM alpine:3.20\nCOPY /etc/hosts <<EOF\nhello\nEOF\n';
  assert.deepEqual(findings(text, 'DX2004'), ['2:17-2:22']);
  assert.deepEqual(messages(text, 'DX2004'), ["The destination of `COPY` can't be a heredoc: put the heredoc among the sources and a path last."]);
});

test('DX2004: quiet with a destination, also on a continuation line, with heredoc sources and exec form', () => {
  const text = [
    'FROM alpine:3.20',
    'COPY a.txt b.txt /app/',
    'COPY --from=build \\',
    '    /out/app \\',
    '    /usr/local/bin/',
    'COPY <<EOF /etc/app.conf',
    'listen 80',
    'EOF',
    'COPY <<a <<b /etc/',
    'one',
    'a',
    'two',
    'b',
    'ADD ["a b.txt", "/app/"]',
    'ONBUILD COPY . /src',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2004'), []);
});

test('DX2004: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD COPY app.py\n', 'DX2004'), ['2:14-2:20']);
});
