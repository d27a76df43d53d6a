import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';
import { isTrusted, registryOf } from '../../server/src/rules/DL3026';

const cfg = 'trustedRegistries:\n  - registry.example.com\n  - "*.gcr.io"\n';

test('DL3026: flags a FROM image from another registry, on the registry', () => {
  const text = 'FROM ghcr.io/example/base:1.4\n';
  assert.deepEqual(findings(text, 'DL3026', {}, cfg), ['1:6-1:13']);
  assert.deepEqual(messages(text, 'DL3026', cfg), [
    'Base image `ghcr.io/example/base:1.4` comes from `ghcr.io`, which is not in trustedRegistries (registry.example.com, *.gcr.io).',
  ]);
});

test('DL3026: an image without a registry comes from Docker Hub, on the whole reference', () => {
  const text = 'FROM python:3.12\n';
  assert.deepEqual(findings(text, 'DL3026', {}, cfg), ['1:6-1:17']);
  assert.deepEqual(messages(text, 'DL3026', cfg), [
    'Base image `python:3.12` comes from Docker Hub (docker.io), which is not in trustedRegistries (registry.example.com, *.gcr.io).',
  ]);
  for (const hub of ['docker.io', 'hub.docker.com']) {
    const yaml = `trustedRegistries: [${hub}]\n`;
    assert.deepEqual(findings('FROM python:3.12\nFROM library/python:3.12\nFROM docker.io/library/python:3.12\nFROM index.docker.io/library/python:3.12\n', 'DL3026', {}, yaml), [], hub);
  }
});

test('DL3026: trusted names, wildcards, case and ports', () => {
  const ok = 'FROM registry.example.com/team/app:1\nFROM REGISTRY.example.com/team/app:1\nFROM registry.example.com:5000/app:1\nFROM eu.gcr.io/p/x:1\n';
  assert.deepEqual(findings(ok, 'DL3026', {}, cfg), []);
  // `*.gcr.io` needs something before `.gcr.io`
  assert.deepEqual(findings('FROM gcr.io/p/x:1\n', 'DL3026', {}, cfg), ['1:6-1:12']);
  // a port in the entry must match
  assert.deepEqual(findings('FROM registry.example.com:5000/app:1\n', 'DL3026', {}, 'trustedRegistries: ["registry.example.com:443"]\n'), ['1:6-1:31']);
  assert.deepEqual(findings('FROM mirror-eu.example.com/app:1\nFROM mirror-us.example.com/app:1\n', 'DL3026', {}, 'trustedRegistries: ["mirror-*"]\n'), []);
  assert.deepEqual(findings('FROM ghcr.io/a:1\nFROM python:3\n', 'DL3026', {}, 'trustedRegistries: ["*"]\n'), []);
});

test('DL3026: localhost:5000 is a registry (hadolint reads it as a Docker Hub image)', () => {
  assert.deepEqual(findings('FROM localhost:5000/app:1\n', 'DL3026', {}, 'trustedRegistries: [docker.io]\n'), ['1:6-1:20']);
  assert.deepEqual(findings('FROM localhost/app:1\n', 'DL3026', {}, 'trustedRegistries: [localhost]\n'), []);
});

test('DL3026: scratch and stage names are not images', () => {
  const text = 'FROM registry.example.com/base:1 AS Build\nFROM build AS test\nFROM scratch\nCOPY --from=test /a /a\nCOPY --from=0 /b /b\nRUN --mount=from=build,target=/src true\n';
  assert.deepEqual(findings(text, 'DL3026', {}, cfg), []);
});

test('DL3026: checks COPY --from images, on the registry or the whole value', () => {
  const text = 'FROM registry.example.com/base:1\nCOPY --from=ghcr.io/x/y:1 /a /a\nCOPY --from=alpine:3.20 /b /b\n';
  assert.deepEqual(findings(text, 'DL3026', {}, cfg), ['2:13-2:20', '3:13-3:24']);
  assert.deepEqual(messages(text, 'DL3026', cfg)[0], 'Image `ghcr.io/x/y:1` comes from `ghcr.io`, which is not in trustedRegistries (registry.example.com, *.gcr.io).');
});

test('DL3026: checks bind and cache mounts with from=', () => {
  const text =
    'FROM registry.example.com/base:1\nRUN --mount=type=bind,from=ghcr.io/x/y:1,target=/x true\nRUN --mount=type=cache,target=/c,from=node:20 true\nRUN --mount=type=secret,id=npm true\n';
  assert.deepEqual(findings(text, 'DL3026', {}, cfg), ['2:28-2:35', '3:39-3:46']);
  assert.deepEqual(messages(text, 'DL3026', cfg)[0], 'Mounted image `ghcr.io/x/y:1` comes from `ghcr.io`, which is not in trustedRegistries (registry.example.com, *.gcr.io).');
});

test('DL3026: resolves global ARG defaults; skips references only known at build time', () => {
  const text = 'ARG BASE=ghcr.io/x/y:1\nFROM $BASE\n';
  assert.deepEqual(findings(text, 'DL3026', {}, cfg), ['2:6-2:11']);
  assert.deepEqual(messages(text, 'DL3026', cfg), [
    'Base image `ghcr.io/x/y:1` (from `$BASE`) comes from `ghcr.io`, which is not in trustedRegistries (registry.example.com, *.gcr.io).',
  ]);
  assert.deepEqual(findings('ARG REG=registry.example.com\nFROM ${REG}/x:1\n', 'DL3026', {}, cfg), []);
  assert.deepEqual(findings('ARG BASE\nFROM $BASE\nCOPY --from=$BASE /a /a\n', 'DL3026', {}, cfg), []);
});

test('DL3026: off without trustedRegistries; applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM ghcr.io/example/base:1.4\n', 'DL3026'), []);
  assert.deepEqual(findings('FROM registry.example.com/base:1\nONBUILD COPY --from=ghcr.io/x:1 /a /a\n', 'DL3026', {}, cfg), ['2:21-2:28']);
});

test('DL3026: registryOf and isTrusted', () => {
  assert.deepEqual(registryOf('team/app:1'), { name: 'docker.io', explicit: false });
  assert.deepEqual(registryOf('quay.io/team/app'), { name: 'quay.io', explicit: true });
  assert.deepEqual(registryOf('localhost/app'), { name: 'localhost', explicit: true });
  assert.equal(isTrusted('docker.io', ['hub.docker.com']), true);
  assert.equal(isTrusted('quay.io', ['*.io']), true);
  assert.equal(isTrusted('quay.io', ['quay.com']), false);
});
