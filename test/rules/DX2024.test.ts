import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2024: SHELL in shell form is flagged, with a fix writing it as JSON', () => {
  const text = 'FROM debian:12-slim\nSHELL /bin/bash -o pipefail -c\n';
  assert.deepEqual(findings(text, 'DX2024'), ['2:7-2:31']);
  assert.deepEqual(messages(text, 'DX2024'), [
    '`SHELL` must be a JSON array of strings, such as `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`: the builder rejects `/bin/bash -o pipefail -c`.',
  ]);
  assert.equal(fixed(text, 'DX2024'), 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n');
});

test('DX2024: almost-JSON is repaired in place, keeping CRLF', () => {
  const text = "FROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nSHELL ['powershell', '-Command']\r\n";
  assert.deepEqual(findings(text, 'DX2024'), ['2:7-2:33']);
  assert.equal(fixed(text, 'DX2024'), 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nSHELL ["powershell", "-Command"]\r\n');
});

test('DX2024: no fix when the words hold quotes or variables', () => {
  const text = 'FROM alpine:3.20\nSHELL $SH -c\n';
  assert.deepEqual(findings(text, 'DX2024'), ['2:7-2:13']);
  assert.throws(() => fixed(text, 'DX2024'), /has no fix/);
});

test('DX2024: quiet for JSON arrays, empty SHELL (DX2002) and non-string elements (DX2020)', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nSHELL ["/bin/sh", "-c"]\nSHELL [ "cmd", "/S", "/C" ]\nSHELL\nSHELL ["sh", 1]\n', 'DX2024'), []);
});

test('DX2024: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD SHELL sh -c\n', 'DX2024'), ['2:15-2:20']);
});
