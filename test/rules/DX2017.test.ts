import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2017: an escape directive that is not a backslash or a backtick is flagged on its value', () => {
  const text = '# syntax=docker/dockerfile:1\n# escape=^\nFROM alpine:3.20\n';
  assert.deepEqual(findings(text, 'DX2017'), ['2:10-2:11']);
  assert.deepEqual(messages(text, 'DX2017'), [
    '`escape=^` is not a valid escape character: it must be a backslash or a backtick; the builder rejects the Dockerfile.',
  ]);
  assert.throws(() => fixed(text, 'DX2017'), /has no fix/);
  assert.equal(fixed('# escape=\\\\\nFROM alpine:3.20\n', 'DX2017'), '# escape=\\\nFROM alpine:3.20\n');
  assert.equal(fixed('#escape = ``\r\nFROM alpine:3.20\r\n', 'DX2017'), '#escape = `\r\nFROM alpine:3.20\r\n');
});

test('DX2017: a repeated directive is flagged on the later line; the fix removes it', () => {
  const text = '# syntax=docker/dockerfile:1\n# SYNTAX=docker/dockerfile:1.7\nFROM alpine:3.20\n';
  assert.deepEqual(findings(text, 'DX2017'), ['2:1-2:31']);
  assert.deepEqual(messages(text, 'DX2017'), ['A second `syntax` directive: the builder accepts each parser directive only once and rejects the Dockerfile.']);
  assert.equal(fixed(text, 'DX2017'), '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n');
  assert.deepEqual(findings('# check=skip=all\n# check=error=true\nFROM alpine:3.20\n', 'DX2017'), ['2:1-2:19']);
});

test('DX2017: check options the builder refuses', () => {
  const text = '# check=skip=JSONArgsRecommended;eror=true\nFROM alpine:3.20\n';
  assert.deepEqual(findings(text, 'DX2017'), ['1:34-1:43']);
  assert.deepEqual(messages(text, 'DX2017'), [
    '`eror` is not a check option (`skip`, `error` or `experimental`): the builder rejects the `check` directive. Did you mean `error`?',
  ]);
  assert.deepEqual(findings('# check=error=yes\nFROM alpine:3.20\n', 'DX2017'), ['1:9-1:18']);
  assert.deepEqual(findings('# check=skip=all;\nFROM alpine:3.20\n', 'DX2017'), ['1:1-1:18']);
  assert.deepEqual(findings('# check=all\nFROM alpine:3.20\n', 'DX2017'), ['1:9-1:12']);
});

test('DX2017: quiet for valid directives, and for directive-like comments below the top', () => {
  assert.deepEqual(findings('# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended\nFROM alpine:3.20\n', 'DX2017'), []);
  assert.deepEqual(findings('# check=skip=A, B;error=TRUE;experimental=all\nFROM alpine:3.20\n', 'DX2017'), []);
  assert.deepEqual(findings('# check = skip=all // the reason\nFROM alpine:3.20\n', 'DX2017'), []);
  assert.deepEqual(findings('# escape=\\\nFROM alpine:3.20\n# escape=^\n# syntax=other\n', 'DX2017'), []);
  assert.deepEqual(findings('# escape=\\\n\n# escape=`\nFROM alpine:3.20\n', 'DX2017'), []);
});
