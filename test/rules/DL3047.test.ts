import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';

function fixOf(text: string) {
  return lint(parseDocument(text), { rules: [findRule('DL3047')!] })[0]?.fix;
}

test('DL3047: flags wget without a progress option, on `wget`, and inserts --progress=dot:giga', () => {
  const text = 'FROM debian:12\nRUN wget https://example.com/a.tgz\n';
  assert.deepEqual(findings(text, 'DL3047'), ['2:5-2:9']);
  assert.equal(fixed(text, 'DL3047'), 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz\n');
  assert.equal(fixOf(text)?.safe, true);
  assert.deepEqual(messages(text, 'DL3047'), [
    '`wget` without `--progress=dot:giga` (or `-q`/`-nv`) prints a progress line every few kilobytes, flooding the build log.',
  ]);
});

test('DL3047: quiet with a progress style, quiet or no-verbose, or a log file; -O does not count', () => {
  for (const opts of ['--progress=bar:force', '-q', '--quiet', '-qO-', '-nv', '--no-verbose', '-o /tmp/log', '--output-file=/tmp/log', '-a log']) {
    assert.deepEqual(findings(`FROM debian:12\nRUN wget ${opts} https://x\n`, 'DL3047'), [], opts);
  }
  assert.deepEqual(findings('FROM debian:12\nRUN wget -O /tmp/a https://x\n', 'DL3047'), ['2:5-2:9']);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y wget && curl -O https://x\n', 'DL3047'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN sh -c "wget https://x"\n', 'DL3047'), []);
});

test('DL3047: on Alpine and busybox the fix inserts -q and needs a review; an unknown image needs a review', () => {
  const alpine = 'FROM alpine:3.20\nRUN wget https://x\n';
  assert.equal(fixed(alpine, 'DL3047'), 'FROM alpine:3.20\nRUN wget -q https://x\n');
  assert.equal(fixOf(alpine)?.safe, false);
  assert.equal(fixed('FROM node:20-alpine AS base\nFROM base\nRUN wget https://x\n', 'DL3047'), 'FROM node:20-alpine AS base\nFROM base\nRUN wget -q https://x\n');
  assert.equal(fixed('FROM busybox:1.36\nRUN wget https://x\n', 'DL3047'), 'FROM busybox:1.36\nRUN wget -q https://x\n');
  const unknown = 'ARG BASE\nFROM $BASE\nRUN wget https://x\n';
  assert.equal(fixed(unknown, 'DL3047'), 'ARG BASE\nFROM $BASE\nRUN wget --progress=dot:giga https://x\n');
  assert.equal(fixOf(unknown)?.safe, false);
  assert.equal(fixOf('ARG BASE=ubuntu:24.04\nFROM $BASE\nRUN wget https://x\n')?.safe, true);
  assert.equal(fixOf('FROM fedora:40\nRUN wget https://x\n')?.safe, false);
});

test('DL3047: CRLF, continuation lines, heredoc RUN, ONBUILD, pragmas', () => {
  assert.equal(
    fixed('FROM debian:12\r\nRUN wget \\\r\n    https://x\r\n', 'DL3047'),
    'FROM debian:12\r\nRUN wget --progress=dot:giga \\\r\n    https://x\r\n',
  );
  assert.deepEqual(findings('FROM debian:12\nRUN <<EOF\nwget https://x\nEOF\n', 'DL3047'), ['3:1-3:5']);
  assert.deepEqual(findings('FROM debian:12\nONBUILD RUN wget https://x\n', 'DL3047'), ['2:13-2:17']);
  assert.equal(fixOf('FROM debian:12\nONBUILD RUN wget https://x\n')?.safe, false);
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL3047\nRUN wget https://x\n', 'DL3047'), []);
});
