import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

const ID = 'JSONArgsRecommended';

test('JSONArgsRecommended: flags shell-form CMD and ENTRYPOINT, on the command', () => {
  assert.deepEqual(findings('FROM alpine\nCMD node /app/server.js\n', ID), ['2:5-2:24']);
  assert.deepEqual(findings('FROM alpine\nentrypoint my-program start\n', ID), ['2:12-2:28']);
  assert.deepEqual(messages('FROM alpine\nCMD x\n', ID), [
    'Shell-form `CMD` runs under `/bin/sh -c`, which becomes PID 1 and does not pass on SIGTERM or SIGINT to your program; use the JSON form, or set a `SHELL` if the shell is intended.',
  ]);
  // Single quotes are not JSON: the builder runs this as shell form.
  assert.deepEqual(findings("FROM alpine\nCMD ['node', 'x']\n", ID), ['2:5-2:18']);
});

test('JSONArgsRecommended: quiet for JSON form, HEALTHCHECK, and ONBUILD triggers', () => {
  assert.deepEqual(findings('FROM alpine\nCMD ["node", "x"]\nENTRYPOINT ["tini", "--"]\nHEALTHCHECK CMD curl -f http://localhost/\n', ID), []);
  assert.deepEqual(findings('FROM alpine\nONBUILD CMD node x\n', ID), []);
});

test('JSONArgsRecommended: a SHELL in effect (this stage before it, or a parent stage) turns it off', () => {
  assert.deepEqual(findings('FROM alpine\nSHELL ["/bin/ash", "-c"]\nCMD echo hi\n', ID), []);
  assert.deepEqual(findings('FROM alpine AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nCMD echo hi\n', ID), []);
  // A SHELL after the CMD, or in an unrelated stage, does not count.
  assert.deepEqual(findings('FROM alpine\nCMD echo hi\nSHELL ["/bin/ash", "-c"]\n', ID), ['2:5-2:12']);
  assert.deepEqual(findings('FROM alpine AS a\nSHELL ["/bin/ash", "-c"]\nFROM alpine\nCMD echo hi\n', ID), ['4:5-4:12']);
});

test('JSONArgsRecommended: the fix converts to exec form like DL3025, keeping continuation lines and CRLF', () => {
  assert.equal(fixed('FROM alpine\nCMD node /app/server.js\n', ID), 'FROM alpine\nCMD ["node", "/app/server.js"]\n');
  assert.equal(fixed('FROM alpine\r\nCMD node \\\r\n    /app/server.js\r\n', ID), 'FROM alpine\r\nCMD ["node", \\\r\n    "/app/server.js"]\r\n');
  assert.equal(fixed('FROM alpine\nCMD echo $HOME && run\n', ID), 'FROM alpine\nCMD ["/bin/sh", "-c", "echo $HOME && run"]\n');
});

test('JSONArgsRecommended: silenced by the per-instruction check=skip comment', () => {
  assert.deepEqual(findings('FROM alpine\n# check=skip=JSONArgsRecommended\nCMD node x\nENTRYPOINT run x\n', ID), ['4:12-4:17']);
});
