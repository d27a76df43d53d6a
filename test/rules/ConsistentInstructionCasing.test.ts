import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

const ID = 'ConsistentInstructionCasing';

test('ConsistentInstructionCasing: flags keywords not in the majority casing, on the keyword', () => {
  assert.deepEqual(findings('FROM alpine\nRUN a\ncopy x /x\nCMD ["x"]\n', ID), ['3:1-3:5']);
  assert.deepEqual(findings('from alpine\nrun a\nCOPY x /x\ncmd ["x"]\n', ID), ['3:1-3:5']);
  assert.deepEqual(messages('FROM alpine\nRUN a\ncopy x /x\n', ID), ['`copy` is not uppercase like most instructions of this file; write `COPY`.']);
});

test('ConsistentInstructionCasing: a mixed-case keyword is always reported; a tie goes to uppercase', () => {
  assert.deepEqual(findings('FROM alpine\nRun a\n', ID), ['2:1-2:4']);
  assert.deepEqual(messages('from alpine\nrun a\nRun b\n', ID), ['`Run` mixes upper- and lowercase; the instructions of this file are mostly lowercase, so write `run`.']);
  assert.deepEqual(findings('from alpine\nRUN a\n', ID), ['1:1-1:5']);
});

test('ConsistentInstructionCasing: ARGs before the first FROM and ONBUILD triggers are not counted or checked', () => {
  assert.deepEqual(findings('arg V=1\narg W=2\nFROM alpine:$V\nRUN a\n', ID), []);
  assert.deepEqual(findings('FROM alpine\nONBUILD run a\nRUN b\n', ID), []);
  // Three lowercase keywords outnumber two uppercase ones, so the uppercase ones are reported.
  assert.deepEqual(findings('from alpine\nrun a\nrun b\nRUN c\nCOPY d /d\n', ID), ['4:1-4:4', '5:1-5:5']);
});

test('ConsistentInstructionCasing: the fix recases the keyword only, keeping CRLF', () => {
  assert.equal(fixed('FROM alpine\r\nRUN a\r\ncopy x /x\r\n', ID), 'FROM alpine\r\nRUN a\r\nCOPY x /x\r\n');
  assert.equal(fixed('from alpine\nrun a\nRun b \\\n  c\n', ID), 'from alpine\nrun a\nrun b \\\n  c\n');
});

test('ConsistentInstructionCasing: silenced by check=skip', () => {
  assert.deepEqual(findings('# check=skip=ConsistentInstructionCasing\nFROM alpine\nrun a\nRUN b\nRUN c\n', ID), []);
});
