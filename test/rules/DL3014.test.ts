import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed } from '../helpers';

test('DL3014: flags apt-get install without -y, on `apt-get install`, and inserts -y', () => {
  const text = 'FROM debian:12\nRUN apt-get update && apt-get install curl\n';
  assert.deepEqual(findings(text, 'DL3014'), ['2:23-2:38']);
  assert.equal(fixed(text, 'DL3014'), 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n');
});

test('DL3014: quiet with -y, --yes, --assume-yes, quiet level 2 and APT::Get::Assume-Yes', () => {
  for (const flags of ['-y', '--yes', '--assume-yes', '-yq', '-qq', '-q -q', '-q=2', '--quiet --quiet', '-o APT::Get::Assume-Yes=true']) {
    assert.deepEqual(findings(`FROM debian:12\nRUN apt-get install ${flags} curl\n`, 'DL3014'), [], flags);
  }
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get -y install curl\n', 'DL3014'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -q curl\n', 'DL3014'), ['2:5-2:20']);
});

test('DL3014: only apt-get install', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get upgrade\n', 'DL3014'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt install curl\n', 'DL3014'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN echo apt-get install curl\n', 'DL3014'), []);
});

test('DL3014: a simulation asks nothing', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN if apt-get install -s "pg-jit" > /dev/null 2>&1; then echo ok; fi\n', 'DL3014'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install --dry-run curl && apt-get --simulate install git\n', 'DL3014'), []);
});

test('DL3014: the range spans options before the subcommand; the fix goes after it', () => {
  const text = 'FROM debian:12\nRUN apt-get -t bookworm-backports install curl\n';
  assert.deepEqual(findings(text, 'DL3014'), ['2:5-2:42']);
  assert.equal(fixed(text, 'DL3014'), 'FROM debian:12\nRUN apt-get -t bookworm-backports install -y curl\n');
});

test('DL3014: the fix keeps continuations and CRLF', () => {
  const text = 'FROM debian:12\r\nRUN apt-get update \\\r\n    && apt-get install \\\r\n      curl\r\n';
  assert.deepEqual(findings(text, 'DL3014'), ['3:8-3:23']);
  assert.equal(fixed(text, 'DL3014'), 'FROM debian:12\r\nRUN apt-get update \\\r\n    && apt-get install -y \\\r\n      curl\r\n');
});

test('DL3014: applies inside ONBUILD and heredoc RUNs', () => {
  const onbuild = 'FROM debian:12\nONBUILD RUN apt-get install curl\n';
  assert.deepEqual(findings(onbuild, 'DL3014'), ['2:13-2:28']);
  assert.equal(fixed(onbuild, 'DL3014'), 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n');
  assert.deepEqual(findings('FROM debian:12\nRUN <<EOF\napt-get install curl\nEOF\n', 'DL3014'), ['3:1-3:16']);
});

test('DL3014: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL3014\nRUN apt-get install curl\n', 'DL3014'), []);
});
