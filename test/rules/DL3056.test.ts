import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const schema = 'label-schema:\n  ver: semver\n';
const msgs = (v: string) => messages(`FROM alpine:3.20\nLABEL ver="${v}"\n`, 'DL3056', schema);

test('DL3056: flags a semver label that is not a semantic version, on the value', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL ver="v2.3.0"\n', 'DL3056', {}, schema), ['2:11-2:19']);
  assert.deepEqual(msgs('v2.3.0'), ['Label `ver` should be a semantic version such as `1.4.2`, but is `v2.3.0` (drop the leading `v`).']);
  assert.deepEqual(msgs('2.3'), ['Label `ver` should be a semantic version such as `1.4.2`, but is `2.3` (a semantic version has three parts: MAJOR.MINOR.PATCH).']);
  assert.deepEqual(msgs('latest'), ['Label `ver` should be a semantic version such as `1.4.2`, but is `latest`.']);
});

test('DL3056: leading zeros and extra parts', () => {
  for (const v of ['01.2.3', '1.2.3-01', '1.2.3.4', '1.2.3-', '1.2.3+']) {
    assert.deepEqual(findings(`FROM alpine:3.20\nLABEL ver=${v}\n`, 'DL3056', {}, schema).length, 1, v);
  }
});

test('DL3056: quiet for semantic versions and variables', () => {
  for (const v of ['1.0.0', '0.0.1', '2.0.0-rc.1', '1.0.0+build.5', '1.0.0-alpha.beta+exp.sha.5114f85', '1.0.0-0a']) {
    assert.deepEqual(findings(`FROM alpine:3.20\nLABEL ver=${v}\n`, 'DL3056', {}, schema), [], v);
  }
  assert.deepEqual(findings('FROM alpine:3.20\nARG VERSION=dev\nLABEL ver=$VERSION\n', 'DL3056', {}, schema), []);
});

test('DL3056: applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD LABEL ver=1.2\n', 'DL3056', {}, schema), ['2:19-2:22']);
});
