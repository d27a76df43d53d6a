import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3025: flags shell-form CMD, ENTRYPOINT and HEALTHCHECK CMD, on the command text', () => {
  assert.deepEqual(findings('FROM python:3.11-slim\nCMD gunicorn --bind 0.0.0.0:5500 run:app\n', 'DL3025'), ['2:5-2:41']);
  assert.deepEqual(findings('FROM nginx\nENTRYPOINT nginx -g "daemon off;"\n', 'DL3025'), ['2:12-2:34']);
  assert.deepEqual(findings('FROM nginx\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n', 'DL3025'), ['2:32-2:67']);
  assert.match(messages('FROM nginx\nENTRYPOINT nginx\n', 'DL3025')[0], /ignores `CMD`/);
});

test('DL3025: quiet for the exec form, HEALTHCHECK NONE and RUN', () => {
  const text = 'FROM nginx\nRUN echo hi\nHEALTHCHECK NONE\nHEALTHCHECK --retries=3 CMD ["curl", "-f", "http://localhost/"]\nENTRYPOINT ["nginx"]\nCMD ["-g", "daemon off;"]\n';
  assert.deepEqual(findings(text, 'DL3025'), []);
  assert.deepEqual(findings('FROM nginx\nCMD [ "nginx", \\\n  "-g", "daemon off;" ]\n', 'DL3025'), []);
});

test('DL3025: plain words become a JSON array, one string per word', () => {
  assert.equal(
    fixed('FROM python:3.11-slim\nCMD gunicorn --bind 0.0.0.0:5500 run:app\n', 'DL3025'),
    'FROM python:3.11-slim\nCMD ["gunicorn", "--bind", "0.0.0.0:5500", "run:app"]\n',
  );
  assert.equal(fixed('FROM node:20\nCMD exec node server.js\n', 'DL3025'), 'FROM node:20\nCMD ["node", "server.js"]\n');
  assert.equal(fixed('FROM alpine\nHEALTHCHECK --interval=5s CMD /healthcheck.sh\n', 'DL3025'), 'FROM alpine\nHEALTHCHECK --interval=5s CMD ["/healthcheck.sh"]\n');
});

test('DL3025: anything needing a shell is passed to the shell as one string', () => {
  assert.equal(
    fixed('FROM nginx\nENTRYPOINT nginx -g "daemon off;"\n', 'DL3025'),
    'FROM nginx\nENTRYPOINT ["/bin/sh", "-c", "nginx -g \\"daemon off;\\""]\n',
  );
  assert.equal(fixed('FROM alpine\nCMD echo $HOME\n', 'DL3025'), 'FROM alpine\nCMD ["/bin/sh", "-c", "echo $HOME"]\n');
  assert.equal(fixed('FROM alpine\nCMD FOO=1 run-app\n', 'DL3025'), 'FROM alpine\nCMD ["/bin/sh", "-c", "FOO=1 run-app"]\n');
  assert.equal(fixed('FROM alpine\nCMD cd /app\n', 'DL3025'), 'FROM alpine\nCMD ["/bin/sh", "-c", "cd /app"]\n');
  assert.equal(
    fixed('FROM nginx\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n', 'DL3025'),
    'FROM nginx\nHEALTHCHECK --interval=30s CMD ["/bin/sh", "-c", "curl -f http://localhost/ || exit 1"]\n',
  );
});

test('DL3025: the shell is the stage SHELL (inherited too), or cmd on Windows images', () => {
  assert.equal(
    fixed('FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD cat /x | grep y\n', 'DL3025'),
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD ["/bin/bash", "-o", "pipefail", "-c", "cat /x | grep y"]\n',
  );
  assert.equal(
    fixed('FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nCMD echo $HOME\n', 'DL3025'),
    'FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nCMD ["/bin/bash", "-c", "echo $HOME"]\n',
  );
  // a SHELL after the CMD does not apply to it
  assert.equal(
    fixed('FROM debian:12\nCMD echo $HOME\nSHELL ["/bin/bash", "-c"]\n', 'DL3025'),
    'FROM debian:12\nCMD ["/bin/sh", "-c", "echo $HOME"]\nSHELL ["/bin/bash", "-c"]\n',
  );
  assert.equal(
    fixed('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD echo %PATH%\n', 'DL3025'),
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd", "/S", "/C", "echo %PATH%"]\n',
  );
});

test('DL3025: plain words keep their continuation lines, and the result is exec form', () => {
  const text = 'FROM python:3.11-slim\nCMD gunicorn \\\n    --bind 0.0.0.0:5500 \\\n    run:app\n';
  assert.deepEqual(findings(text, 'DL3025'), ['2:5-4:12']);
  const out = fixed(text, 'DL3025');
  assert.equal(out, 'FROM python:3.11-slim\nCMD ["gunicorn", \\\n    "--bind", "0.0.0.0:5500", \\\n    "run:app"]\n');
  assert.deepEqual(findings(out, 'DL3025'), []);
});

test('DL3025: a shell string joins continuation lines the way Docker does', () => {
  assert.equal(
    fixed('FROM python:3.11-slim\nCMD cd /app \\\n    && exec python app.py\n', 'DL3025'),
    'FROM python:3.11-slim\nCMD ["/bin/sh", "-c", "cd /app && exec python app.py"]\n',
  );
  // inside quotes the next line's indentation is part of the string
  assert.equal(fixed('FROM alpine\nCMD echo "a \\\n  b"\n', 'DL3025'), 'FROM alpine\nCMD ["/bin/sh", "-c", "echo \\"a   b\\""]\n');
});

test('DL3025: keeps CRLF; under a backtick escape the array goes on one line', () => {
  assert.equal(fixed('FROM node:20\r\nCMD node \\\r\n  server.js\r\n', 'DL3025'), 'FROM node:20\r\nCMD ["node", \\\r\n  "server.js"]\r\n');
  const win = '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ping `\n  localhost\n';
  const out = fixed(win, 'DL3025');
  assert.equal(out, '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ["ping", "localhost"]\n');
  assert.deepEqual(findings(out, 'DL3025'), []);
});

test('DL3025: no fix for comment or empty lines inside the command, or for broken JSON', () => {
  assert.deepEqual(findings('FROM alpine\nCMD run-app \\\n  # the port\n  --port 80\n', 'DL3025'), ['2:5-4:12']);
  assert.throws(() => fixed('FROM alpine\nCMD run-app \\\n  # the port\n  --port 80\n', 'DL3025'), /has no fix/);
  assert.throws(() => fixed('FROM alpine\nCMD run-app \\\n\n  --port 80\n', 'DL3025'), /has no fix/);
  assert.deepEqual(findings('FROM alpine\nCMD ["sleep", 30]\n', 'DL3025'), ['2:5-2:18']);
  assert.throws(() => fixed('FROM alpine\nCMD ["sleep", 30]\n', 'DL3025'), /has no fix/);
});

test('DL3025: applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM node:20\nONBUILD CMD node server.js\n', 'DL3025'), ['2:13-2:27']);
  assert.equal(fixed('FROM node:20\nONBUILD CMD node server.js\n', 'DL3025'), 'FROM node:20\nONBUILD CMD ["node", "server.js"]\n');
});

test('DL3025: honours pragmas and the rules setting', () => {
  assert.deepEqual(findings('FROM alpine\n# hadolint ignore=DL3025\nCMD run-app\n', 'DL3025'), []);
  assert.deepEqual(findings('FROM alpine\nCMD run-app\n', 'DL3025', { rules: { DL3025: 'off' } }), []);
});
