import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2005: words without `=` after a pair are flagged together, with a fix that quotes the value', () => {
  const text = 'FROM alpine:3.20\nENV GREETING=hello big world LANG=C.UTF-8\n';
  assert.deepEqual(findings(text, 'DX2005'), ['2:20-2:29']);
  assert.deepEqual(messages(text, 'DX2005'), [
    '`big world` has no `=`: once `ENV` uses `name=value`, every word must be a pair. Quote a value with spaces: `GREETING="hello big world"`.',
  ]);
  assert.equal(fixed(text, 'DX2005'), 'FROM alpine:3.20\nENV GREETING="hello big world" LANG=C.UTF-8\n');
});

test('DX2005: the fix works across continuation lines and keeps CRLF', () => {
  const text = 'FROM alpine:3.20\r\nLABEL a=1 \\\r\n      description=A small image\r\n';
  assert.deepEqual(findings(text, 'DX2005'), ['3:21-3:32']);
  assert.equal(fixed(text, 'DX2005'), 'FROM alpine:3.20\r\nLABEL a=1 \\\r\n      description="A small image"\r\n');
});

test('DX2005: no fix when the words hold quotes', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nENV A=1 "b c"\n', 'DX2005'), ['2:9-2:14']);
  assert.throws(() => fixed('FROM alpine:3.20\nENV A=1 "b c"\n', 'DX2005'), /has no fix/);
});

test('DX2005: a legacy ENV or LABEL without a value, and blank names', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nENV DEBUG\nLABEL maintainer\n', 'DX2005'), ['2:5-2:10', '3:7-3:17']);
  assert.deepEqual(messages('FROM alpine:3.20\nENV DEBUG\n', 'DX2005'), ['`ENV DEBUG` has no value: write `DEBUG=value` (`DEBUG=` for an empty one).']);
  assert.deepEqual(findings('FROM alpine:3.20\nENV =1\nARG A =2\n', 'DX2005'), ['2:5-2:7', '3:7-3:9']);
  assert.deepEqual(messages('FROM alpine:3.20\nARG =2\n', 'DX2005'), ["`=2` has no name before `=`: ARG names can't be blank."]);
});

test('DX2005: quiet for valid pairs, quoted and escaped values, the legacy form and bare ARGs', () => {
  const text = [
    'ARG VERSION',
    'ARG A B=2 C',
    'FROM alpine:3.20',
    'ENV A=1 B="two words" C=three\\ words D=',
    'ENV PATH /usr/local/bin:$PATH',
    'ENV MSG hello world',
    'LABEL "com.example.key with space"="v" other=\'x y\'',
    'ENV A=1 \\',
    '    # comment',
    '    B=2',
    'ONBUILD ENV X=1',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2005'), []);
});

test('DX2005: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD ENV A=1 b\n', 'DX2005'), ['2:17-2:18']);
});

test('DX2005: with the backtick escape, an escaped blank stays in the value', () => {
  assert.deepEqual(findings('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV APP_DIR=C:\\Program` Files\\app\n', 'DX2005'), []);
  assert.deepEqual(findings('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV APP_DIR=C:\\Program Files\\app\n', 'DX2005'), ['3:24-3:33']);
});
