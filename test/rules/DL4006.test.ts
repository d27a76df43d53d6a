import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';

function fixOf(text: string) {
  return lint(parseDocument(text), { rules: [findRule('DL4006')!] })[0]?.fix;
}

const BASH = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

test('DL4006: flags a pipe under the default shell, on the `|`, and inserts a bash SHELL line', () => {
  const text = 'FROM debian:12\nRUN curl -fsSL https://x | sh\n';
  assert.deepEqual(findings(text, 'DL4006'), ['2:26-2:27']);
  assert.deepEqual(messages(text, 'DL4006'), [
    'This RUN pipes `curl` into `sh`, but its shell does not run with `-o pipefail`: when `curl` fails, the RUN still succeeds.',
  ]);
  assert.equal(fixed(text, 'DL4006'), `FROM debian:12\n${BASH}\nRUN curl -fsSL https://x | sh\n`);
  assert.equal(fixOf(text)?.safe, false);
});

test('DL4006: quiet with a bash, zsh or ash SHELL with -o pipefail, also from the stage built FROM', () => {
  assert.deepEqual(findings(`FROM debian:12\n${BASH}\nRUN a | b\n`, 'DL4006'), []);
  assert.deepEqual(findings('FROM debian:12\nSHELL ["/bin/bash", "-euo", "pipefail", "-c"]\nRUN a | b\n', 'DL4006'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN a | b\n', 'DL4006'), []);
  assert.deepEqual(findings(`FROM debian:12 AS base\n${BASH}\nFROM base\nRUN a | b\n`, 'DL4006'), []);
  assert.deepEqual(findings(`FROM debian:12 AS base\n${BASH}\nFROM debian:12\nRUN a | b\n`, 'DL4006'), ['4:7-4:8']);
  // /bin/sh with -o pipefail is not trusted (dash has no such option), as in hadolint
  assert.deepEqual(findings('FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', 'DL4006'), ['3:7-3:8']);
  assert.equal(fixed('FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', 'DL4006'),
    `FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${BASH}\nRUN a | b\n`);
  // a SHELL after the RUN does not count
  assert.deepEqual(findings(`FROM debian:12\nRUN a | b\n${BASH}\n`, 'DL4006'), ['2:7-2:8']);
});

test('DL4006: quiet when the RUN sets pipefail before its first pipe', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN set -o pipefail && curl https://x | sh\n', 'DL4006'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN set -euxo pipefail; curl https://x | sh\n', 'DL4006'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN curl https://x | sh && set -o pipefail\n', 'DL4006'), ['2:20-2:21']);
});

test('DL4006: no pipe, or a PowerShell or cmd shell: quiet', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN a || b && c\n', 'DL4006'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN echo "a | b"\n', 'DL4006'), []);
  assert.deepEqual(findings('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item\n', 'DL4006'), []);
  assert.deepEqual(findings('FROM debian:12\n# hadolint shell=pwsh\nRUN a | b\n', 'DL4006'), []);
});

test('DL4006: the fix keeps the shell in effect and its options; ash on Alpine; none without bash or ash', () => {
  assert.equal(fixed('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n', 'DL4006'), `FROM debian:12\nSHELL ["/bin/bash", "-c"]\n${BASH}\nRUN a | b\n`);
  assert.equal(
    fixed('FROM debian:12\nSHELL ["/bin/sh", "-ex", "-c"]\nRUN a | b\n', 'DL4006'),
    'FROM debian:12\nSHELL ["/bin/sh", "-ex", "-c"]\nSHELL ["/bin/bash", "-o", "pipefail", "-ex", "-c"]\nRUN a | b\n',
  );
  assert.equal(fixed('FROM alpine:3.20\nRUN a | b\n', 'DL4006'), 'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN a | b\n');
  assert.equal(fixed('FROM python:3.12-alpine AS base\nFROM base\nRUN a | b\n', 'DL4006'),
    'FROM python:3.12-alpine AS base\nFROM base\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN a | b\n');
  assert.equal(fixOf('FROM busybox:1.36\nRUN a | b\n'), undefined);
  assert.equal(fixOf('FROM gcr.io/distroless/base-debian12\nRUN a | b\n'), undefined);
  assert.equal(fixOf('FROM debian:12\nSHELL ["/usr/bin/env", "python3", "-c"]\nRUN a | b\n'), undefined);
});

test('DL4006: keyword case, indentation and CRLF in the fix', () => {
  assert.equal(fixed('from debian:12\nrun a | b\n', 'DL4006'), 'from debian:12\nshell ["/bin/bash", "-o", "pipefail", "-c"]\nrun a | b\n');
  assert.equal(fixed('FROM debian:12\n  RUN a | b\n', 'DL4006'), `FROM debian:12\n  ${BASH}\n  RUN a | b\n`);
  assert.equal(fixed('FROM debian:12\r\nRUN a \\\r\n  | b\r\n', 'DL4006'), `FROM debian:12\r\n${BASH}\r\nRUN a \\\r\n  | b\r\n`);
});

test('DL4006: pipes on continuation lines, in command substitutions, in heredocs; ONBUILD; one finding per RUN', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN curl https://x \\\n    # get it\n    | tar -xz\n', 'DL4006'), ['4:5-4:6']);
  assert.deepEqual(findings('FROM debian:12\nRUN echo $(cat a | wc -l)\n', 'DL4006'), ['2:18-2:19']);
  assert.deepEqual(findings('FROM debian:12\nRUN <<EOF\ncurl https://x | sh\nEOF\n', 'DL4006'), ['3:16-3:17']);
  assert.deepEqual(findings('FROM debian:12\nRUN a | b | c && d | e\n', 'DL4006'), ['2:7-2:8']);
  assert.deepEqual(findings('FROM debian:12\nONBUILD RUN a | b\n', 'DL4006'), ['2:15-2:16']);
  assert.equal(fixOf('FROM debian:12\nONBUILD RUN a | b\n'), undefined);
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL4006\nRUN a | b\n', 'DL4006'), []);
});
