import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2008: a misspelt flag is flagged on `--name`, with the closest flag as fix', () => {
  const text = 'FROM node:20-alpine\nCOPY --chwon=node:node package*.json ./\n';
  assert.deepEqual(findings(text, 'DX2008'), ['2:6-2:13']);
  assert.deepEqual(messages(text, 'DX2008'), ['`COPY` has no flag `--chwon`: the builder rejects it. Did you mean `--chown`?']);
  assert.equal(fixed(text, 'DX2008'), 'FROM node:20-alpine\nCOPY --chown=node:node package*.json ./\n');
  assert.equal(fixed('FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --form=b /a /a\n', 'DX2008'), 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b /a /a\n');
});

test('DX2008: case matters; wrong-case flags get the lowercase name', () => {
  assert.equal(fixed('FROM alpine:3.20\nCOPY --Link a /a\n', 'DX2008'), 'FROM alpine:3.20\nCOPY --link a /a\n');
  assert.equal(
    fixed('FROM alpine:3.20\r\nRUN --mount=type=cache,target=/root/.cache \\\r\n    --netwrok=none make\r\n', 'DX2008'),
    'FROM alpine:3.20\r\nRUN --mount=type=cache,target=/root/.cache \\\r\n    --network=none make\r\n',
  );
});

test('DX2008: a flag of another instruction is named as such', () => {
  const text = 'FROM alpine:3.20\nADD --from=build /out /out\n';
  assert.deepEqual(findings(text, 'DX2008'), ['2:5-2:11']);
  assert.deepEqual(messages(text, 'DX2008'), ['`ADD` has no flag `--from`: the builder rejects it. It is a flag of `COPY`.']);
  assert.deepEqual(messages('FROM alpine:3.20\nRUN --privileged true\n', 'DX2008'), [
    '`RUN` has no flag `--privileged`: the builder rejects it. It accepts `--mount`, `--network`, `--security`, `--device`.',
  ]);
});

test('DX2008: instructions without flags reject any; CMD and ENTRYPOINT point to the exec form', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nCMD --help\nENV --x=1 A=2\nEXPOSE --port 80\n', 'DX2008'), ['2:5-2:11', '3:5-3:8', '4:8-4:14']);
  assert.deepEqual(messages('FROM alpine:3.20\nENTRYPOINT --verbose\n', 'DX2008'), [
    '`ENTRYPOINT` takes no flags, not even `--verbose`: the builder rejects it. To pass `--verbose` to the program, use the exec form: `ENTRYPOINT ["--verbose", …]`.',
  ]);
});

test('DX2008: quiet for every valid flag, `--` inside arguments, STOPSIGNAL and HEALTHCHECK NONE', () => {
  const text = [
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
    'RUN --mount=type=cache,target=/root/.cache --network=none --security=sandbox --device=nvidia.com/gpu=all go build',
    'RUN echo --not-a-flag && ls --all',
    'COPY --from=build --chown=1000:1000 --chmod=755 --link --parents --exclude=*.md /out /out',
    'COPY -- --weird-name /dst/',
    'ADD --chown=1 --chmod=644 --link=false --checksum=sha256:abc --keep-git-dir=true --unpack --exclude=x https://example.com/a.tar /a/',
    'HEALTHCHECK --interval=5s --timeout=3s --start-period=1s --start-interval=1s --retries=3 CMD true',
    'HEALTHCHECK --whatever NONE',
    'STOPSIGNAL --ignored SIGTERM',
    'CMD ["--help"]',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2008'), []);
});

test('DX2008: inside ONBUILD; unknown instructions are left to DX2001', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD COPY --chwon=1 . /app\nCOPPY --chwon=1 a b\n', 'DX2008'), ['2:14-2:21']);
});

test('DX2008: with the backtick escape, flags on continuation lines are read the same way', () => {
  const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY --chwon=app `\n    C:\\src C:\\app\\\n';
  assert.deepEqual(findings(text, 'DX2008'), ['3:6-3:13']);
  assert.equal(fixed(text, 'DX2008'), '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY --chown=app `\n    C:\\src C:\\app\\\n');
  assert.deepEqual(findings('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN --mount=type=cache,target=C:\\cache `\n    --network=none dir\n', 'DX2008'), []);
});
