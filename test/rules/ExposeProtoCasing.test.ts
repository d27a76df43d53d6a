import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

const ID = 'ExposeProtoCasing';

test('ExposeProtoCasing: flags each uppercase protocol, on the protocol', () => {
  assert.deepEqual(findings('FROM alpine\nEXPOSE 53/UDP 80 443/Tcp\n', ID), ['2:11-2:14', '2:22-2:25']);
  assert.deepEqual(findings('FROM alpine\nEXPOSE 8000-8010/SCTP\n', ID), ['2:18-2:22']);
  assert.deepEqual(messages('FROM alpine\nEXPOSE 53/UDP\n', ID), ['Protocol `UDP` should be lowercase: write `udp`.']);
});

test('ExposeProtoCasing: quiet for lowercase and missing protocols and for unknown ones (a syntax error)', () => {
  assert.deepEqual(findings('FROM alpine\nEXPOSE 53/udp 80 8080:80/tcp 1/HTTP\n', ID), []);
});

test('ExposeProtoCasing: expands variables with known values; applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine\nENV PORT=53/UDP\nEXPOSE $PORT\n', ID), ['3:8-3:13']);
  assert.deepEqual(messages('FROM alpine\nENV PORT=53/UDP\nEXPOSE $PORT\n', ID), ['`$PORT` gives the protocol `UDP` here, which should be lowercase: `udp`.']);
  assert.deepEqual(findings('FROM alpine\nARG PORT\nEXPOSE $PORT\n', ID), []);
  assert.deepEqual(findings('FROM alpine\nONBUILD EXPOSE 53/UDP\n', ID), ['2:19-2:22']);
});

test('ExposeProtoCasing: the fix lowercases the protocol only, keeping CRLF', () => {
  assert.equal(fixed('FROM alpine\r\nEXPOSE 53/UDP \\\r\n  80/TCP\r\n', ID), 'FROM alpine\r\nEXPOSE 53/udp \\\r\n  80/TCP\r\n');
  assert.equal(fixed('FROM alpine\r\nEXPOSE 53/UDP \\\r\n  80/TCP\r\n', ID, 1), 'FROM alpine\r\nEXPOSE 53/UDP \\\r\n  80/tcp\r\n');
  assert.throws(() => fixed('FROM alpine\nENV PORT=53/UDP\nEXPOSE $PORT\n', ID), /has no fix/);
});

test('ExposeProtoCasing: silenced by check=skip', () => {
  assert.deepEqual(findings('# check=skip=ExposeProtoCasing,ExposeInvalidFormat\nFROM alpine\nEXPOSE 53/UDP\n', ID), []);
});
