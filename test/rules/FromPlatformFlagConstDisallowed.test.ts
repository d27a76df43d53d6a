import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages, problems } from '../helpers';

const ID = 'FromPlatformFlagConstDisallowed';

test('FromPlatformFlagConstDisallowed: flags a constant platform, on the value', () => {
  assert.deepEqual(findings('FROM --platform=linux/amd64 alpine:3.20\n', ID), ['1:17-1:28']);
  assert.deepEqual(findings('FROM --platform=linux/amd64 golang:1.22 AS build\n', ID), ['1:17-1:28']);
  assert.deepEqual(messages('FROM --platform=linux/amd64 alpine:3.20\n', ID), [
    '`--platform=linux/amd64` pins this stage to one platform, whatever platform the build is for; use `$BUILDPLATFORM` or `$TARGETPLATFORM`, leave the flag out, or, if the stage must run there, say so in its name (`AS …-amd64`).',
  ]);
});

test('FromPlatformFlagConstDisallowed: os, os/arch and os/arch/variant; quoted; any case; one word when it is a known OS or architecture', () => {
  assert.deepEqual(
    findings('FROM --platform=linux/arm64/v8 a AS one\nFROM --platform=windows/amd64 b AS two\nFROM --platform="linux/arm/v7" c AS three\nFROM --platform=Linux/AMD64 d AS four\n', ID),
    ['1:17-1:31', '2:17-2:30', '3:17-3:31', '4:17-4:28'],
  );
  assert.deepEqual(findings('FROM --platform=linux a AS one\nFROM --platform=arm64 b AS two\nFROM --platform=windows(10.0.17763)/amd64 c AS three\n', ID), ['1:17-1:22', '2:17-2:22', '3:17-3:42']);
});

test('FromPlatformFlagConstDisallowed: quiet when a variable decides, or the value is not a platform', () => {
  assert.deepEqual(
    findings(
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS a\nFROM --platform=${TARGETPLATFORM} b AS b\nFROM --platform=$TARGETOS/amd64 c AS c\nFROM --platform=${BUILDPLATFORM:-linux/amd64} d AS d\nFROM e AS e\n',
      ID,
    ),
    [],
  );
  assert.deepEqual(findings('FROM --platform=linux/amd64,linux/arm64 a AS a\nFROM --platform=amiga b AS b\nFROM --platform=linux/amd64/v2/x c AS c\nFROM --platform= d AS d\n', ID), []);
});

test('FromPlatformFlagConstDisallowed: a stage named after the platform is pinned on purpose', () => {
  assert.deepEqual(
    findings(
      'FROM --platform=linux/arm64 a AS build-arm64\nFROM --platform=linux/amd64 b AS Tool-AMD64\nFROM --platform=windows/amd64 c AS windows-build\nFROM --platform=linux/x86_64 d AS amd64-tools\nFROM --platform=linux/aarch64 e AS build-aarch64\n',
      ID,
    ),
    [],
  );
  // Another platform's name does not count; neither does a shorter word (`arm` for `arm64`).
  assert.deepEqual(findings('FROM --platform=linux/arm64 a AS build-amd\nFROM --platform=windows/arm64 b AS build-arm\n', ID), ['1:17-1:28', '2:17-2:30']);
});

test('FromPlatformFlagConstDisallowed: has no fix; silenced by check=skip', () => {
  assert.equal(problems('FROM --platform=linux/amd64 alpine:3.20\n', { rules: { DL3029: 'off' } }).find((p) => p.rule.id === ID)?.fix, undefined);
  assert.deepEqual(findings('# check=skip=FromPlatformFlagConstDisallowed\nFROM --platform=linux/amd64 alpine:3.20\n', ID), []);
});
