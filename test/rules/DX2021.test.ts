import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2021: single quotes are flagged on the array, with a safe fix to double quotes', () => {
  const text = "FROM nginx:1.27-alpine\nCMD ['nginx', '-g', 'daemon off;']\n";
  assert.deepEqual(findings(text, 'DX2021'), ['2:5-2:35']);
  assert.deepEqual(messages(text, 'DX2021'), [
    'This looks like the JSON form, but JSON strings need double quotes, not single quotes: the builder treats it as shell form and runs the whole text through `/bin/sh -c` instead of starting the program directly.',
  ]);
  assert.equal(fixed(text, 'DX2021'), 'FROM nginx:1.27-alpine\nCMD ["nginx", "-g", "daemon off;"]\n');
});

test('DX2021: the fix keeps continuation lines and CRLF, and escapes double quotes inside', () => {
  const text = "FROM alpine:3.20\r\nENTRYPOINT ['sh', '-c', \\\r\n  'echo \"hi\"']\r\n";
  assert.deepEqual(findings(text, 'DX2021'), ['2:12-3:15']);
  assert.equal(fixed(text, 'DX2021'), 'FROM alpine:3.20\r\nENTRYPOINT ["sh", "-c", \\\r\n  "echo \\"hi\\""]\r\n');
});

test('DX2021: backslashes and a trailing comma get a fix too; unclosed strings and lists do not', () => {
  assert.equal(fixed('FROM x\nCMD ["C:\\app\\run.exe"]\n', 'DX2021'), 'FROM x\nCMD ["C:\\\\app\\\\run.exe"]\n');
  assert.equal(fixed('FROM x\nCOPY ["a", "/b/",]\n', 'DX2021'), 'FROM x\nCOPY ["a", "/b/"]\n');
  assert.match(messages('FROM x\nCMD ["a", "b"\n', 'DX2021')[0], /^This looks like the JSON form, but the closing `\]` is missing: /);
  assert.match(messages('FROM x\nRUN ["a", "b]\n', 'DX2021')[0], /^This looks like the JSON form, but a string is never closed: /);
  assert.throws(() => fixed('FROM x\nRUN ["a", "b]\n', 'DX2021'), /has no fix/);
  assert.match(messages("FROM x\nVOLUME ['/data']\n", 'DX2021')[0], /reads the words as paths/);
});

test('DX2021: quiet for valid JSON, shell tests that start with `[`, SHELL (DX2024) and other instructions', () => {
  const text = [
    'FROM alpine:3.20',
    'CMD ["nginx", "-g", "daemon off;"]',
    'RUN [ "$TARGETARCH" = "amd64" ] && echo x86',
    'RUN [ -f /etc/os-release ]',
    'RUN ["sleep", 1]',
    "SHELL ['/bin/sh', '-c']",
    "ENV A=['x']",
    "LABEL a=['b']",
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2021'), []);
});

test('DX2021: HEALTHCHECK CMD and ONBUILD', () => {
  assert.deepEqual(findings("FROM alpine:3.20\nHEALTHCHECK CMD ['true']\nONBUILD RUN ['make']\n", 'DX2021'), ['2:17-2:25', '3:13-3:21']);
});
