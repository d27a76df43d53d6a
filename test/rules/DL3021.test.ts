import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3021: flags a multi-source COPY whose destination lacks a trailing slash, on the destination', () => {
  assert.deepEqual(findings('FROM node:20\nCOPY package.json package-lock.json /app\n', 'DL3021'), ['2:37-2:41']);
  assert.deepEqual(messages('FROM node:20\nCOPY a b c /app\n', 'DL3021'), ['COPY of 3 sources needs a directory destination ending with `/`: write `/app/`.']);
  assert.deepEqual(findings('FROM node:20\nCOPY --from=build --chown=1000 a b .\n', 'DL3021'), ['2:36-2:37']);
  assert.deepEqual(findings('FROM node:20\nCOPY ["a", "b", "/app"]\n', 'DL3021'), ['2:17-2:23']);
});

test('DL3021: quiet with one source, with a trailing slash, and for ADD', () => {
  assert.deepEqual(findings('FROM node:20\nCOPY package.json /app\nCOPY a b /app/\nCOPY a b "/app/"\n', 'DL3021'), []);
  assert.deepEqual(findings('FROM node:20\nADD a b /app\n', 'DL3021'), []);
  assert.deepEqual(findings('FROM node:20\nCOPY <<EOF /app/run.sh\necho one two three\nEOF\n', 'DL3021'), []);
});

test('DL3021: heredoc sources count, their bodies do not', () => {
  assert.deepEqual(findings('FROM node:20\nCOPY <<a <<b /app\none\na\ntwo\nb\n', 'DL3021'), ['2:14-2:18']);
});

test('DL3021: the fix appends the slash, inside quotes', () => {
  assert.equal(fixed('FROM node:20\nCOPY a b /app\n', 'DL3021'), 'FROM node:20\nCOPY a b /app/\n');
  assert.equal(fixed('FROM node:20\nCOPY a b "/app"\n', 'DL3021'), 'FROM node:20\nCOPY a b "/app/"\n');
  assert.equal(fixed('FROM node:20\nCOPY ["a", "b", "/app"]\n', 'DL3021'), 'FROM node:20\nCOPY ["a", "b", "/app/"]\n');
  assert.equal(fixed('FROM node:20\r\nCOPY a \\\r\n  b .\r\n', 'DL3021'), 'FROM node:20\r\nCOPY a \\\r\n  b ./\r\n');
});

test('DL3021: applies inside ONBUILD and with the backtick escape', () => {
  assert.deepEqual(findings('FROM node:20\nONBUILD COPY a b /app\n', 'DL3021'), ['2:18-2:22']);
  assert.deepEqual(findings('# escape=`\nFROM node:20\nCOPY a `\n  b c:\\app\n', 'DL3021'), ['4:5-4:11']);
});

test('DL3021: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM node:20\n# hadolint ignore=DL3021\nCOPY a b /app\n', 'DL3021'), []);
});

test('DL3021: a Windows destination ending with a backslash is a directory', () => {
  const windows = 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n';
  assert.deepEqual(findings(windows + 'COPY a.dll b.dll C:\\\\Windows\\\\System32\\\\\n\nENV A=1\n', 'DL3021'), []);
  assert.deepEqual(findings('# escape=`\n' + windows + 'COPY a.dll b.dll C:\\Windows\\System32\\\n', 'DL3021'), []);
  assert.deepEqual(findings(windows + 'COPY a.dll b.dll C:\\\\Windows\\\\System32\n', 'DL3021'), ['2:18-2:39']);
});
