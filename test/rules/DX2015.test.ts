import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2015: an unknown protocol is flagged on the protocol; a close one gets a fix', () => {
  const text = 'FROM nginx:1.27-alpine\nEXPOSE 80/http 443/tpc\n';
  assert.deepEqual(findings(text, 'DX2015'), ['2:11-2:15', '2:20-2:23']);
  assert.deepEqual(messages(text, 'DX2015'), [
    '`http` is not a protocol (use `tcp`, `udp` or `sctp`); the builder rejects this EXPOSE.',
    '`tpc` is not a protocol (use `tcp`, `udp` or `sctp`); the builder rejects this EXPOSE. Did you mean `tcp`?',
  ]);
  assert.equal(fixed(text, 'DX2015', 1), 'FROM nginx:1.27-alpine\nEXPOSE 80/http 443/tcp\n');
  assert.equal(fixed('FROM nginx:1.27-alpine\r\nEXPOSE 80 \\\r\n  53/upd\r\n', 'DX2015'), 'FROM nginx:1.27-alpine\r\nEXPOSE 80 \\\r\n  53/udp\r\n');
});

test('DX2015: words that are not ports, backwards ranges, a missing port, bad host parts', () => {
  const text = 'FROM nginx:1.27-alpine\nEXPOSE http 9000-8000 /tcp 80- 1.2.3:80:80 x:80 8000-8001:9000-9005\n';
  assert.deepEqual(findings(text, 'DX2015'), ['2:8-2:12', '2:13-2:22', '2:23-2:27', '2:28-2:31', '2:32-2:43', '2:44-2:48', '2:49-2:68']);
  assert.deepEqual(messages(text, 'DX2015'), [
    '`http` is not a port (a number, or a range like `8000-8010`); the builder rejects this EXPOSE.',
    'the port range `9000-8000` ends before it starts; the builder rejects this EXPOSE.',
    'no port before `/tcp`; the builder rejects this EXPOSE.',
    '`80-` is not a port (a number, or a range like `8000-8010`); the builder rejects this EXPOSE.',
    '`1.2.3` is not an IP address; the builder rejects this EXPOSE.',
    '`x` is not a host port (a number, or a range like `8000-8010`); the builder rejects this EXPOSE.',
    'the host range `8000-8001` and the port range `9000-9005` have different sizes; the builder rejects this EXPOSE.',
  ]);
});

test('DX2015: a trailing comment is part of the instruction', () => {
  assert.deepEqual(messages('FROM nginx:1.27-alpine\nEXPOSE 80 # web\n', 'DX2015'), [
    '`#` is not a port (a number, or a range like `8000-8010`); the builder rejects this EXPOSE. A `#` comment must start its own line.',
    '`web` is not a port (a number, or a range like `8000-8010`); the builder rejects this EXPOSE.',
  ]);
});

test('DX2015: variables are checked with their known value, and skipped when unknown', () => {
  const text = 'FROM nginx:1.27-alpine\nARG PORT=web\nARG OTHER\nEXPOSE $PORT ${OTHER} ${OTHER:-80}\n';
  assert.deepEqual(findings(text, 'DX2015'), ['4:8-4:13']);
  assert.deepEqual(messages(text, 'DX2015'), ['`$PORT` gives `web`: `web` is not a port (a number, or a range like `8000-8010`); the builder rejects this EXPOSE.']);
});

test('DX2015: quiet for valid ports, ranges, protocols in any case, host ports, IPs, and ports above 65535 (DL3011)', () => {
  const text = [
    'FROM nginx:1.27-alpine',
    'ENV PORTS="80 443"',
    'EXPOSE 80 8080/tcp 53/udp 9000/sctp 8000-8010 7000-7001/udp 80/TCP 53/Udp',
    'EXPOSE 8080:80 127.0.0.1:8080:80 [::1]:8080:80 ::1:8080:80 9000-9001:8000-8001 8000-8005:80',
    'EXPOSE $PORTS "8443" 70000',
    'EXPOSE ${UNSET_PORT}',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2015'), []);
});

test('DX2015: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM nginx:1.27-alpine\nONBUILD EXPOSE web\n', 'DX2015'), ['2:16-2:19']);
});
