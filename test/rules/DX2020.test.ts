import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2020: a number in the JSON form is flagged on the element, with a fix quoting it', () => {
  const text = 'FROM alpine:3.20\nCMD ["sleep", 3600]\n';
  assert.deepEqual(findings(text, 'DX2020'), ['2:15-2:19']);
  assert.deepEqual(messages(text, 'DX2020'), [
    '`3600` is not a string: in the JSON form of `CMD` every element must be a string in double quotes, and the builder rejects the array.',
  ]);
  assert.equal(fixed(text, 'DX2020'), 'FROM alpine:3.20\nCMD ["sleep", "3600"]\n');
  assert.equal(fixed('FROM alpine:3.20\r\nENTRYPOINT ["app", \\\r\n  true]\r\n', 'DX2020'), 'FROM alpine:3.20\r\nENTRYPOINT ["app", \\\r\n  "true"]\r\n');
});

test('DX2020: nested arrays and objects are flagged without a fix; every JSON-form instruction is checked', () => {
  const text = 'FROM alpine:3.20\nRUN ["a", ["b"]]\nSHELL ["sh", null]\nHEALTHCHECK CMD ["curl", {"x": 1}]\nVOLUME [1]\n';
  assert.deepEqual(findings(text, 'DX2020'), ['2:11-2:16', '3:14-3:18', '4:26-4:34', '5:9-5:10']);
  assert.throws(() => fixed(text, 'DX2020'), /has no fix/);
});

test('DX2020: quiet for string arrays, shell form and broken JSON (DX2021)', () => {
  const text = 'FROM alpine:3.20\nCMD ["sleep", "3600"]\nRUN [ "$A" = 1 ] && echo\nCMD [\'a\', 1]\nCOPY ["a", "/b/"]\n';
  assert.deepEqual(findings(text, 'DX2020'), []);
});

test('DX2020: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD CMD ["sleep", 1]\n', 'DX2020'), ['2:23-2:24']);
});
