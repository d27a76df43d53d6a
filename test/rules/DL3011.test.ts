import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3011: flags a port above 65535, on that port', () => {
  assert.deepEqual(findings('FROM nginx:1.27\nEXPOSE 80 80800\n', 'DL3011'), ['2:11-2:16']);
  assert.deepEqual(messages('FROM nginx:1.27\nEXPOSE 80800\n', 'DL3011'), ['Port 80800 is out of range: ports go from 0 to 65535.']);
  assert.deepEqual(findings('FROM nginx:1.27\nEXPOSE 65536/udp\n', 'DL3011'), ['2:8-2:17']);
});

test('DL3011: checks both ends of a range', () => {
  assert.deepEqual(findings('FROM nginx:1.27\nEXPOSE 40000-80000/tcp\n', 'DL3011'), ['2:8-2:23']);
  assert.deepEqual(findings('FROM nginx:1.27\nEXPOSE 70000-70001\n', 'DL3011'), ['2:8-2:19']);
  assert.deepEqual(messages('FROM nginx:1.27\nEXPOSE 70000-70001\n', 'DL3011'), ['Port 70000 is out of range: ports go from 0 to 65535.']);
  assert.deepEqual(findings('FROM nginx:1.27\nEXPOSE 40000-60000/tcp\n', 'DL3011'), []);
});

test('DL3011: quiet for valid ports and for forms it does not read', () => {
  assert.deepEqual(findings('FROM nginx:1.27\nEXPOSE 0 80 80/tcp 443/udp 8000-8080 65535\n', 'DL3011'), []);
  assert.deepEqual(findings('FROM nginx:1.27\nEXPOSE 127.0.0.1:80800:80\n', 'DL3011'), []);
});

test('DL3011: a variable is checked when its value is known there, skipped otherwise', () => {
  assert.deepEqual(findings('FROM nginx:1.27\nEXPOSE ${PORT}\n', 'DL3011'), []);
  assert.deepEqual(findings('FROM nginx:1.27\nARG PORT\nEXPOSE $PORT\n', 'DL3011'), []);
  assert.deepEqual(findings('FROM nginx:1.27\nARG PORT=80800\nEXPOSE 80 ${PORT}/tcp\n', 'DL3011'), ['3:11-3:22']);
  assert.deepEqual(messages('FROM nginx:1.27\nENV PORT=90000\nEXPOSE $PORT\n', 'DL3011'), ['Port 90000 is out of range (`$PORT` is `90000` here): ports go from 0 to 65535.']);
  assert.deepEqual(findings('FROM nginx:1.27\nENV PORT=8080\nEXPOSE $PORT 40000-${PORT}\n', 'DL3011'), []);
  assert.deepEqual(findings('FROM nginx:1.27\nEXPOSE ${PORT:-99999}\n', 'DL3011'), []);
  // a global ARG is not visible in the stage until it is declared again
  assert.deepEqual(findings('ARG PORT=99999\nFROM nginx:1.27\nEXPOSE $PORT\n', 'DL3011'), []);
  assert.deepEqual(findings('ARG PORT=99999\nFROM nginx:1.27\nARG PORT\nEXPOSE $PORT\n', 'DL3011'), ['4:8-4:13']);
});

test('DL3011: applies inside ONBUILD and across continuation lines', () => {
  assert.deepEqual(findings('FROM nginx:1.27\nONBUILD EXPOSE 99999\n', 'DL3011'), ['2:16-2:21']);
  assert.deepEqual(findings('FROM nginx:1.27\nEXPOSE 80 \\\n  99999\n', 'DL3011'), ['3:3-3:8']);
});

test('DL3011: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM nginx:1.27\n# hadolint ignore=DL3011\nEXPOSE 99999\n', 'DL3011'), []);
});
