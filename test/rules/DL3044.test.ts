import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3044: flags a reference to a variable set in the same ENV, on the reference', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nENV A=/opt B=$A/bin\n', 'DL3044'), ['2:14-2:16']);
  assert.deepEqual(findings('FROM alpine:3.20\nENV A=/opt B="${A}/bin" C=x$A\n', 'DL3044'), ['2:15-2:19', '2:28-2:30']);
  assert.deepEqual(messages('FROM alpine:3.20\nENV A=/opt B=${A}\n', 'DL3044'), [
    '`${A}` does not see `A` set in this same ENV: every value here is expanded with the variables as they were before the instruction. Set A in an earlier ENV.',
  ]);
  // a modifier does not change what is read
  assert.deepEqual(findings('FROM alpine:3.20\nENV A=/opt B=${A:-/usr}\n', 'DL3044'), ['2:14-2:24']);
  // the same name set twice in one ENV
  assert.deepEqual(findings('FROM alpine:3.20\nENV PATH=/a:$PATH PATH=/b:$PATH\n', 'DL3044'), ['2:13-2:18', '2:27-2:32']);
});

test('DL3044: quiet for partial names, own old value, earlier definitions and literal dollars', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nENV A=1 B=$AB C=${AB} D=$BA\n', 'DL3044'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n', 'DL3044'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nARG A\nENV A=${A} B=$A\n', 'DL3044'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nENV A=1\nENV A=2 B=$A\n', 'DL3044'), []);
  assert.deepEqual(findings("FROM alpine:3.20\nENV A=1 B='$A' C=\\$A\n", 'DL3044'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nENV A=1\nENV B=$A\n', 'DL3044'), []);
});

test('DL3044: sees values across continuation lines and inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nENV A=/opt \\\n    B=$A/bin\n', 'DL3044'), ['3:7-3:9']);
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD ENV A=1 B=$A\n', 'DL3044'), ['2:19-2:21']);
});

test('DL3044: the fix starts a new ENV before the variable that uses the reference', () => {
  assert.equal(fixed('FROM alpine:3.20\nENV A=/opt B=$A/bin\n', 'DL3044'), 'FROM alpine:3.20\nENV A=/opt\nENV B=$A/bin\n');
  assert.equal(
    fixed('FROM alpine:3.20\n  env A=/opt \\\n      B=$A/bin \\\n      C=3\n', 'DL3044'),
    'FROM alpine:3.20\n  env A=/opt\n  env B=$A/bin \\\n      C=3\n',
  );
  assert.equal(fixed('FROM alpine:3.20\r\nENV A=/opt \\\r\n    B=$A/bin\r\n', 'DL3044'), 'FROM alpine:3.20\r\nENV A=/opt\r\nENV B=$A/bin\r\n');
});

test('DL3044: no fix for a reference to a later variable, across a comment line, or in ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nENV B=$A A=1\n', 'DL3044'), ['2:7-2:9']);
  assert.throws(() => fixed('FROM alpine:3.20\nENV B=$A A=1\n', 'DL3044'), /has no fix/);
  assert.throws(() => fixed('FROM alpine:3.20\nENV A=1 \\\n# the bin dir\n  B=$A\n', 'DL3044'), /has no fix/);
  assert.throws(() => fixed('FROM alpine:3.20\nONBUILD ENV A=1 B=$A\n', 'DL3044'), /has no fix/);
});

test('DL3044: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM alpine:3.20\n# hadolint ignore=DL3044\nENV A=/opt B=$A/bin\n', 'DL3044'), []);
});
