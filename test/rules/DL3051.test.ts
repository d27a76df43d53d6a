import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const schema = 'label-schema:\n  rev: hash\n  who: text\n';

test('DL3051: flags an empty schema label, on the value', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL rev=""\n', 'DL3051', {}, schema), ['2:11-2:13']);
  assert.deepEqual(findings("FROM alpine:3.20\nLABEL who='' rev=abcdef0\n", 'DL3051', {}, schema), ['2:11-2:13']);
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL rev=""\n', 'DL3051', schema), [
    'Label `rev` is set to an empty value; the label-schema in .hadolint.yaml expects a git commit hash.',
  ]);
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL who=""\n', 'DL3051', schema), [
    'Label `who` is set to an empty value; the label-schema in .hadolint.yaml expects some text.',
  ]);
});

test('DL3051: `key=` with nothing after it covers the key and the `=`', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL rev= who=x\n', 'DL3051', {}, schema), ['2:7-2:11']);
});

test('DL3051: quiet for labels outside the schema, values with variables, and without a schema', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL other=""\n', 'DL3051', {}, schema), []);
  assert.deepEqual(findings('FROM alpine:3.20\nARG GIT_COMMIT\nLABEL rev=$GIT_COMMIT who="${WHO}"\n', 'DL3051', {}, schema), []);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL rev=""\n', 'DL3051'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL rev=" "\n', 'DL3051', {}, schema), []);
});

test('DL3051: applies inside ONBUILD and across continuation lines', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD LABEL rev=""\n', 'DL3051', {}, schema), ['2:19-2:21']);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL who=me \\\n      rev=""\n', 'DL3051', {}, schema), ['3:11-3:13']);
});
