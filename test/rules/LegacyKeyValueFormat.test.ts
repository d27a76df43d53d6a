import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

const ID = 'LegacyKeyValueFormat';

test('LegacyKeyValueFormat: flags ENV and LABEL in the legacy form, on the key and value', () => {
  assert.deepEqual(findings('FROM alpine\nENV NODE_ENV production\n', ID), ['2:5-2:24']);
  assert.deepEqual(findings('FROM alpine\nLABEL maintainer Jane Doe\n', ID), ['2:7-2:26']);
  assert.deepEqual(messages('FROM alpine\nenv A b\n', ID), ['`env A <value>` is the legacy form, separated by whitespace; write `env A=<value>`.']);
});

test('LegacyKeyValueFormat: quiet for key=value, ARG, and a lone key (a syntax error, not this check)', () => {
  assert.deepEqual(findings('FROM alpine\nENV A=1 B="two words"\nLABEL a=b\nARG X Y\nENV LONE\n', ID), []);
});

test('LegacyKeyValueFormat: applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine\nONBUILD ENV A b\n', ID), ['2:13-2:16']);
});

test('LegacyKeyValueFormat: the fix writes key=value and quotes a value with spaces', () => {
  assert.equal(fixed('FROM alpine\nENV NODE_ENV production\n', ID), 'FROM alpine\nENV NODE_ENV=production\n');
  assert.equal(fixed('FROM alpine\nLABEL maintainer Jane Doe\n', ID), 'FROM alpine\nLABEL maintainer="Jane Doe"\n');
  assert.equal(fixed('FROM alpine\nENV PATH /opt/bin:$PATH\n', ID), 'FROM alpine\nENV PATH=/opt/bin:$PATH\n');
  assert.equal(fixed('FROM alpine\nENV MSG "hello world"\n', ID), 'FROM alpine\nENV MSG="hello world"\n');
  assert.equal(fixed('FROM alpine\r\nENV A \\\r\n    one \\\r\n    two\r\n', ID), 'FROM alpine\r\nENV A="one \\\r\n    two"\r\n');
});

test('LegacyKeyValueFormat: no fix when quoting would change the value', () => {
  const text = 'FROM alpine\nENV MSG say "hi" now\n';
  assert.deepEqual(findings(text, ID), ['2:5-2:21']);
  assert.throws(() => fixed(text, ID), /has no fix/);
});

test('LegacyKeyValueFormat: silenced by check=skip', () => {
  assert.deepEqual(findings('# check=skip=LegacyKeyValueFormat\nFROM alpine\nENV A b\n', ID), []);
});
