import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DX2019: an unclosed quote in ENV is flagged from the quote to the end of the word', () => {
  const text = 'FROM alpine:3.20\nENV GREETING="hello world\n';
  assert.deepEqual(findings(text, 'DX2019'), ['2:14-2:26']);
  assert.deepEqual(messages(text, 'DX2019'), ['In `GREETING="hello world`, the double quote is never closed: the builder fails when it reads this ENV.']);
});

test('DX2019: single quotes, WORKDIR, LABEL across continuation lines', () => {
  const text = "FROM alpine:3.20\nWORKDIR '/srv/app\nLABEL a=b \\\n  c='x\n";
  assert.deepEqual(findings(text, 'DX2019'), ['2:9-2:18', '4:5-4:7']);
  assert.deepEqual(messages(text, 'DX2019')[0], "In `'/srv/app`, the single quote is never closed: the builder fails when it reads this WORKDIR.");
});

test('DX2019: COPY splits at blanks before reading quotes: quoted paths with spaces are flagged', () => {
  const text = 'FROM alpine:3.20\nCOPY "my file.txt" /app/\n';
  assert.deepEqual(findings(text, 'DX2019'), ['2:6-2:9', '2:18-2:19']);
  assert.match(messages(text, 'DX2019')[0], /use the JSON form, `COPY \["my file", "\/dest\/"\]`/);
});

test('DX2019: quiet for closed and escaped quotes, a quote inside the other kind, shell-form RUN and JSON forms', () => {
  const text = [
    'FROM alpine:3.20',
    'ENV A="x y" B=\'it"s\' C=a\\"b D="it\'s"',
    'LABEL description="a \\"quoted\\" word"',
    'WORKDIR "/srv/my app"',
    'USER "app"',
    'COPY ["my file.txt", "/app/"]',
    'COPY "a.txt" /app/',
    'RUN echo "unclosed',
    'CMD echo "unclosed',
    'ENV E="multi \\',
    '  line"',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2019'), []);
  assert.deepEqual(findings('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV P="C:\\Program Files\\"\n', 'DX2019'), []);
});

test('DX2019: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD ENV A="x\n', 'DX2019'), ['2:15-2:17']);
});
