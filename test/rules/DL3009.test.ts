import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3009: flags apt-get update without a cleanup, on `apt-get update`, and appends the cleanup', () => {
  const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n';
  assert.deepEqual(findings(text, 'DL3009'), ['2:5-2:19']);
  assert.equal(fixed(text, 'DL3009'), 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
  assert.deepEqual(messages(text, 'DL3009'), [
    '`apt-get update` downloads package lists that stay in this layer; delete them in the same RUN with `rm -rf /var/lib/apt/lists/*`.',
  ]);
});

test('DL3009: also apt and aptitude, and a path to apt-get', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt update && apt install -y curl\n', 'DL3009'), ['2:5-2:15']);
  assert.deepEqual(findings('FROM debian:12\nRUN aptitude -q update\n', 'DL3009'), ['2:5-2:23']);
  assert.deepEqual(findings('FROM debian:12\nRUN /usr/bin/apt-get update\n', 'DL3009'), ['2:5-2:28']);
});

test('DL3009: quiet with a cleanup in the same RUN', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', 'DL3009'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -fr /var/lib/apt/lists\n', 'DL3009'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -r /var/lib/apt/lists/*\n', 'DL3009'), []);
  // hadolint accepts any `rm -rf`
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /tmp/build\n', 'DL3009'), []);
  assert.deepEqual(findings('FROM debian:13\nRUN set -eux; apt-get update; apt-get install -y curl; apt-get dist-clean\n', 'DL3009'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get clean\n', 'DL3009'), ['2:5-2:19']);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y curl\n', 'DL3009'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN echo apt-get update\n', 'DL3009'), []);
});

test('DL3009: a cleanup in a later RUN does not count', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n', 'DL3009'), ['2:5-2:19']);
});

test('DL3009: quiet with a cache or tmpfs mount on the lists, or on both apt directories', () => {
  const run = (flags: string) => `FROM debian:12\nRUN ${flags} apt-get update && apt-get install -y curl\n`;
  assert.deepEqual(findings(run('--mount=type=cache,target=/var/lib/apt/lists'), 'DL3009'), []);
  assert.deepEqual(findings(run('--mount=type=tmpfs,dst=/var/lib/apt/lists'), 'DL3009'), []);
  assert.deepEqual(findings(run('--mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt,sharing=locked'), 'DL3009'), []);
  assert.deepEqual(findings(run('--mount=type=cache,target=/var/cache/apt'), 'DL3009'), ['2:46-2:60']);
  assert.deepEqual(findings(run('--mount=type=bind,target=/var/lib/apt/lists'), 'DL3009'), ['2:49-2:63']);
});

test('DL3009: only in the final stage and in stages used as a base', () => {
  const builder = 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /out /out\n';
  assert.deepEqual(findings(builder, 'DL3009'), []);
  const base = 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y gcc\nFROM base\nRUN echo hi\n';
  assert.deepEqual(findings(base, 'DL3009'), ['2:5-2:19']);
  const last = 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM debian:12\nRUN apt-get update\n';
  assert.deepEqual(findings(last, 'DL3009'), ['4:5-4:19']);
});

test('DL3009: keeps a multi-line RUN layout (leading &&)', () => {
  const text = 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n      curl\n';
  assert.deepEqual(findings(text, 'DL3009'), ['2:5-2:19']);
  assert.equal(
    fixed(text, 'DL3009'),
    'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n      curl \\\n      && rm -rf /var/lib/apt/lists/*\n',
  );
});

test('DL3009: keeps a multi-line RUN layout (trailing &&), and a comment line inside', () => {
  const text = 'FROM debian:12\nRUN apt-get update && \\\n    # tools\n    apt-get install -y curl\n';
  assert.deepEqual(findings(text, 'DL3009'), ['2:5-2:19']);
  assert.equal(fixed(text, 'DL3009'), 'FROM debian:12\nRUN apt-get update && \\\n    # tools\n    apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*\n');
  const trailing = 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n';
  assert.equal(fixed(trailing, 'DL3009'), 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*\n');
});

test('DL3009: the fix keeps CRLF line breaks', () => {
  const text = 'FROM debian:12\r\nRUN apt-get update \\\r\n    && apt-get install -y curl\r\nCMD ["bash"]\r\n';
  assert.deepEqual(findings(text, 'DL3009'), ['2:5-2:19']);
  assert.equal(
    fixed(text, 'DL3009'),
    'FROM debian:12\r\nRUN apt-get update \\\r\n    && apt-get install -y curl \\\r\n    && rm -rf /var/lib/apt/lists/*\r\nCMD ["bash"]\r\n',
  );
});

test('DL3009: the fix goes before a trailing shell comment and after a closing keyword', () => {
  assert.equal(
    fixed('FROM debian:12\nRUN apt-get update && apt-get install -y curl # tools\n', 'DL3009'),
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* # tools\n',
  );
  const ifText = 'FROM debian:12\nRUN if [ -x /usr/bin/apt-get ]; then apt-get update; fi\n';
  assert.deepEqual(findings(ifText, 'DL3009'), ['2:38-2:52']);
  assert.equal(fixed(ifText, 'DL3009'), 'FROM debian:12\nRUN if [ -x /usr/bin/apt-get ]; then apt-get update; fi && rm -rf /var/lib/apt/lists/*\n');
});

test('DL3009: no fix when the script ends with an operator', () => {
  const text = 'FROM debian:12\nRUN apt-get update;\n';
  assert.deepEqual(findings(text, 'DL3009'), ['2:5-2:19']);
  assert.throws(() => fixed(text, 'DL3009'), /has no fix/);
});

test('DL3009: heredoc RUN: joins the cleanup to the last line of the script', () => {
  const text = 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n';
  assert.deepEqual(findings(text, 'DL3009'), ['3:1-3:15']);
  assert.equal(fixed(text, 'DL3009'), 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl && rm -rf /var/lib/apt/lists/*\nEOF\n');
  const fileHeredoc = 'FROM debian:12\nRUN apt-get update && cat <<EOF > /etc/motd\nhello\nEOF\n';
  assert.deepEqual(findings(fileHeredoc, 'DL3009'), ['2:5-2:19']);
  assert.throws(() => fixed(fileHeredoc, 'DL3009'), /has no fix/);
});

test('DL3009: applies inside ONBUILD', () => {
  const text = 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl\n';
  assert.deepEqual(findings(text, 'DL3009'), ['2:13-2:27']);
  assert.equal(fixed(text, 'DL3009'), 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
});

test('DL3009: honours hadolint ignore pragmas and the rules setting', () => {
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL3009\nRUN apt-get update\n', 'DL3009'), []);
  assert.deepEqual(findings('# hadolint global ignore=DL3009\nFROM debian:12\nRUN apt-get update\n', 'DL3009'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update\n', 'DL3009', { rules: { DL3009: 'off' } }), []);
});
