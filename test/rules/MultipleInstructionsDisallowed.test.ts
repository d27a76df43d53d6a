import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

const ID = 'MultipleInstructionsDisallowed';

test('MultipleInstructionsDisallowed: flags every overridden CMD, ENTRYPOINT and HEALTHCHECK, on the earlier one', () => {
  assert.deepEqual(findings('FROM alpine\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\n', ID), ['2:1-2:4', '3:1-3:4']);
  assert.deepEqual(findings('FROM alpine\nENTRYPOINT ["a"]\nRUN x\nentrypoint b\n', ID), ['2:1-2:11']);
  assert.deepEqual(findings('FROM alpine\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n', ID), ['2:1-2:12']);
  assert.deepEqual(messages('FROM alpine\nCMD ["a"]\nCMD ["b"]\n', ID), ['This CMD is overridden by the CMD on line 3: a stage keeps only its last CMD.']);
});

test('MultipleInstructionsDisallowed: each stage counts on its own; ONBUILD and HEALTHCHECK CMD are not CMDs', () => {
  assert.deepEqual(findings('FROM alpine AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n', ID), []);
  assert.deepEqual(findings('FROM alpine\nONBUILD CMD ["a"]\nCMD ["b"]\nHEALTHCHECK CMD true\n', ID), []);
  assert.deepEqual(findings('FROM alpine\nCMD ["a"]\nENTRYPOINT ["b"]\n', ID), []);
});

test('MultipleInstructionsDisallowed: the fix deletes the earlier instruction with its lines, keeping CRLF', () => {
  assert.equal(fixed('FROM alpine\nCMD ["a", \\\n  "b"]\nCMD ["c"]\n', ID), 'FROM alpine\nCMD ["c"]\n');
  assert.equal(fixed('FROM alpine\r\nCMD ["a"]\r\nCMD ["c"]\r\n', ID), 'FROM alpine\r\nCMD ["c"]\r\n');
});

test('MultipleInstructionsDisallowed: silenced by check=skip', () => {
  assert.deepEqual(findings('# check=skip=MultipleInstructionsDisallowed\nFROM alpine\nCMD ["a"]\nCMD ["b"]\n', ID), []);
  assert.deepEqual(findings('FROM alpine\n# check=skip=MultipleInstructionsDisallowed\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\n', ID), ['4:1-4:4']);
});
