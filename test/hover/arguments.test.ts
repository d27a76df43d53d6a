/**
 * Hover on instruction arguments: HEALTHCHECK option values, EXPOSE ports, USER, WORKDIR and
 * STOPSIGNAL. Facts, not whole texts.
 */
import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/document';
import { hover } from '../../server/src/service/hover';
import { hoverOn, md } from './lineHover';
import { durationWords } from '../../server/src/hover/arguments';


const APP = [
  'FROM python:3.11-slim AS base', //                                                                   0
  'RUN groupadd --gid 1000 appgroup \\', //                                                             1
  '    && useradd --uid 1000 --gid appgroup --shell /bin/bash --create-home appuser', //                2
  'WORKDIR /app', //                                                                                    3
  'FROM base AS production', //                                                                         4
  'WORKDIR src', //                                                                                     5
  'USER appuser', //                                                                                    6
  'EXPOSE 5500 80/tcp 53/udp 8000-8010', //                                                             7
  'HEALTHCHECK --interval=30s --timeout=10s --start-period=5s --retries=3 \\', //                       8
  '    CMD python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:5500/health\')" || exit 1', // 9
  'STOPSIGNAL SIGTERM', //                                                                              10
  'CMD ["gunicorn", "--bind", "0.0.0.0:5500", "run:app"]', //                                           11
].join('\n');

test('HEALTHCHECK durations in seconds, with the default', () => {
  const h = hoverOn(APP, 8, '30s')!;
  assert.match(h.md, /^\*\*HEALTHCHECK --interval=30s\*\*/);
  assert.match(h.md, /30 seconds between checks/);
  assert.match(h.md, /Default: 30 seconds/);
  assert.equal(h.range, '8:23-8:26');
  assert.match(md(APP, 8, '10s'), /longer than 10 seconds is stopped and counts as a failure/);
  assert.match(md(APP, 8, '5s'), /first 5 seconds after the container starts, failed checks do not count/);
  // The options together: retries × (interval + timeout).
  assert.match(md(APP, 8, '30s'), /3 × \(30 seconds \+ 10 seconds\) ≈ 120 seconds/);
});

test('HEALTHCHECK --retries and compound or invalid durations', () => {
  assert.match(md(APP, 8, 'retries=3', 8), /unhealthy` after 3 failed checks in a row/);
  const text = 'FROM alpine\nHEALTHCHECK --interval=1m30s --timeout=10 CMD true\n';
  assert.match(md(text, 1, '1m30s'), /90 seconds \(1 min 30 s\)/);
  assert.match(md(text, 1, '=10', 1), /has no unit: write `10s`/);
  assert.equal(durationWords(500e6), '500 milliseconds');
  assert.equal(durationWords(3600e9), '3600 seconds (1 h)');
});

test('the HEALTHCHECK option name keeps the flag documentation', () => {
  assert.match(md(APP, 8, '--interval', 3), /^\*\*HEALTHCHECK --interval\*\*/);
});

test('EXPOSE documents the port and publishes nothing', () => {
  const h = hoverOn(APP, 7, '5500')!;
  assert.match(h.md, /publishes nothing/);
  assert.match(h.md, /docker run -p 5500:5500/);
  assert.match(h.md, /-P/);
  assert.match(h.md, /Flask/);
  assert.equal(h.range, '7:7-7:11');
});

test('EXPOSE protocols, ranges and well-known ports', () => {
  const http = md(APP, 7, '80/tcp');
  assert.match(http, /TCP port 80 — HTTP/);
  assert.match(http, /privileged/);
  assert.match(http, /CAP_NET_BIND_SERVICE/);
  assert.match(http, /runs as `appuser`/); // the USER of the stage
  assert.match(md(APP, 7, '53/udp'), /UDP port 53 — DNS[\s\S]*-p 53:53\/udp/);
  assert.match(md(APP, 7, '8000-8010'), /ports 8000 to 8010 \(11 ports\)[\s\S]*-p 8000-8010:8000-8010/);
  const db = 'FROM postgres:16\nEXPOSE 5432 6379 27017 3000\n';
  assert.match(md(db, 1, '5432'), /PostgreSQL/);
  assert.match(md(db, 1, '6379'), /Redis/);
  assert.match(md(db, 1, '27017'), /MongoDB/);
  assert.match(md(db, 1, '3000'), /Node\.js/);
});

test('EXPOSE with a variable uses its value', () => {
  const text = 'FROM alpine\nARG PORT=8080\nEXPOSE ${PORT}/tcp\n';
  const h = md(text, 2, '/tcp', 1);
  assert.match(h, /is `8080\/tcp` here/);
  assert.match(h, /TCP port 8080/);
});

test('USER with a name: who runs, and the line that created the user', () => {
  const h = hoverOn(APP, 6, 'appuser')!;
  assert.match(h.md, /Runs as the user `appuser`/);
  assert.match(h.md, /following `RUN`, `CMD`, `ENTRYPOINT` and `HEALTHCHECK`/);
  assert.match(h.md, /running container/);
  assert.match(h.md, /Created on line 2 by `useradd` with UID 1000/); // found in the parent stage
  assert.match(h.md, /`USER 1000`/);
  assert.equal(h.range, '6:5-6:12');
});

test('USER with numeric IDs, root, and a user nobody created', () => {
  const num = md(APP.replace('USER appuser', 'USER 1000:1000'), 6, '1000:1000');
  assert.match(num, /UID 1000 and GID 1000/);
  assert.match(num, /without an `\/etc\/passwd` entry/);
  assert.match(num, /runAsNonRoot/);
  const root = md('FROM debian:12\nUSER root\n', 1, 'root');
  assert.match(root, /root \(UID 0\)/);
  assert.match(root, /⚠ The image ends as root/);
  const back = md('FROM debian:12\nUSER root\nRUN apt-get update\nUSER 1000\n', 1, 'root');
  assert.match(back, /up to the `USER` on line 4, which switches back/);
  const ghost = md('FROM debian:12\nUSER ghost:ghosts\n', 1, 'ghost');
  assert.match(ghost, /⚠ No `useradd`\/`adduser` creating `ghost`/);
  assert.match(ghost, /\/etc\/group/);
  assert.match(md('FROM node:20\nUSER node\n', 1, 'node'), /official `node` images/);
});

test('USER finds busybox adduser and addgroup', () => {
  const text = 'FROM alpine:3.20\nRUN addgroup -S -g 1001 app && adduser -S -D -u 1001 -G app app\nUSER app:app\n';
  const h = md(text, 2, 'app:app');
  assert.match(h, /Created on line 2 by `adduser` with UID 1001/);
  assert.match(h, /Group `app` created on line 2 by `addgroup` with GID 1001/);
});

test('WORKDIR: relative paths resolve against the previous WORKDIR', () => {
  const h = hoverOn(APP, 5, 'src')!;
  assert.match(h.md, /relative path, resolved against the previous `WORKDIR` `\/app` \(line 4\)/);
  assert.match(h.md, /becomes `\/app\/src`/);
  assert.match(h.md, /Created if it does not exist/);
  assert.equal(h.range, '5:8-5:11');
  const abs = md(APP, 3, '/app');
  assert.match(abs, /absolute path/);
  assert.match(abs, /owned by the user in effect here: root/);
  const first = md('FROM alpine\nWORKDIR code/../srv\n', 1, 'code');
  assert.match(first, /against `\/`, the default/);
  assert.match(first, /becomes `\/srv`/);
});

test('WORKDIR after USER: BuildKit creates it for that user', () => {
  const text = 'FROM alpine\nRUN adduser -D app\nUSER app\nWORKDIR /home/app/data\n';
  assert.match(md(text, 3, '/home'), /owned by the user in effect here: `app`, the `USER` of line 3/);
});

test('STOPSIGNAL names and numbers', () => {
  const term = md(APP, 10, 'SIGTERM');
  assert.match(term, /signal 15/);
  assert.match(term, /docker stop/);
  assert.match(term, /SIGKILL/);
  const nginx = 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\nCMD nginx -g "daemon off;"\n';
  const q = md(nginx, 1, 'SIGQUIT');
  assert.match(q, /nginx/);
  assert.match(q, /⚠ The `CMD` on line 3 uses the shell form/);
  assert.match(md('FROM alpine\nSTOPSIGNAL 9\n', 1, '9'), /`SIGKILL` \(signal 9 on Linux\)/);
});

test('no argument hover on other instructions or on the HEALTHCHECK command', () => {
  assert.doesNotMatch(md(APP, 9, 'python'), /HEALTHCHECK --/);
  assert.equal(hoverOn('FROM alpine\nLABEL a=b\n', 1, 'a=b', 2), null);
});
