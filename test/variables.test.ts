import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expand, lookupAt } from '../server/src/model/variables';
import { parseDocument } from '../server/src/model/document';

const vars: Record<string, string | null> = { V: '3.11', EMPTY: '', PLATFORM: null, PATHV: '/usr/local/bin:/usr/bin' };
const lookup = (n: string) => (n in vars ? vars[n] : undefined);
const x = (t: string) => expand(t, lookup);

test('plain and braced references', () => {
  assert.deepEqual(x('python:${V}-slim'), { value: 'python:3.11-slim', complete: true, undefinedNames: [] });
  assert.deepEqual(x('python:$V'), { value: 'python:3.11', complete: true, undefinedNames: [] });
  assert.deepEqual(x('a$NOPE b'), { value: 'a b', complete: true, undefinedNames: ['NOPE'] });
  assert.deepEqual(x('\\$V'), { value: '$V', complete: true, undefinedNames: [] });
});

test('default and alternative modifiers', () => {
  assert.equal(x('${NOPE:-x}').value, 'x');
  assert.equal(x('${EMPTY:-x}').value, 'x');
  assert.equal(x('${EMPTY-x}').value, '');
  assert.equal(x('${V:+set}').value, 'set');
  assert.equal(x('${NOPE:+set}').value, '');
  assert.equal(x('${NOPE:-${V}}').value, '3.11');
  assert.deepEqual(x('${NOPE:-x}').undefinedNames, []);
});

test('pattern modifiers', () => {
  assert.equal(x('${V%.*}').value, '3');
  assert.equal(x('${V#*.}').value, '11');
  assert.equal(x('${PATHV%%:*}').value, '/usr/local/bin');
  assert.equal(x('${PATHV##*:}').value, '/usr/bin');
  assert.equal(x('${V/./-}').value, '3-11');
  assert.equal(x('${PATHV//usr/opt}').value, '/opt/local/bin:/opt/bin');
});

test('values known only at build time keep the text and mark the expansion incomplete', () => {
  assert.deepEqual(x('img:$PLATFORM'), { value: 'img:$PLATFORM', complete: false, undefinedNames: [] });
  assert.equal(x('${PLATFORM:-x}').complete, false);
});

test('lookup at an instruction: global ARGs and automatic platform ARGs in FROM, stage scope inside', () => {
  const m = parseDocument('ARG BASE=alpine:3.20\nFROM --platform=$BUILDPLATFORM ${BASE} AS a\nARG BASE\nENV P=/x\nWORKDIR $P/y\nUSER $NOPE\n');
  const from = m.instructions[1];
  assert.deepEqual(expand('${BASE}', lookupAt(m, from)), { value: 'alpine:3.20', complete: true, undefinedNames: [] });
  assert.deepEqual(expand('$BUILDPLATFORM', lookupAt(m, from)), { value: '$BUILDPLATFORM', complete: false, undefinedNames: [] });
  assert.deepEqual(expand('$P/y', lookupAt(m, m.instructions[4])), { value: '/x/y', complete: true, undefinedNames: [] });
  assert.deepEqual(expand('$BASE', lookupAt(m, m.instructions[4])).value, 'alpine:3.20');
  assert.deepEqual(expand('$NOPE', lookupAt(m, m.instructions[5])).undefinedNames, ['NOPE']);
});
