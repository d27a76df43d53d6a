/** Broken and unusual input never throws and still gives a document with its sections. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explained, headings, section } from './helpers';

const CASES: Record<string, string> = {
  empty: '',
  'only a comment': '# nothing here\n',
  'FROM without an image': 'FROM\nRUN echo hi\n',
  'AS without a name': 'FROM alpine AS\nCMD ["sh"]\n',
  'an instruction before FROM': 'RUN echo hi\nFROM alpine\n',
  'an unknown instruction': 'FROM alpine\nFROBNICATE now\n',
  'COPY --from with nothing': 'FROM alpine\nCOPY --from= /a /b\n',
  'COPY --from a later stage': 'FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\n',
  'a stage built FROM itself': 'FROM a AS a\n',
  'an unterminated heredoc': 'FROM alpine\nRUN <<EOF\necho hi\n',
  'an unterminated JSON array': 'FROM alpine\nCMD ["sh", "-c"\n',
  'a BOM and CRLF': '\uFEFFFROM alpine:3.20\r\nRUN apk add --no-cache curl\r\nCMD ["curl"]\r\n',
  'the backtick escape': '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Write-Host hi\nCMD ["cmd"]\n',
  'ONBUILD triggers': 'FROM node:20\nONBUILD COPY . /app\nONBUILD RUN npm ci\n',
  'a HEALTHCHECK with bad values': 'FROM alpine\nHEALTHCHECK --interval=soon --retries=many CMD true\nHEALTHCHECK NONE\n',
  'ARG and ENV edge cases': 'ARG\nFROM alpine\nENV\nENV A\nARG B=\nLABEL\nEXPOSE $PORT abc 70000\nUSER\nWORKDIR\n',
};

for (const [name, text] of Object.entries(CASES)) {
  test(`${name}: explained without an error`, () => {
    const { md, errors } = explained(text);
    assert.deepEqual(errors, []);
    assert.match(md, /^# `Dockerfile` explained\n/);
    for (const h of ['Overview', 'Stage flow', 'Building and running', 'Key concepts']) assert.ok(headings(md).includes(h), h);
  });
}

test('no FROM: the overview says there is nothing to build', () => {
  assert.match(section(explained('# nothing here\n').md, 'Overview'), /has no `FROM` line, so there is nothing to build/);
});

test('a backtick-escaped Windows file keeps its own lines in the code blocks', () => {
  const { md } = explained(CASES['the backtick escape']);
  assert.ok(md.includes('```dockerfile\nRUN powershell -Command `\n    Write-Host hi\n```'), md);
  assert.match(md, /A parser directive: Changes the Dockerfile escape character/);
});

test('ONBUILD: the trigger runs in the builds that use this image', () => {
  assert.match(explained(CASES['ONBUILD triggers']).md, /Registers `COPY \. \/app` to run later, at the start of any build that uses this image as its base/);
});

test('a huge file is explained line by line for its first 2,000 instructions; the rest of each stage is named in one note', () => {
  const body = Array.from({ length: 2999 }, (_, i) => (i % 2 ? `ENV V${i}=${i}` : `RUN echo ${i}`));
  const { md, errors } = explained(`FROM alpine:3.20 AS one\n${body.join('\n')}\nFROM one AS two\nRUN echo two\n`);
  assert.deepEqual(errors, []);
  assert.equal(md.match(/\*\*Explanation\*\* · line /g)?.length, 2000);
  assert.ok(md.includes('*1,000 more instructions of this stage are not explained here: this file has 3,002 instructions, and the document explains the first 2,000 line by line.*'), md.slice(-3000));
  // The next stage still has its heading, its introduction and the note for its FROM and RUN.
  assert.ok(md.includes('## Stage 2: `two`'));
  assert.ok(md.includes('*2 more instructions of this stage are not explained here: this file has 3,002 instructions'));
  assert.ok(!md.includes('RUN echo 2998'));
});
