import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, problems } from '../helpers';

const APP = 'FROM python:3.11-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n';

test('DX1001: flags a final stage that never sets USER, on its image', () => {
  assert.deepEqual(findings(APP, 'DX1001'), ['1:6-1:22']);
  assert.deepEqual(findings('FROM golang:1.22 AS build\nUSER builder\nFROM debian:12\nCMD ["/app"]\n', 'DX1001'), ['3:6-3:15']);
});

test('DX1001: quiet when a USER is set in the final stage or the stages it is built on', () => {
  assert.deepEqual(findings('FROM python:3.11-slim\nUSER appuser\nCMD ["python"]\n', 'DX1001'), []);
  const chain = 'FROM python:3.11-slim AS base\nRUN useradd appuser\nUSER appuser\nFROM base AS deps\nRUN true\nFROM deps\nCMD ["python"]\n';
  assert.deepEqual(findings(chain, 'DX1001'), []);
  // a root USER is DL3002's finding, not this rule's
  assert.deepEqual(findings('FROM python:3.11-slim\nUSER root\nCMD ["python"]\n', 'DX1001'), []);
});

test('DX1001: quiet for an ONBUILD template image, whose children set their own USER', () => {
  assert.deepEqual(findings('FROM python:3.12\nWORKDIR /app\nONBUILD COPY . /app\nONBUILD RUN pip install -r requirements.txt\n', 'DX1001'), []);
  assert.deepEqual(findings('FROM node:20 AS template\nONBUILD USER node\nFROM template\nCMD ["node"]\n', 'DX1001'), []);
});

test('DX1001: the fix adds USER before the closing CMD/ENTRYPOINT', () => {
  assert.equal(fixed(APP, 'DX1001'), 'FROM python:3.11-slim\nCOPY . /app\nUSER appuser\nCMD ["python", "/app/main.py"]\n');
  assert.equal(
    fixed('FROM node:20\nRUN npm ci\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n', 'DX1001'),
    'FROM node:20\nRUN npm ci\nUSER appuser\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n',
  );
  // above the comments that belong to the CMD, with the CMD's indentation
  assert.equal(
    fixed('FROM python:3.11-slim\n  RUN pip install flask\n\n  # start the app\n  # hadolint ignore=DL3025\n  CMD python app.py\n', 'DX1001'),
    'FROM python:3.11-slim\n  RUN pip install flask\n\n  USER appuser\n  # start the app\n  # hadolint ignore=DL3025\n  CMD python app.py\n',
  );
  const title = problems(APP).find((p) => p.rule.id === 'DX1001')?.fix;
  assert.equal(title?.title, 'Add "USER appuser" before CMD');
  assert.equal(title?.safe, false);
});

test('DX1001: the fix adds USER at the end of the stage when the CMD comes from a parent stage', () => {
  const base = 'FROM node:20 AS base\nCMD ["node"]\n';
  assert.equal(fixed(base + 'FROM base\nRUN npm ci\n', 'DX1001'), base + 'FROM base\nRUN npm ci\nUSER appuser\n');
  assert.equal(fixed(base + 'FROM base\nRUN npm ci', 'DX1001'), base + 'FROM base\nRUN npm ci\nUSER appuser');
  assert.equal(fixed(base + 'FROM base\nRUN npm ci \\\n    && true\n# end\n', 'DX1001'), base + 'FROM base\nRUN npm ci \\\n    && true\nUSER appuser\n# end\n');
  assert.equal(fixed(base + 'FROM base\nRUN <<EOF\nnpm ci\nEOF\n', 'DX1001'), base + 'FROM base\nRUN <<EOF\nnpm ci\nEOF\nUSER appuser\n');
  assert.equal(fixed(base + 'FROM base\nRUN npm ci\n\n', 'DX1001'), base + 'FROM base\nRUN npm ci\nUSER appuser\n\n');
  assert.equal(fixed(base + 'FROM base\n', 'DX1001'), base + 'FROM base\nUSER appuser\n');
});

test('DX1001: quiet for base and tool images that never set CMD or ENTRYPOINT', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update\n', 'DX1001'), []);
  assert.deepEqual(findings('FROM buildpack-deps:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\n', 'DX1001'), []);
});

test('DX1001: the fix uses the nonRootUser setting', () => {
  assert.equal(fixed(APP, 'DX1001', 0, { nonRootUser: 'web' }), 'FROM python:3.11-slim\nCOPY . /app\nUSER web\nCMD ["python", "/app/main.py"]\n');
});

test('DX1001: the fix keeps CRLF', () => {
  assert.equal(fixed('FROM debian:12\r\nRUN true\r\nCMD ["app"]\r\n', 'DX1001'), 'FROM debian:12\r\nRUN true\r\nUSER appuser\r\nCMD ["app"]\r\n');
});

test('DX1001: scratch images: quiet when they run nothing, a numeric user when they do', () => {
  const build = 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n';
  assert.deepEqual(findings(build, 'DX1001'), []);
  const run = build + 'ENTRYPOINT ["/app"]\n';
  assert.deepEqual(findings(run, 'DX1001'), ['3:6-3:13']);
  assert.equal(fixed(run, 'DX1001'), build + 'USER 65534:65534\nENTRYPOINT ["/app"]\n');
  assert.equal(fixed(run, 'DX1001', 0, { nonRootUser: '1000:1000' }), build + 'USER 1000:1000\nENTRYPOINT ["/app"]\n');
});

test('DX1001: quiet for Windows images and distroless nonroot images', () => {
  assert.deepEqual(findings('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]\n', 'DX1001'), []);
  assert.deepEqual(findings('ARG REPO=mcr.microsoft.com/windows/nanoserver\nFROM ${REPO}:ltsc2022\nCMD ["cmd"]\n', 'DX1001'), []);
  assert.deepEqual(findings('FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /\nCMD ["/app"]\n', 'DX1001'), []);
});

test('DX1001: a pragma above the final FROM silences it', () => {
  assert.deepEqual(findings('FROM debian:12 AS base\nRUN true\n# hadolint ignore=DX1001\nFROM base\nCMD ["app"]\n', 'DX1001'), []);
  assert.deepEqual(findings(APP, 'DX1001', { rules: { DX1001: 'off' } }), []);
});

test('DX1001: quiet for images whose entrypoint steps down with gosu or su-exec', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\n', 'DX1001'), []);
  assert.deepEqual(findings('FROM alpine:3.20 AS base\nRUN apk add --no-cache su-exec\nFROM base\nCMD ["redis-server"]\n', 'DX1001'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN echo gone\nENTRYPOINT ["docker-entrypoint.sh"]\n', 'DX1001'), ['1:6-1:15']);
});
