import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHadolintConfig } from '../server/src/config/hadolint';
import { problems } from './helpers';
import { parseDocument } from '../server/src/model/document';
import { lint } from '../server/src/service/lint';

test('reads ignored, override, trustedRegistries, disable-ignore-pragma, failure-threshold', () => {
  const c = parseHadolintConfig(
    'ignored:\n  - DL3008\n  - DL3015\noverride:\n  error:\n    - DL3042\n  style: [DL3059]\ntrustedRegistries: docker.io\ndisable-ignore-pragma: true\nfailure-threshold: warning\n',
  );
  assert.deepEqual(c.ignored, ['DL3008', 'DL3015']);
  assert.deepEqual(c.override, { DL3042: 'error', DL3059: 'style' });
  assert.deepEqual(c.trustedRegistries, ['docker.io']);
  assert.equal(c.disableIgnorePragma, true);
  assert.equal(c.failureThreshold, 'warning');
  assert.deepEqual(c.errors, []);
});

test('bad config gives readable errors, never an exception', () => {
  assert.deepEqual(parseHadolintConfig('ignored: [DL3008\n', 'x.yaml').errors.length, 1);
  assert.match(parseHadolintConfig('ignored: [DL3008\n', 'x.yaml').errors[0], /^x\.yaml: not valid YAML/);
  assert.deepEqual(parseHadolintConfig('- a\n- b\n', 'x.yaml').errors, ['x.yaml: expected a mapping of settings at the top level']);
  assert.deepEqual(parseHadolintConfig('ignored: DL3008\n', 'x.yaml').errors, ['x.yaml: ignored must be a list of rule codes']);
  assert.deepEqual(parseHadolintConfig('override:\n  fatal: [DL3008]\n', 'x.yaml').errors, ['x.yaml: override.fatal is not a level (use error, warning, info or style)']);
  assert.deepEqual(parseHadolintConfig('', 'x.yaml').errors, []);
});

test('ignored drops a rule, override changes its level, disable-ignore-pragma turns pragmas off', () => {
  const text = 'FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install -y curl\nRUN apt-get install -y wget\n';
  const model = parseDocument(text);
  const levels = (yaml: string) => lint(model, { hadolint: parseHadolintConfig(yaml) }).filter((p) => p.rule.id === 'DL3015').map((p) => `${p.range.start.line + 1}:${p.level}`);
  assert.deepEqual(levels(''), ['4:info']);
  assert.deepEqual(levels('ignored: [DL3015]'), []);
  assert.deepEqual(levels('override:\n  error: [DL3015]'), ['4:error']);
  assert.deepEqual(levels('disable-ignore-pragma: true'), ['3:info', '4:info']);
});

test('editor settings win over .hadolint.yaml; hint maps to style', () => {
  const text = 'FROM debian:12\nRUN apt-get install -y curl\n';
  const ps = problems(text, { rules: { DL3015: 'hint' } }).filter((p) => p.rule.id === 'DL3015');
  assert.deepEqual(ps.map((p) => p.level), ['style']);
});
