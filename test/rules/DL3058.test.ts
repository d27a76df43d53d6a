import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const schema = 'label-schema:\n  who: email\n';

test('DL3058: flags an email label that is not an address, on the value', () => {
  const text = 'FROM alpine:3.20\nLABEL who="platform team"\n';
  assert.deepEqual(findings(text, 'DL3058', {}, schema), ['2:11-2:26']);
  assert.deepEqual(messages(text, 'DL3058', schema), ['Label `who` should be an e-mail address, but `platform team` is not one.']);
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL who="Jane Doe <jane@example.com>"\n', 'DL3058', schema), [
    'Label `who` should be an e-mail address, but `Jane Doe <jane@example.com>` is not one (only the address: `jane@example.com`).',
  ]);
});

test('DL3058: malformed addresses', () => {
  for (const v of ['team@@example.com', '@example.com', 'team@', 'a..b@example.com', '.a@example.com', 'a@example..com', 'https://example.com']) {
    assert.deepEqual(findings(`FROM alpine:3.20\nLABEL who="${v}"\n`, 'DL3058', {}, schema).length, 1, v);
  }
});

test('DL3058: quiet for addresses and variables', () => {
  for (const v of ['jane@example.com', 'first.last+tag@example.co.uk', 'ops@localhost', 'x@[192.0.2.1]']) {
    assert.deepEqual(findings(`FROM alpine:3.20\nLABEL who="${v}"\n`, 'DL3058', {}, schema), [], v);
  }
  assert.deepEqual(findings('FROM alpine:3.20\nARG CONTACT\nLABEL who="$CONTACT"\n', 'DL3058', {}, schema), []);
});

test('DL3058: applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD LABEL who=nobody\n', 'DL3058', {}, schema), ['2:19-2:25']);
});
