import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages, problems } from '../helpers';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { parseHadolintConfig } from '../../server/src/config/hadolint';

test('DL1001: flags an inline ignore pragma, on the pragma text', () => {
  const text = 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n';
  assert.deepEqual(findings(text, 'DL1001'), ['2:3-2:25']);
  assert.deepEqual(messages(text, 'DL1001'), [
    'This comment silences DL3008 on the next line; fix the finding instead, or record the exception in .hadolint.yaml.',
  ]);
});

test('DL1001: several codes, a trailing reason, indentation, CRLF', () => {
  const text = 'FROM debian:12-slim\n# hadolint ignore=DL3008, DL3015 # pinned upstream\nRUN apt-get install -y curl\n';
  assert.deepEqual(findings(text, 'DL1001'), ['2:3-2:33']);
  assert.deepEqual(messages(text, 'DL1001'), [
    'This comment silences DL3008, DL3015 on the next line; fix the finding instead, or record the exception in .hadolint.yaml.',
  ]);
  assert.deepEqual(findings('FROM debian:12-slim\n  #  hadolint ignore=DL3008\nRUN true\n', 'DL1001'), ['2:6-2:28']);
  assert.deepEqual(findings('FROM debian:12-slim\r\n# hadolint ignore=DL3008\r\nRUN true\r\n', 'DL1001'), ['2:3-2:25']);
});

test('DL1001: global pragmas and ordinary comments are not reported', () => {
  assert.deepEqual(findings('# hadolint global ignore=DL3008\nFROM debian:12-slim\n', 'DL1001'), []);
  assert.deepEqual(findings('FROM debian:12-slim\n# install curl; hadolint ignore=DL3008 is not used here\nRUN true\n', 'DL1001'), []);
  assert.deepEqual(findings('FROM debian:12-slim\n# hadolint shell=bash\nRUN true\n', 'DL1001'), []);
});

test('DL1001: off by default; .hadolint.yaml override or the rules setting turns it on', () => {
  const text = 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN true\n';
  assert.deepEqual(problems(text).filter((p) => p.rule.id === 'DL1001'), []);
  const on = lint(parseDocument(text), { hadolint: parseHadolintConfig('override:\n  warning: [DL1001]\n') }).filter((p) => p.rule.id === 'DL1001');
  assert.deepEqual(on.map((p) => `${p.range.start.line + 1}:${p.level}`), ['2:warning']);
  assert.deepEqual(problems(text, { rules: { DL1001: 'error' } }).filter((p) => p.rule.id === 'DL1001').map((p) => p.level), ['error']);
});
