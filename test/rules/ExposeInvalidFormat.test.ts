import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

const ID = 'ExposeInvalidFormat';

test('ExposeInvalidFormat: flags a host port or IP address, on the port spec', () => {
  assert.deepEqual(findings('FROM nginx\nEXPOSE 80 8080:80 127.0.0.1:8443:443/tcp\n', ID), ['2:11-2:18', '2:19-2:41']);
  assert.deepEqual(findings('FROM nginx\nEXPOSE 127.0.0.1::80\n', ID), ['2:8-2:21']);
  assert.deepEqual(messages('FROM nginx\nEXPOSE 8080:80\n', ID), [
    '`8080:80` maps a host port, which EXPOSE ignores: only the container port 80 is recorded. Publish ports with `docker run -p` instead.',
  ]);
  assert.deepEqual(messages('FROM nginx\nEXPOSE 127.0.0.1:8443:443/tcp\n', ID), [
    '`127.0.0.1:8443:443/tcp` maps an IP address and a host port, which EXPOSE ignores: only the container port 443/tcp is recorded. Publish ports with `docker run -p` instead.',
  ]);
});

test('ExposeInvalidFormat: quiet for plain ports, ranges, protocols and a leading colon', () => {
  assert.deepEqual(findings('FROM nginx\nEXPOSE 80 80/udp 8000-8010 :80\n', ID), []);
});

test('ExposeInvalidFormat: expands variables with known values; applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM nginx\nARG MAP=8080:80\nEXPOSE ${MAP}\n', ID), ['3:8-3:14']);
  assert.deepEqual(findings('FROM nginx\nONBUILD EXPOSE 8080:80\n', ID), ['2:16-2:23']);
});

test('ExposeInvalidFormat: the fix keeps the container port and protocol, keeping CRLF', () => {
  assert.equal(fixed('FROM nginx\r\nEXPOSE 127.0.0.1:8443:443/udp 80\r\n', ID), 'FROM nginx\r\nEXPOSE 443/udp 80\r\n');
  assert.equal(fixed('FROM nginx\nEXPOSE 8080-8081:80-81\n', ID), 'FROM nginx\nEXPOSE 80-81\n');
  assert.throws(() => fixed('FROM nginx\nEXPOSE host:80\n', ID), /has no fix/);
});

test('ExposeInvalidFormat: silenced by check=skip', () => {
  assert.deepEqual(findings('FROM nginx\n# check=skip=ExposeInvalidFormat\nEXPOSE 8080:80\n', ID), []);
});
