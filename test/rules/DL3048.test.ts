import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3048: flags uppercase and underscore keys, on the key', () => {
  const text = 'FROM alpine:3.20\nLABEL Maintainer="jane@example.com" build_number="42"\n';
  assert.deepEqual(findings(text, 'DL3048'), ['2:7-2:17', '2:37-2:49']);
  assert.deepEqual(messages(text, 'DL3048'), [
    'Label key `Maintainer` has uppercase letters; label keys are lowercase.',
    'Label key `build_number` contains `_`; use only lowercase letters, digits, `.` and `-`.',
  ]);
});

test('DL3048: reserved namespaces, bad first or last character, repeated separators', () => {
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL com.docker.thing=1\n', 'DL3048'), [
    'Label key `com.docker.thing` uses the namespace `com.docker.`, which Docker reserves for itself.',
  ]);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL io.docker.x=1 org.dockerproject.y=2\n', 'DL3048'), ['2:7-2:18', '2:21-2:40']);
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL 1version=1\n', 'DL3048'), ['Label key `1version` must start with a lowercase letter.']);
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL .version=1\n', 'DL3048'), ['Label key `.version` must start with a lowercase letter.']);
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL version-=1\n', 'DL3048'), ['Label key `version-` must end with a letter or a digit.']);
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL org..example=1 a--b=2\n', 'DL3048'), [
    'Label key `org..example` has `..`; separators must not repeat.',
    'Label key `a--b` has `--`; separators must not repeat.',
  ]);
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL "build id"=7\n', 'DL3048'), [
    'Label key `build id` contains a space; use only lowercase letters, digits, `.` and `-`.',
  ]);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL "build id"=7\n', 'DL3048'), ['2:7-2:17']);
});

test('DL3048: quiet for valid keys and for keys built from variables', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL org.valid-key.label3="foo" validlabel=x maintainer=jane a=1\n', 'DL3048'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nARG VENDOR=com.example\nLABEL ${VENDOR}.version=1 $VENDOR.name=x\n', 'DL3048'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nENV Version=1\nARG Build_Id\n', 'DL3048'), []);
});

test('DL3048: legacy `LABEL key value`, continuation lines, ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL Description some text\n', 'DL3048'), ['2:7-2:18']);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL a=1 \\\n      Bad=2\n', 'DL3048'), ['3:7-3:10']);
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD LABEL Foo=bar\n', 'DL3048'), ['2:15-2:18']);
});

test('DL3048: honours ignore pragmas and the rules setting', () => {
  assert.deepEqual(findings('FROM alpine:3.20\n# hadolint ignore=DL3048\nLABEL Foo=bar\n', 'DL3048'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL Foo=bar\n', 'DL3048', { rules: { DL3048: 'off' } }), []);
});
