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

test('reads label-schema and strict-labels', () => {
  const c = parseHadolintConfig(
    'label-schema:\n  author: text\n  org.opencontainers.image.source: url\n  version: semver\n  revision: hash\n  created: rfc3339\n  license: spdx\n  contact: Email\nstrict-labels: true\n',
  );
  assert.deepEqual(c.labelSchema, {
    author: 'text',
    'org.opencontainers.image.source': 'url',
    version: 'semver',
    revision: 'hash',
    created: 'rfc3339',
    license: 'spdx',
    contact: 'email',
  });
  assert.equal(c.strictLabels, true);
  assert.deepEqual(c.errors, []);
  const none = parseHadolintConfig('ignored: [DL3008]\n');
  assert.deepEqual(none.labelSchema, {});
  assert.equal(none.strictLabels, false);
  assert.deepEqual(none.trustedRegistries, []);
});

test('trustedRegistries takes one name or a list', () => {
  assert.deepEqual(parseHadolintConfig('trustedRegistries:\n  - docker.io\n  - "*.example.com"\n').trustedRegistries, ['docker.io', '*.example.com']);
  assert.deepEqual(parseHadolintConfig('trustedRegistries: my.registry:5000\n').trustedRegistries, ['my.registry:5000']);
});

test('bad label-schema, strict-labels and trustedRegistries values give readable errors and are skipped', () => {
  const c = parseHadolintConfig('label-schema:\n  version: semver\n  source: uri\n  build: 3\nstrict-labels: yes please\ntrustedRegistries: {a: b}\n', 'x.yaml');
  assert.deepEqual(c.labelSchema, { version: 'semver' });
  assert.equal(c.strictLabels, false);
  assert.deepEqual(c.trustedRegistries, []);
  assert.deepEqual(c.errors, [
    'x.yaml: trustedRegistries must be a registry name or a list of registry names',
    'x.yaml: label-schema.source: "uri" is not a label type (use text, url, semver, hash, rfc3339, spdx, email)',
    'x.yaml: label-schema.build: 3 is not a label type (use text, url, semver, hash, rfc3339, spdx, email)',
    'x.yaml: strict-labels must be true or false',
  ]);
  assert.deepEqual(parseHadolintConfig('label-schema: [version]\n', 'x.yaml').errors, [
    'x.yaml: label-schema must be a mapping of label names to types (text, url, semver, hash, rfc3339, spdx, email)',
  ]);
  assert.deepEqual(parseHadolintConfig('trustedRegistries: [docker.io, 5, ""]\n', 'x.yaml').errors, [
    'x.yaml: trustedRegistries: ignoring 5, not a registry name',
    'x.yaml: trustedRegistries: ignoring "", not a registry name',
  ]);
});

test('user-level config locations follow hadolint\'s order', async () => {
  const { userConfigPaths } = await import('../server/src/service/workspace');
  assert.deepEqual(userConfigPaths({ XDG_CONFIG_HOME: '/x' }, '/home/u'), [
    '/x/hadolint.yaml',
    '/home/u/.config/hadolint.yaml',
    '/home/u/.hadolint/hadolint.yaml',
    '/home/u/hadolint/config.yaml',
    '/home/u/.hadolint.yaml',
  ]);
  assert.deepEqual(userConfigPaths({}, '/home/u')[0], '/home/u/.config/hadolint.yaml');
});

test('a project config wins over a user config; the user config applies when the project has none', async () => {
  const { HadolintConfigStore } = await import('../server/src/service/workspace');
  const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const base = mkdtempSync(join(tmpdir(), 'dx-cfg-'));
  const user = join(base, 'user.yaml');
  writeFileSync(user, 'ignored: [DL3006]\n');
  const proj = join(base, 'proj');
  mkdirSync(join(proj, 'svc'), { recursive: true });
  const store = new HadolintConfigStore(() => [proj], () => [user]);
  const doc = pathToFileURL(join(proj, 'svc', 'Dockerfile')).href;
  assert.deepEqual(store.forDocument(doc).config.ignored, ['DL3006']);
  writeFileSync(join(proj, '.hadolint.yml'), 'ignored: [DL3007]\n');
  store.clear();
  assert.deepEqual(store.forDocument(doc).config.ignored, ['DL3007']);
});
