import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const schema = 'label-schema:\n  created: rfc3339\n';

test('DL3053: flags an rfc3339 label that is not a date-time, on the value', () => {
  const text = 'FROM alpine:3.20\nLABEL created="2024-05-01 12:30"\n';
  assert.deepEqual(findings(text, 'DL3053', {}, schema), ['2:15-2:33']);
  assert.deepEqual(messages(text, 'DL3053', schema), [
    'Label `created` should be an RFC 3339 date-time such as `2024-05-01T12:30:00Z`, but is `2024-05-01 12:30`.',
  ]);
});

test('DL3053: dates that do not exist, and missing parts', () => {
  for (const v of ['2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-04-31T00:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01T12:30:00', '2024-05-01', '1714566600']) {
    assert.deepEqual(findings(`FROM alpine:3.20\nLABEL created=${v}\n`, 'DL3053', {}, schema).length, 1, v);
  }
});

test('DL3053: quiet for RFC 3339 date-times, variables and other labels', () => {
  for (const v of ['2024-05-01T12:30:00Z', '2024-05-01T12:30:00.123+02:00', '2024-02-29T23:59:60-05:30', '2024-05-01t12:30:00z']) {
    assert.deepEqual(findings(`FROM alpine:3.20\nLABEL created="${v}"\n`, 'DL3053', {}, schema), [], v);
  }
  assert.deepEqual(findings('FROM alpine:3.20\nARG BUILD_DATE\nLABEL created=$BUILD_DATE\n', 'DL3053', {}, schema), []);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL date=yesterday\n', 'DL3053', {}, schema), []);
});

test('DL3053: applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD LABEL created=today\n', 'DL3053', {}, schema), ['2:23-2:28']);
});
