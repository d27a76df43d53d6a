import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages, problems } from '../helpers';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { parseHadolintConfig } from '../../server/src/config/hadolint';

test('DL3057: flags an image without HEALTHCHECK, on the FROM image', () => {
  const text = 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n';
  assert.deepEqual(findings(text, 'DL3057'), ['1:6-1:23']);
  assert.deepEqual(messages(text, 'DL3057'), ['This image has no HEALTHCHECK, so Docker cannot tell when its container stops working.']);
  assert.deepEqual(messages('FROM alpine:3.20 AS dev\n', 'DL3057'), ['Stage `dev` has no HEALTHCHECK, so Docker cannot tell when its container stops working.']);
});

test('DL3057: quiet with a HEALTHCHECK, HEALTHCHECK NONE, or one inherited from the base stage', () => {
  assert.deepEqual(findings('FROM scratch\nHEALTHCHECK CMD /bin/bla\n', 'DL3057'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nHEALTHCHECK NONE\n', 'DL3057'), []);
  assert.deepEqual(findings('FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n', 'DL3057'), []);
  assert.deepEqual(findings('FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n', 'DL3057'), ['3:6-3:13']);
});

test('DL3057: builder stages and base stages are not checked themselves', () => {
  const builder = 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\nHEALTHCHECK CMD ["/app", "health"]\n';
  assert.deepEqual(findings(builder, 'DL3057'), []);
  const base = 'FROM python:3.12-slim AS base\nRUN pip install flask\nFROM base AS api\nHEALTHCHECK CMD curl -f http://localhost/\nFROM base AS worker\n';
  assert.deepEqual(findings(base, 'DL3057'), ['5:6-5:10']);
});

test('DL3057: ONBUILD HEALTHCHECK does not count for this image', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD HEALTHCHECK CMD true\n', 'DL3057'), ['1:6-1:17']);
});

test('DL3057: off by default; .hadolint.yaml override or the rules setting turns it on', () => {
  const text = 'FROM alpine:3.20\n';
  assert.deepEqual(problems(text).filter((p) => p.rule.id === 'DL3057'), []);
  const on = lint(parseDocument(text), { hadolint: parseHadolintConfig('override:\n  info: [DL3057]\n') }).filter((p) => p.rule.id === 'DL3057');
  assert.deepEqual(on.map((p) => p.level), ['info']);
  assert.deepEqual(problems(text, { rules: { DL3057: 'warning' } }).filter((p) => p.rule.id === 'DL3057').map((p) => p.level), ['warning']);
});
