import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages, problems } from '../helpers';

test('DL3027: flags every apt command, on the command name, and offers apt-get', () => {
  const text = 'FROM ubuntu:24.04\nRUN apt update && apt install -y curl\n';
  assert.deepEqual(findings(text, 'DL3027'), ['2:5-2:8', '2:19-2:22']);
  assert.equal(fixed(text, 'DL3027', 0), 'FROM ubuntu:24.04\nRUN apt-get update && apt install -y curl\n');
  assert.equal(fixed(text, 'DL3027', 1), 'FROM ubuntu:24.04\nRUN apt update && apt-get install -y curl\n');
  assert.deepEqual(messages(text, 'DL3027')[1], '`apt install` is meant for people at a terminal and its behaviour may change between releases; scripts should use `apt-get install`.');
});

test('DL3027: the fix needs a review, so fix-all skips it', () => {
  const p = problems('FROM ubuntu:24.04\nRUN apt upgrade -y\n').filter((x) => x.rule.id === 'DL3027');
  assert.equal(p.length, 1);
  assert.equal(p[0].fix?.safe, false);
});

test('DL3027: no fix for subcommands apt-get lacks, nor for a quoted name', () => {
  const list = 'FROM ubuntu:24.04\nRUN apt list --installed\n';
  assert.deepEqual(findings(list, 'DL3027'), ['2:5-2:8']);
  assert.deepEqual(messages(list, 'DL3027'), [
    '`apt list` is meant for people at a terminal and its behaviour may change between releases; scripts should use `apt-get`, `apt-cache` or `dpkg-query`.',
  ]);
  assert.throws(() => fixed(list, 'DL3027'), /has no fix/);
  assert.throws(() => fixed('FROM ubuntu:24.04\nRUN "apt" update\n', 'DL3027'), /has no fix/);
});

test('DL3027: a path to apt; options before the subcommand', () => {
  assert.equal(fixed('FROM ubuntu:24.04\nRUN /usr/bin/apt update\n', 'DL3027'), 'FROM ubuntu:24.04\nRUN /usr/bin/apt-get update\n');
  assert.equal(fixed('FROM ubuntu:24.04\nRUN apt -o Acquire::Retries=3 update\n', 'DL3027'), 'FROM ubuntu:24.04\nRUN apt-get -o Acquire::Retries=3 update\n');
});

test('DL3027: quiet for apt-get, apt-cache, aptitude and words that are not commands', () => {
  assert.deepEqual(findings('FROM ubuntu:24.04\nRUN apt-get update && apt-cache policy curl && aptitude update && echo apt\n', 'DL3027'), []);
  assert.deepEqual(findings('FROM ubuntu:24.04\nRUN apt-get install -y apt\n', 'DL3027'), []);
});

test('DL3027: applies inside ONBUILD and heredocs; the fix keeps CRLF', () => {
  assert.deepEqual(findings('FROM ubuntu:24.04\nONBUILD RUN apt update\n', 'DL3027'), ['2:13-2:16']);
  assert.deepEqual(findings('FROM ubuntu:24.04\nRUN <<EOF\napt update\nEOF\n', 'DL3027'), ['3:1-3:4']);
  assert.equal(fixed('FROM ubuntu:24.04\r\nRUN apt \\\r\n    update\r\n', 'DL3027'), 'FROM ubuntu:24.04\r\nRUN apt-get \\\r\n    update\r\n');
});
