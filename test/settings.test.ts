/** The settings schema in server/src/settings.ts and package.json agree key by key. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { settingsSchema, normalizeSettings } from '../server/src/settings';
import { problems } from './helpers';

function root(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'server'))) dir = join(dir, '..');
  return dir;
}
const manifest = JSON.parse(readFileSync(join(root(), 'package.json'), 'utf8'));
const contributed: Record<string, Record<string, unknown>> = manifest.contributes.configuration.properties;
/** Settings that only the client reads (not part of the server schema). */
const CLIENT_ONLY = ['dockerfileExplained.trace.server'];

test('every schema key is contributed in package.json with the same type, default, description', () => {
  for (const [key, entry] of Object.entries(settingsSchema)) {
    const c = contributed[`dockerfileExplained.${key}`];
    assert.ok(c, `package.json contributes dockerfileExplained.${key}`);
    assert.equal(c.type, entry.type, key);
    assert.deepEqual(c.default, entry.default, key);
    assert.equal(c.description, entry.description, key);
    assert.deepEqual(c.additionalProperties, entry.additionalProperties, key);
    assert.equal(c.pattern, entry.pattern, key);
    assert.deepEqual(c.enum, entry.enum, key);
  }
});

test('package.json contributes no server setting the schema lacks', () => {
  const schemaKeys = Object.keys(settingsSchema).map((k) => `dockerfileExplained.${k}`);
  const extra = Object.keys(contributed).filter((k) => !schemaKeys.includes(k) && !CLIENT_ONLY.includes(k));
  assert.deepEqual(extra, []);
});

/** The defaults, written out by hand. */
const DEFAULTS = {
  rules: {},
  ignorePragmas: true,
  hadolintConfig: true,
  nonRootUser: 'appuser',
  hadolintRules: true,
  buildkitChecks: true,
  ownRules: true,
  formatKeywordCase: 'upper',
  formatContinuationIndent: 'keep',
  formatTrimTrailingWhitespace: true,
};

test('partial or malformed settings keep the defaults for what is missing or wrong', () => {
  assert.deepEqual(normalizeSettings({ rules: { DL3008: 'off', DL3015: 'loud', DX1001: 3 } }), { ...DEFAULTS, rules: { DL3008: 'off' } });
  assert.deepEqual(normalizeSettings({ ignorePragmas: 'no', nonRootUser: 'bad name; rm -rf /' }), DEFAULTS);
  assert.deepEqual(normalizeSettings(null), DEFAULTS);
  // formatting settings: unknown values keep the default, key by key
  const fmt = normalizeSettings({ formatKeywordCase: 'lower', formatContinuationIndent: '3 spaces', formatTrimTrailingWhitespace: 'no' });
  assert.deepEqual([fmt.formatKeywordCase, fmt.formatContinuationIndent, fmt.formatTrimTrailingWhitespace], ['lower', 'keep', true]);
  assert.equal(normalizeSettings({ nonRootUser: '1000:1000' }).nonRootUser, '1000:1000');
});

test('a switch per rule source; a rule with a hadolint code and a BuildKit name runs while either is on; explicit levels win', () => {
  // FROM without a tag (DL3006), MAINTAINER (DL4000 = MaintainerDeprecated), `ENV a b` (LegacyKeyValueFormat),
  // an instruction name misspelt (DX2001, our syntax error).
  const text = 'FROM ubuntu\nMAINTAINER someone\nENV MODE production\nRUNN echo hi\n';
  const codes = (settings: unknown) => [...new Set(problems(text, settings).map((p) => p.rule.id))].sort();
  assert.deepEqual(codes({}), ['DL3006', 'DL4000', 'DX2001', 'LegacyKeyValueFormat']);
  assert.deepEqual(codes({ hadolintRules: false }), ['DL4000', 'DX2001', 'LegacyKeyValueFormat']);
  assert.deepEqual(codes({ buildkitChecks: false }), ['DL3006', 'DL4000', 'DX2001']);
  assert.deepEqual(codes({ hadolintRules: false, buildkitChecks: false }), ['DX2001']);
  assert.deepEqual(codes({ ownRules: false }), ['DL3006', 'DL4000', 'LegacyKeyValueFormat']);
  assert.deepEqual(codes({ hadolintRules: false, rules: { DL3006: 'error' } }), ['DL3006', 'DL4000', 'DX2001', 'LegacyKeyValueFormat']);
});

test('untrusted and virtual workspaces are supported: no setting can point at a program to run', () => {
  assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  for (const [key, entry] of Object.entries(contributed)) {
    assert.doesNotMatch(`${key} ${String(entry.description)}`, /\b(path to|executable|command line)\b/i, key);
  }
});
