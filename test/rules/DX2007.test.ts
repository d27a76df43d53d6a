import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2007: words after HEALTHCHECK NONE are flagged, and the fix removes them', () => {
  const text = 'FROM nginx:1.27-alpine\nHEALTHCHECK NONE # probes come from the orchestrator\nEXPOSE 80\n';
  assert.deepEqual(findings(text, 'DX2007'), ['2:18-2:53']);
  assert.deepEqual(messages('FROM nginx:1.27-alpine\nHEALTHCHECK NONE CMD true\n', 'DX2007'), ['`HEALTHCHECK NONE` takes no arguments: the builder rejects `CMD true` after it.']);
  assert.equal(fixed(text, 'DX2007'), 'FROM nginx:1.27-alpine\nHEALTHCHECK NONE\nEXPOSE 80\n');
});

test('DX2007: the fix removes arguments on continuation lines, keeping CRLF after the instruction', () => {
  const text = 'FROM nginx:1.27-alpine\r\nhealthcheck none \\\r\n  cmd true\r\nEXPOSE 80\r\n';
  assert.deepEqual(findings(text, 'DX2007'), ['3:3-3:11']);
  assert.equal(fixed(text, 'DX2007'), 'FROM nginx:1.27-alpine\r\nhealthcheck none\r\nEXPOSE 80\r\n');
});

test('DX2007: quiet for NONE alone (options before it are ignored by the builder) and for CMD', () => {
  assert.deepEqual(findings('FROM nginx:1.27-alpine\nHEALTHCHECK NONE\nHEALTHCHECK NONE   \nHEALTHCHECK --interval=5s NONE\nHEALTHCHECK CMD none\n', 'DX2007'), []);
});

test('DX2007: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM nginx:1.27-alpine\nONBUILD HEALTHCHECK NONE x\n', 'DX2007'), ['2:26-2:27']);
});
