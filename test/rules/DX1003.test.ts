import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DX1003: flags a final stage that exposes a port without HEALTHCHECK, on its image', () => {
  const text = 'FROM python:3.11-slim\nEXPOSE 5500\nCMD ["gunicorn", "run:app"]\n';
  assert.deepEqual(findings(text, 'DX1003'), ['1:6-1:22']);
  assert.match(messages(text, 'DX1003')[0], /port 5500 /);
  assert.match(messages('FROM nginx\nEXPOSE 80 443\n', 'DX1003')[0], /ports 80, 443 /);
});

test('DX1003: quiet with a HEALTHCHECK, with HEALTHCHECK NONE, and without EXPOSE', () => {
  assert.deepEqual(findings('FROM nginx\nEXPOSE 80\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n', 'DX1003'), []);
  assert.deepEqual(findings('FROM nginx\nEXPOSE 80\nHEALTHCHECK NONE\n', 'DX1003'), []);
  assert.deepEqual(findings('FROM debian:12\nCMD ["bash"]\n', 'DX1003'), []);
});

test('DX1003: EXPOSE and HEALTHCHECK in parent stages count; other stages do not', () => {
  assert.deepEqual(findings('FROM nginx AS base\nEXPOSE 80\nFROM base\nCOPY site /usr/share/nginx/html\n', 'DX1003'), ['3:6-3:10']);
  assert.deepEqual(findings('FROM nginx AS base\nEXPOSE 80\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\nFROM base\n', 'DX1003'), []);
  assert.deepEqual(findings('FROM nginx AS dev\nEXPOSE 80\nFROM nginx\nCOPY site /usr/share/nginx/html\n', 'DX1003'), []);
  assert.deepEqual(findings('FROM nginx AS probe\nHEALTHCHECK NONE\nFROM nginx\nEXPOSE 80\n', 'DX1003'), ['3:6-3:11']);
});

test('DX1003: an ONBUILD EXPOSE describes child images, not this one', () => {
  assert.deepEqual(findings('FROM nginx\nONBUILD EXPOSE 80\n', 'DX1003'), []);
});

test('DX1003: honours pragmas and the rules setting', () => {
  assert.deepEqual(findings('# hadolint ignore=DX1003\nFROM nginx\nEXPOSE 80\n', 'DX1003'), []);
  assert.deepEqual(findings('FROM nginx\nEXPOSE 80\n', 'DX1003', { rules: { DX1003: 'off' } }), []);
});
