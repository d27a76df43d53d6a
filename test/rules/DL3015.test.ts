import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed } from '../helpers';

test('DL3015: flags apt-get install without --no-install-recommends, on `apt-get install`', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', 'DL3015'), ['2:23-2:38']);
});

test('DL3015: quiet with the flag, with APT::Install-Recommends=false, and for other apt-get subcommands', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n', 'DL3015'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n', 'DL3015'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n', 'DL3015'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN echo apt-get install curl\n', 'DL3015'), []);
});

test('DL3015: sees commands across continuation lines and comment lines', () => {
  const text = 'FROM debian:12\nRUN apt-get update \\\n    # the compilers\n    && apt-get install -y \\\n      gcc\n';
  assert.deepEqual(findings(text, 'DL3015'), ['4:8-4:23']);
  assert.equal(
    fixed(text, 'DL3015'),
    'FROM debian:12\nRUN apt-get update \\\n    # the compilers\n    && apt-get install --no-install-recommends -y \\\n      gcc\n',
  );
});

test('DL3015: applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM debian:12\nONBUILD RUN apt-get install -y curl\n', 'DL3015'), ['2:13-2:28']);
});

test('DL3015: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\n', 'DL3015'), []);
  assert.deepEqual(findings('# hadolint global ignore=DL3015\nFROM debian:12\nRUN apt-get install -y curl\n', 'DL3015'), []);
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL3015\n\nRUN apt-get install -y curl\n', 'DL3015'), ['4:5-4:20']);
});

test('DL3015: is turned off by the rules setting', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y curl\n', 'DL3015', { rules: { DL3015: 'off' } }), []);
});
