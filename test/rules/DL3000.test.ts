import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3000: flags a relative WORKDIR, on its path', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nWORKDIR app\n', 'DL3000'), ['2:9-2:12']);
  assert.deepEqual(messages('FROM alpine:3.20\nWORKDIR app\n', 'DL3000'), [
    '`WORKDIR app` is relative: it depends on the directory set before it (possibly by the base image); use an absolute path.',
  ]);
  assert.deepEqual(findings('FROM alpine:3.20\nWORKDIR "my app"\n', 'DL3000'), ['2:9-2:17']);
  assert.deepEqual(findings('FROM alpine:3.20\nworkdir ./src\n', 'DL3000'), ['2:9-2:14']);
});

test('DL3000: every relative WORKDIR is checked, even after an absolute one', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nWORKDIR /srv\nWORKDIR app\nWORKDIR ../data\n', 'DL3000'), ['3:9-3:12', '4:9-4:16']);
});

test('DL3000: quiet for absolute paths, variables and Windows drives', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nWORKDIR /app\nWORKDIR "/srv/my app"\nWORKDIR $HOME/app\nWORKDIR ${APP_DIR}\nWORKDIR "${HOME}"/app\n', 'DL3000'), []);
  assert.deepEqual(findings('# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\app\nWORKDIR d:/data\n', 'DL3000'), []);
});

test('DL3000: applies inside ONBUILD (without a fix)', () => {
  const text = 'FROM alpine:3.20\nWORKDIR /srv\nONBUILD WORKDIR app\n';
  assert.deepEqual(findings(text, 'DL3000'), ['3:17-3:20']);
  assert.throws(() => fixed(text, 'DL3000'), /has no fix/);
});

test('DL3000: the fix joins the path to the previous absolute WORKDIR', () => {
  assert.equal(fixed('FROM alpine:3.20\nWORKDIR /srv\nRUN true\nWORKDIR app\n', 'DL3000'), 'FROM alpine:3.20\nWORKDIR /srv\nRUN true\nWORKDIR /srv/app\n');
  assert.equal(fixed('FROM alpine:3.20\nWORKDIR /srv/app/\nWORKDIR ../data/.\n', 'DL3000'), 'FROM alpine:3.20\nWORKDIR /srv/app/\nWORKDIR /srv/data\n');
  assert.equal(fixed('FROM alpine:3.20\nWORKDIR "/srv"\nWORKDIR "my app"\n', 'DL3000'), 'FROM alpine:3.20\nWORKDIR "/srv"\nWORKDIR "/srv/my app"\n');
  // the previous WORKDIR may be in the stage this one is built FROM
  assert.equal(
    fixed('FROM alpine:3.20 AS base\nWORKDIR /opt\nFROM base\nWORKDIR tool\n', 'DL3000'),
    'FROM alpine:3.20 AS base\nWORKDIR /opt\nFROM base\nWORKDIR /opt/tool\n',
  );
  // keeps CRLF line ends
  assert.equal(fixed('FROM alpine:3.20\r\nWORKDIR /srv\r\nWORKDIR app\r\nRUN true\r\n', 'DL3000'), 'FROM alpine:3.20\r\nWORKDIR /srv\r\nWORKDIR /srv/app\r\nRUN true\r\n');
});

test('DL3000: no fix when the previous WORKDIR is unknown, relative or in an unrelated stage', () => {
  assert.throws(() => fixed('FROM alpine:3.20\nWORKDIR app\n', 'DL3000'), /has no fix/);
  assert.throws(() => fixed('FROM alpine:3.20\nWORKDIR $HOME\nWORKDIR app\n', 'DL3000'), /has no fix/);
  assert.throws(() => fixed('FROM alpine:3.20\nWORKDIR /a\nWORKDIR b\nWORKDIR c\n', 'DL3000', 1), /has no fix/);
  assert.throws(() => fixed('FROM alpine:3.20 AS one\nWORKDIR /opt\nFROM alpine:3.20\nWORKDIR tool\n', 'DL3000'), /has no fix/);
  // `..` can't be resolved across a variable
  assert.throws(() => fixed('FROM alpine:3.20\nWORKDIR /home/$USER\nWORKDIR ../x\n', 'DL3000'), /has no fix/);
  assert.equal(fixed('FROM alpine:3.20\nWORKDIR /home/$USER\nWORKDIR app\n', 'DL3000'), 'FROM alpine:3.20\nWORKDIR /home/$USER\nWORKDIR /home/$USER/app\n');
});

test('DL3000: the fix needs a review', () => {
  assert.equal(problemsOf('FROM alpine:3.20\nWORKDIR /srv\nWORKDIR app\n')[0].fix?.safe, false);
});

test('DL3000: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM alpine:3.20\n# hadolint ignore=DL3000\nWORKDIR app\n', 'DL3000'), []);
});

import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';
function problemsOf(text: string) {
  return lint(parseDocument(text), { rules: [findRule('DL3000')!] });
}
