import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2006: a command without CMD is flagged on its first word, with a fix inserting CMD', () => {
  const text = 'FROM nginx:1.27-alpine\nHEALTHCHECK --interval=30s curl -f http://localhost/ || exit 1\n';
  assert.deepEqual(findings(text, 'DX2006'), ['2:28-2:32']);
  assert.deepEqual(messages(text, 'DX2006'), [
    '`HEALTHCHECK` needs `CMD` before the command (`HEALTHCHECK CMD curl …`) or `NONE`: the builder rejects `curl` as a type.',
  ]);
  assert.equal(fixed(text, 'DX2006'), 'FROM nginx:1.27-alpine\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n');
  assert.equal(fixed('FROM nginx:1.27-alpine\r\nhealthcheck \\\r\n  wget -q localhost\r\n', 'DX2006'), 'FROM nginx:1.27-alpine\r\nhealthcheck \\\r\n  cmd wget -q localhost\r\n');
});

test('DX2006: a misspelt CMD or NONE is corrected', () => {
  assert.equal(fixed('FROM nginx:1.27-alpine\nHEALTHCHECK CDM curl -f localhost\n', 'DX2006'), 'FROM nginx:1.27-alpine\nHEALTHCHECK CMD curl -f localhost\n');
  assert.equal(fixed('FROM nginx:1.27-alpine\nHEALTHCHECK NOEN\n', 'DX2006'), 'FROM nginx:1.27-alpine\nHEALTHCHECK NONE\n');
  assert.deepEqual(messages('FROM nginx:1.27-alpine\nHEALTHCHECK CDM true\n', 'DX2006'), [
    '`CDM` is not a HEALTHCHECK type: did you mean `CMD`? The builder accepts `CMD <command>` or `NONE`.',
  ]);
});

test('DX2006: CMD without a command', () => {
  assert.deepEqual(findings('FROM nginx:1.27-alpine\nHEALTHCHECK --retries=3 CMD\nHEALTHCHECK CMD []\n', 'DX2006'), ['2:25-2:28', '3:13-3:16']);
});

test('DX2006: quiet for CMD in shell and exec form, NONE, any case, continuation lines', () => {
  const text = 'FROM nginx:1.27-alpine\nHEALTHCHECK CMD curl -f localhost\nhealthcheck cmd ["curl", "-f", "localhost"]\nHEALTHCHECK --interval=5s \\\n  CMD true\nHEALTHCHECK NONE\nHEALTHCHECK\n';
  assert.deepEqual(findings(text, 'DX2006'), []);
});

test('DX2006: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM nginx:1.27-alpine\nONBUILD HEALTHCHECK curl localhost\n', 'DX2006'), ['2:21-2:25']);
});
