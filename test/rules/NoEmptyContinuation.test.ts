import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('NoEmptyContinuation: flags empty lines after a continuation, from the escape to the end of the empty lines', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n', 'NoEmptyContinuation'), ['2:23-3:1']);
  // Blank (whitespace-only) lines count too; one finding per instruction.
  assert.deepEqual(findings('FROM debian:12\nRUN a \\\n  \t\n    b \\\n\n\n    c\n', 'NoEmptyContinuation'), ['2:7-3:4']);
  assert.deepEqual(messages('FROM debian:12\nRUN a \\\n  \n    b \\\n\n\n    c\n', 'NoEmptyContinuation'), [
    '3 empty lines inside a continued `RUN`: the builder skips them today, but empty continuation lines are to become errors.',
  ]);
});

test('NoEmptyContinuation: quiet for comment lines inside the continuation, empty lines between instructions, heredoc bodies', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN a \\\n    # why\n    b\n\nRUN c\n', 'NoEmptyContinuation'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN <<EOF\necho a\n\necho b\nEOF\n', 'NoEmptyContinuation'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN a \\\n', 'NoEmptyContinuation'), []);
  // An escaped escape character at the end of a line does not continue it.
  assert.deepEqual(findings('FROM debian:12\nCOPY a \\\n  C:\\\\dir\\\\\n\nRUN b\n', 'NoEmptyContinuation'), []);
});

test('NoEmptyContinuation: an empty line after a comment inside the continuation still counts', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN a \\\n    # why\n\n    b\n', 'NoEmptyContinuation'), ['2:7-4:1']);
});

test('NoEmptyContinuation: works with the backtick escape and inside ONBUILD', () => {
  assert.deepEqual(findings('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n\n    b\n', 'NoEmptyContinuation'), ['3:12-4:1']);
  assert.deepEqual(findings('FROM alpine\nONBUILD RUN a \\\n\n  b\n', 'NoEmptyContinuation'), ['2:15-3:1']);
});

test('NoEmptyContinuation: the fix removes every empty continuation line and keeps CRLF', () => {
  assert.equal(
    fixed('FROM debian:12\nRUN a \\\n  \n    b \\\n\n\n    c\nRUN d\n', 'NoEmptyContinuation'),
    'FROM debian:12\nRUN a \\\n    b \\\n    c\nRUN d\n',
  );
  assert.equal(fixed('FROM debian:12\r\nRUN a \\\r\n\r\n    b\r\n', 'NoEmptyContinuation'), 'FROM debian:12\r\nRUN a \\\r\n    b\r\n');
  // An empty line right before the end of the file.
  assert.equal(fixed('FROM debian:12\nRUN a \\\n\n', 'NoEmptyContinuation'), 'FROM debian:12\nRUN a \\\n');
});

test('NoEmptyContinuation: silenced by check=skip', () => {
  assert.deepEqual(findings('# check=skip=NoEmptyContinuation\nFROM debian:12\nRUN a \\\n\n  b\n', 'NoEmptyContinuation'), []);
  assert.deepEqual(findings('# check=skip=all\nFROM debian:12\nRUN a \\\n\n  b\n', 'NoEmptyContinuation'), []);
});
