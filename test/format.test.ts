/**
 * Formatting: the text before and after, written by hand, for the default settings and each
 * non-default one; every result is formatted again to check that nothing more changes.
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit, FormattingOptions } from 'vscode-languageserver-types';
import { parseDocument } from '../server/src/model/document';
import { formatDocument, formatRange, formatOnType } from '../server/src/service/format';
import { normalizeSettings } from '../server/src/settings';
import { applyEdits } from './helpers';

const SPACES4: FormattingOptions = { tabSize: 4, insertSpaces: true };

function format(text: string, settings: unknown = {}, options: FormattingOptions = SPACES4): string {
  const s = normalizeSettings(settings);
  const once = applyEdits(text, formatDocument(parseDocument(text), s, options, text));
  const twice = applyEdits(once, formatDocument(parseDocument(once), s, options, once));
  assert.equal(twice, once, 'formatting the result again changes nothing');
  return once;
}

const lines = (...ls: string[]) => ls.join('\n');

test('default settings: keyword case and trailing whitespace only; indentation, nesting and heredoc bodies as written', () => {
  const before = lines(
    'from python:3.12-slim as base   ',
    'run set -eux; \\   ',
    '\tif [ "$(uname -m)" = x86_64 ]; then \\',
    '\t\tapt-get update; \\',
    '\tfi',
    '  ',
    '  copy --from=base /a /b',
    'run <<EOF',
    '  from here   ',
    'EOF',
    'healthcheck cmd true',
    'onbuild run echo hi',
    '',
  );
  assert.equal(
    format(before),
    lines(
      'FROM python:3.12-slim AS base',
      'RUN set -eux; \\',
      '\tif [ "$(uname -m)" = x86_64 ]; then \\',
      '\t\tapt-get update; \\',
      '\tfi',
      '',
      '  COPY --from=base /a /b',
      'RUN <<EOF',
      '  from here   ',
      'EOF',
      'HEALTHCHECK CMD true',
      'ONBUILD RUN echo hi',
      '',
    ),
  );
});

test('an already formatted file gets no edit at all', () => {
  const text = lines('FROM alpine:3.20 AS build', 'RUN apk add --no-cache \\', '        curl \\', '    && echo done', 'CMD ["sh"]', '');
  assert.deepEqual(formatDocument(parseDocument(text), normalizeSettings({}), SPACES4, text), []);
});

test('formatKeywordCase lower and keep; formatTrimTrailingWhitespace off', () => {
  const before = lines('FROM alpine AS base  ', 'Run echo hi', 'HEALTHCHECK NONE', 'ONBUILD COPY . /src', '');
  assert.equal(format(before, { formatKeywordCase: 'lower' }), lines('from alpine as base', 'run echo hi', 'healthcheck none', 'onbuild copy . /src', ''));
  assert.equal(format(before, { formatKeywordCase: 'keep', formatTrimTrailingWhitespace: false }), before);
  assert.equal(format(before, { formatKeywordCase: 'keep' }), lines('FROM alpine AS base', 'Run echo hi', 'HEALTHCHECK NONE', 'ONBUILD COPY . /src', ''));
});

test('4 spaces: tab-indented nesting inside RUN is kept, one level deeper per level; comments follow; a line inside a string is left alone', () => {
  const before = lines(
    'RUN set -eux; \\',
    '\tif [ -f /etc/x ]; then \\',
    '\t\tapt-get update; \\',
    '# comment in the middle',
    '\tfi; \\',
    '\techo "multi \\',
    'line string"',
    '',
  );
  assert.equal(
    format(before, { formatContinuationIndent: '4 spaces' }),
    lines(
      'RUN set -eux; \\',
      '    if [ -f /etc/x ]; then \\',
      '        apt-get update; \\',
      '    # comment in the middle',
      '    fi; \\',
      '    echo "multi \\',
      'line string"',
      '',
    ),
  );
});

test('tab: instructions go to column 0; a line glued to the previous one (no space on either side) is left alone', () => {
  const before = lines('  RUN apt-get install -y \\', '      curl \\', '    && rm -rf /x \\', '    && echo a\\', 'b', '  # about the next step', 'USER app', '');
  assert.equal(
    format(before, { formatContinuationIndent: 'tab' }),
    lines('RUN apt-get install -y \\', '\t  curl \\', '\t&& rm -rf /x \\', '\t&& echo a\\', 'b', '# about the next step', 'USER app', ''),
  );
});

test("editor: the editor's tab size and spaces (here 2); exec form and LABEL values across lines", () => {
  const before = lines(
    'CMD ["python", \\',
    '        "-m", \\',
    '        "http.server"]',
    'LABEL description="one \\',
    '   two" \\',
    '      version=1',
    '',
  );
  assert.equal(
    format(before, { formatContinuationIndent: 'editor' }, { tabSize: 2, insertSpaces: true }),
    lines('CMD ["python", \\', '  "-m", \\', '  "http.server"]', 'LABEL description="one \\', '   two" \\', '  version=1', ''),
  );
  assert.equal(
    format(before, { formatContinuationIndent: 'editor' }, { tabSize: 4, insertSpaces: false }),
    lines('CMD ["python", \\', '\t"-m", \\', '\t"http.server"]', 'LABEL description="one \\', '   two" \\', '\tversion=1', ''),
  );
});

test('CRLF stays CRLF; trailing whitespace after the continuation character goes', () => {
  assert.equal(
    format('from alpine  \r\nrun echo hi \\  \r\n    && echo there\r\n\t\r\n'),
    'FROM alpine\r\nRUN echo hi \\\r\n    && echo there\r\n\r\n',
  );
  assert.equal(
    format('FROM alpine\r\nRUN echo hi \\\r\n  && echo there\r\n', { formatContinuationIndent: '4 spaces' }),
    'FROM alpine\r\nRUN echo hi \\\r\n    && echo there\r\n',
  );
});

test('escape=` (Windows): backtick continuations are re-indented, Windows paths ending in a backslash are not continuations', () => {
  const before = lines(
    '# escape=`',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
    'run powershell -Command `',
    "  $ErrorActionPreference = 'Stop'; `",
    "      Write-Host 'hi'",
    'copy app C:\\app\\',
    'workdir C:\\app',
    '',
  );
  assert.equal(
    format(before, { formatContinuationIndent: '4 spaces' }),
    lines(
      '# escape=`',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'RUN powershell -Command `',
      "    $ErrorActionPreference = 'Stop'; `",
      "        Write-Host 'hi'",
      'COPY app C:\\app\\',
      'WORKDIR C:\\app',
      '',
    ),
  );
});

test('heredoc bodies and closing delimiters are never touched, whatever the settings', () => {
  const before = lines(
    'FROM alpine',
    'RUN <<-EOF   ',
    '\tfrom a tab-stripped body   ',
    '  run not an instruction',
    '\tEOF',
    'COPY <<CONF /etc/app.conf',
    '    key = value    ',
    '',
    'CONF',
    '  run cat /etc/app.conf   ',
    '',
  );
  const after = lines(
    'FROM alpine',
    'RUN <<-EOF',
    '\tfrom a tab-stripped body   ',
    '  run not an instruction',
    '\tEOF',
    'COPY <<CONF /etc/app.conf',
    '    key = value    ',
    '',
    'CONF',
    'RUN cat /etc/app.conf',
    '',
  );
  assert.equal(format(before, { formatContinuationIndent: '4 spaces' }), after);
});

test('a heredoc after a continued first line: the continuation is formatted, the body is not', () => {
  const before = lines('RUN cat <<EOF > /etc/motd && \\', '  chmod 644 /etc/motd', '  hello   ', 'EOF', '');
  assert.equal(
    format(before, { formatContinuationIndent: '4 spaces' }),
    lines('RUN cat <<EOF > /etc/motd && \\', '    chmod 644 /etc/motd', '  hello   ', 'EOF', ''),
  );
});

test('a byte-order mark is kept', () => {
  assert.equal(format('\uFEFF  from alpine  \n', { formatContinuationIndent: 'tab' }), '\uFEFFFROM alpine\n');
  assert.equal(format('\uFEFFfrom alpine\n'), '\uFEFFFROM alpine\n');
});

test('`  # escape=` above the instructions is not un-indented (it would become a directive)', () => {
  assert.equal(format('  # escape=`\nFROM alpine\n', { formatContinuationIndent: 'tab' }), '  # escape=`\nFROM alpine\n');
});

test('range formatting touches only the lines of the range', () => {
  const text = lines('from alpine  ', 'run a  ', 'run b  ', 'run c  ', '');
  const s = normalizeSettings({});
  const edits = formatRange(parseDocument(text), { start: { line: 1, character: 2 }, end: { line: 3, character: 0 } }, s, SPACES4, text);
  assert.equal(applyEdits(text, edits), lines('from alpine  ', 'RUN a', 'RUN b', 'run c  ', ''));
});

function onType(text: string, line: number, character: number, ch: string, settings: unknown = {}): string {
  const edits: TextEdit[] = formatOnType(parseDocument(text), { line, character }, ch, normalizeSettings(settings), SPACES4, text);
  return applyEdits(text, edits);
}

test('on type, Enter: the line left behind is formatted and a continuation line gets its indentation', () => {
  // the user typed `run apt-get update \   ` then Enter; the cursor is on line 2
  const text = lines('from alpine', 'run apt-get update \\   ', '', '');
  assert.equal(onType(text, 2, 0, '\n', { formatContinuationIndent: '4 spaces' }), lines('from alpine', 'RUN apt-get update \\', '    ', ''));
  assert.equal(onType(text, 2, 0, '\n'), lines('from alpine', 'RUN apt-get update \\', '', ''));
  // a continuation line keeps the indentation of the one above (hand-made nesting)
  const nested = lines('RUN if true; then \\', '        echo a; \\', '', '');
  assert.equal(onType(nested, 2, 0, '\n', { formatContinuationIndent: '4 spaces' }), lines('RUN if true; then \\', '        echo a; \\', '        ', ''));
});

test('on type, space: a keyword just typed gets its case; nothing in comments or heredoc bodies; whitespace at the cursor stays', () => {
  assert.equal(onType('FROM alpine\nrun ', 1, 4, ' '), 'FROM alpine\nRUN ');
  assert.equal(onType('FROM alpine\n# run ', 1, 6, ' '), 'FROM alpine\n# run ');
  assert.equal(onType('RUN <<EOF\nrun \nEOF\n', 1, 4, ' '), 'RUN <<EOF\nrun \nEOF\n');
  assert.equal(onType('from alpine as ', 0, 15, ' '), 'FROM alpine AS ');
  assert.equal(onType('RUN <<EOF\nfrom x\n\nEOF\n', 2, 0, '\n'), 'RUN <<EOF\nfrom x\n\nEOF\n');
});
