import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';

function fixOf(text: string) {
  return lint(parseDocument(text), { rules: [findRule('DL3003')!] })[0]?.fix;
}

test('DL3003: flags cd, on the cd command, and moves a leading cd to WORKDIR', () => {
  const text = 'FROM golang:1.22\nRUN cd /src && go build\n';
  assert.deepEqual(findings(text, 'DL3003'), ['2:5-2:12']);
  assert.deepEqual(messages(text, 'DL3003'), ['`cd /src` changes the directory only for the rest of this RUN; use `WORKDIR /src`, or absolute paths.']);
  assert.equal(fixed(text, 'DL3003'), 'FROM golang:1.22\nWORKDIR /src\nRUN go build\n');
  // WORKDIR stays in effect for later instructions: the fix needs a review.
  assert.equal(fixOf(text)?.safe, false);
});

test('DL3003: every cd is reported, also in subshells and in the middle of a RUN', () => {
  assert.deepEqual(findings('FROM x\nRUN make && cd /x && make\n', 'DL3003'), ['2:13-2:18']);
  assert.deepEqual(findings('FROM x\nRUN (cd /x && make) && cd /y\n', 'DL3003'), ['2:6-2:11', '2:24-2:29']);
  assert.deepEqual(findings('FROM x\nRUN cd && ls\n', 'DL3003'), ['2:5-2:7']);
  assert.deepEqual(messages('FROM x\nRUN cd && ls\n', 'DL3003'), ['`cd` changes the directory only for the rest of this RUN; use WORKDIR, or absolute paths.']);
  assert.deepEqual(findings('FROM x\nRUN echo cd /x && mkdir cd\n', 'DL3003'), []);
  assert.deepEqual(findings('FROM x\nRUN sh -c "cd /x && make"\n', 'DL3003'), []);
});

test('DL3003: the fix keeps RUN flags, continuation layouts, indentation, keyword case and CRLF', () => {
  assert.equal(fixed('FROM x\nRUN cd /src \\\n    && make\n', 'DL3003'), 'FROM x\nWORKDIR /src\nRUN make\n');
  assert.equal(fixed('FROM x\nRUN cd /src && \\\n    make install\n', 'DL3003'), 'FROM x\nWORKDIR /src\nRUN make install\n');
  assert.equal(
    fixed('FROM x\nRUN --mount=type=cache,target=/root/.cache cd /src && make\n', 'DL3003'),
    'FROM x\nWORKDIR /src\nRUN --mount=type=cache,target=/root/.cache make\n',
  );
  assert.equal(fixed('FROM x\n  RUN cd /a && b\n', 'DL3003'), 'FROM x\n  WORKDIR /a\n  RUN b\n');
  assert.equal(fixed('from x\nrun cd /app && make\n', 'DL3003'), 'from x\nworkdir /app\nrun make\n');
  assert.equal(fixed('FROM x\r\nRUN cd /src && \\\r\n    make\r\n', 'DL3003'), 'FROM x\r\nWORKDIR /src\r\nRUN make\r\n');
  assert.equal(fixed('# escape=`\nFROM x\nRUN cd /src && `\n    make\n', 'DL3003'), '# escape=`\nFROM x\nWORKDIR /src\nRUN make\n');
});

test('DL3003: no fix unless the RUN starts with `cd /absolute/path &&`', () => {
  for (const run of ['make && cd /x && make', 'cd src && make', 'cd $HOME && make', 'cd "/my dir" && make', 'cd /x; make', 'cd /x || exit 1',
    'cd /x', '(cd /x && make)', 'cd /x && (make)', 'cd /a /b && make', 'cd /x \\\n  # build it\n  && make']) {
    assert.equal(fixOf(`FROM x\nRUN ${run}\n`), undefined, run);
  }
  assert.equal(fixOf('FROM x\nRUN <<EOF\ncd /x && make\nEOF\n'), undefined);
  assert.equal(fixOf('FROM x\nONBUILD RUN cd /x && make\n'), undefined);
  assert.deepEqual(findings('FROM x\nONBUILD RUN cd /x && make\n', 'DL3003'), ['2:13-2:18']);
  assert.deepEqual(findings('FROM x\nRUN <<EOF\ncd /x && make\nEOF\n', 'DL3003'), ['3:1-3:6']);
});

test('DL3003: honours ignore pragmas and the rules setting', () => {
  assert.deepEqual(findings('FROM x\n# hadolint ignore=DL3003\nRUN cd /x && make\n', 'DL3003'), []);
  assert.deepEqual(findings('FROM x\nRUN cd /x && make\n', 'DL3003', { rules: { DL3003: 'off' } }), []);
});
