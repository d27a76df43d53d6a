import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DX2025: a flag newer than the pinned syntax is flagged on the flag name', () => {
  const text = '# syntax=docker/dockerfile:1.4\nFROM node:20-slim\nCOPY --parents --link packages/*/package.json ./\n';
  assert.deepEqual(findings(text, 'DX2025'), ['3:6-3:15']);
  assert.deepEqual(messages(text, 'DX2025'), [
    '`COPY --parents` needs Dockerfile syntax 1.20 or later (1.7-labs on the labs channel), but the `syntax` directive pins `docker/dockerfile:1.4`: that frontend rejects it.',
  ]);
});

test('DX2025: the labs channel has some flags earlier', () => {
  assert.deepEqual(findings('# syntax=docker/dockerfile:1.7-labs\nFROM alpine:3.20\nCOPY --parents --exclude=*.md . /src/\n', 'DX2025'), []);
  assert.deepEqual(findings('# syntax=docker/dockerfile:1.6-labs\nFROM alpine:3.20\nCOPY --exclude=*.md . /src/\n', 'DX2025'), ['3:6-3:15']);
  assert.deepEqual(findings('# syntax=docker/dockerfile:1.19\nFROM alpine:3.20\nCOPY --exclude=*.md --parents . /src/\n', 'DX2025'), ['3:21-3:30']);
});

test('DX2025: heredocs (once per file), symbolic chmod, HEALTHCHECK and RUN flags', () => {
  const text = [
    '# syntax = docker/dockerfile:1.2',
    'FROM alpine:3.20',
    'RUN <<EOF',
    'echo one',
    'EOF',
    'RUN <<EOF',
    'echo two',
    'EOF',
    'COPY --chmod=u+x run.sh /usr/local/bin/',
    'RUN --network=none --mount=type=cache,target=/c true',
    'HEALTHCHECK --start-interval=1s CMD true',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2025'), ['3:5-3:10', '9:14-9:17', '10:5-10:14', '11:13-11:29']);
});

test('DX2025: quiet without a pin, with floating tags, other frontends, or new enough versions', () => {
  const body = 'FROM alpine:3.20\nCOPY --parents --exclude=x --link --chmod=+x . /src/\nRUN --security=insecure --device=a.com/b true\nRUN <<EOF\ntrue\nEOF\n';
  for (const pin of ['', '# syntax=docker/dockerfile:1\n', '# syntax=docker/dockerfile:latest\n', '# syntax=docker/dockerfile-upstream:master\n', '# syntax=docker.io/docker/dockerfile:1.27.0\n', '# syntax=docker/dockerfile:1.27@sha256:abc123\n', '# syntax=example.com/my/frontend:0.1\n', '# syntax=docker/dockerfile:experimental\n']) {
    assert.deepEqual(findings(pin + body, 'DX2025'), [], pin);
  }
  assert.deepEqual(findings('# syntax=docker/dockerfile:1.2\nFROM alpine:3.20\nCOPY --chmod=755 --from=x --chown=1 a /b\nRUN --mount=type=cache,target=/c true\n', 'DX2025'), []);
});
