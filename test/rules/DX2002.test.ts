import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DX2002: flags instructions that need an argument and have none, on the keyword', () => {
  const text = 'FROM python:3.12-slim\nWORKDIR\nEXPOSE   \nUSER\nLABEL\nENV\nARG\nVOLUME\nSTOPSIGNAL\nHEALTHCHECK\nONBUILD\nMAINTAINER\nSHELL\nCOPY\nADD\n';
  assert.deepEqual(findings(text, 'DX2002'), [
    '2:1-2:8',
    '3:1-3:7',
    '4:1-4:5',
    '5:1-5:6',
    '6:1-6:4',
    '7:1-7:4',
    '8:1-8:7',
    '9:1-9:11',
    '10:1-10:12',
    '11:1-11:8',
    '12:1-12:11',
    '13:1-13:6',
    '14:1-14:5',
    '15:1-15:4',
  ]);
  assert.deepEqual(messages('FROM python:3.12-slim\nWORKDIR\n', 'DX2002'), [
    '`WORKDIR` has no arguments: it needs a directory, and the builder rejects it without.',
  ]);
  assert.deepEqual(findings('FROM\n', 'DX2002'), ['1:1-1:5']);
});

test('DX2002: flags alone do not count as arguments; empty JSON arrays and empty volume paths are refused', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nHEALTHCHECK --interval=5s\n', 'DX2002'), ['2:1-2:12']);
  assert.deepEqual(findings('FROM --platform=linux/amd64\n', 'DX2002'), ['1:1-1:5']);
  assert.deepEqual(findings('FROM alpine:3.20\nSHELL []\nVOLUME [ ]\n', 'DX2002'), ['2:1-2:6', '3:1-3:7']);
  assert.deepEqual(findings('FROM alpine:3.20\nVOLUME ["/data", ""]\n', 'DX2002'), ['2:18-2:20']);
  assert.deepEqual(messages('FROM alpine:3.20\nVOLUME ["/data", ""]\n', 'DX2002'), ['`VOLUME` has an empty path: the builder rejects it.']);
});

test('DX2002: an argument on a continuation line counts; RUN, CMD and ENTRYPOINT may be empty', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nWORKDIR \\\n  /app\nEXPOSE \\\n  # the port\n  80\n', 'DX2002'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN\nCMD\nENTRYPOINT\nCMD []\n', 'DX2002'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nCOPY <<EOF /app/x\nhello\nEOF\nVOLUME /data\nSHELL ["/bin/sh", "-c"]\n', 'DX2002'), []);
});

test('DX2002: inside ONBUILD, on the trigger keyword', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD WORKDIR\n', 'DX2002'), ['2:9-2:16']);
});
