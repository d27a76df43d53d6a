import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILDKIT_CHECKS, HADOLINT_RETIRED, HADOLINT_RULES } from '../../server/src/rules/catalog';

const dl = (code: string) => HADOLINT_RULES.find((r) => r.code === code);
const bk = (name: string) => BUILDKIT_CHECKS.find((c) => c.name === name);

test('catalog: hadolint 2.15 has 71 DL codes, each once', () => {
  assert.equal(HADOLINT_RULES.length, 71);
  assert.equal(new Set(HADOLINT_RULES.map((r) => r.code)).size, 71);
  for (const r of HADOLINT_RULES) assert.match(r.code, /^DL[134]\d{3}$/);
  assert.equal(HADOLINT_RULES.filter((r) => r.code.startsWith('DL4')).length, 6);
  assert.equal(HADOLINT_RULES[0].code, 'DL1001');
  assert.equal(HADOLINT_RULES[70].code, 'DL4006');
});

test('catalog: default levels as hadolint ships them', () => {
  assert.equal(dl('DL3008')?.severity, 'warning');
  assert.equal(dl('DL3057')?.severity, 'off');
  assert.equal(dl('DL1001')?.severity, 'off');
  assert.equal(dl('DL3000')?.severity, 'error');
  assert.equal(dl('DL3009')?.severity, 'info');
  assert.equal(dl('DL3048')?.severity, 'style');
  assert.equal(dl('DL3026')?.severity, 'error');
  assert.equal(dl('DL4004')?.severity, 'error');
  assert.equal(dl('DL4003')?.severity, 'warning');
  assert.deepEqual(HADOLINT_RULES.filter((r) => r.severity === 'off').map((r) => r.code), ['DL1001', 'DL3057']);
  assert.deepEqual(HADOLINT_RULES.filter((r) => r.severity === 'style').map((r) => r.code), ['DL3048']);
});

test('catalog: retired codes are absent', () => {
  for (const code of ['DL3005', 'DL3017', 'DL3031', 'DL3039', 'DL4002']) {
    assert.equal(dl(code), undefined, code);
    assert.ok(HADOLINT_RETIRED.includes(code), code);
  }
});

test('catalog: configuration-driven rules say which key they need', () => {
  assert.equal(dl('DL3026')?.needsConfig, 'trustedRegistries');
  assert.equal(dl('DL3050')?.needsConfig, 'strict-labels');
  assert.equal(dl('DL3054')?.needsConfig, 'label-schema');
  assert.equal(dl('DL3008')?.needsConfig, undefined);
});

test('catalog: BuildKit has 22 build checks', () => {
  assert.equal(BUILDKIT_CHECKS.length, 22);
  assert.equal(new Set(BUILDKIT_CHECKS.map((c) => c.name)).size, 22);
  assert.equal(bk('DuplicateStageName')?.sameAs, 'DL3024');
  assert.equal(bk('MaintainerDeprecated')?.sameAs, 'DL4000');
  assert.deepEqual(bk('MultipleInstructionsDisallowed')?.related, ['DL3012', 'DL4003', 'DL4004']);
  assert.deepEqual(BUILDKIT_CHECKS.filter((c) => c.experimental).map((c) => c.name), ['InvalidDefinitionDescription']);
  assert.ok(bk('InvalidBaseImagePlatform')?.needs);
  assert.equal(bk('JSONArgsRecommended')?.sameAs, undefined);
});
