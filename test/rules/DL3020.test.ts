import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';

function fixOf(text: string) {
  return lint(parseDocument(text), { rules: [findRule('DL3020')!] })[0]?.fix;
}

test('DL3020: flags ADD of local files, on the keyword', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nADD app.py /app/\n', 'DL3020'), ['2:1-2:4']);
  assert.deepEqual(messages('FROM alpine:3.20\nADD app.py /app/\n', 'DL3020'), [
    '`ADD app.py` copies a plain file or directory; use COPY, which does only that (ADD also downloads URLs and unpacks archives).',
  ]);
  assert.deepEqual(findings('FROM alpine:3.20\nADD ["src/", "/app/src/"]\n', 'DL3020'), ['2:1-2:4']);
  // one plain source among archives is enough
  assert.deepEqual(findings('FROM alpine:3.20\nADD rootfs.tar.gz notes.txt /\n', 'DL3020'), ['2:1-2:4']);
  // a git source in scp form is not an http(s) URL
  assert.deepEqual(findings('FROM alpine:3.20\nADD git@github.com:org/repo.git /src\n', 'DL3020'), ['2:1-2:4']);
});

test('DL3020: quiet for archives and http(s) URLs, and for COPY', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nADD rootfs.tar.gz /\nADD "data.tar.xz" vendor.tgz /opt/\n', 'DL3020'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nADD https://example.com/tool /usr/local/bin/tool\nADD http://example.com/a.txt /a.txt\n', 'DL3020'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nCOPY app.py /app/\n', 'DL3020'), []);
});

test('DL3020: a heredoc body is not a path', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nADD <<EOF /etc/motd\nhello.tar.gz\nEOF\n', 'DL3020'), ['2:1-2:4']);
  assert.equal(fixed('FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n', 'DL3020'), 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\n');
});

test('DL3020: the fix changes the keyword only, keeps its case, and is safe for plain local paths', () => {
  assert.equal(fixed('FROM alpine:3.20\nADD --chown=app:app \\\n    src/ /app/src/\n', 'DL3020'), 'FROM alpine:3.20\nCOPY --chown=app:app \\\n    src/ /app/src/\n');
  assert.equal(fixed('from alpine:3.20\nadd app.py /app/\n', 'DL3020'), 'from alpine:3.20\ncopy app.py /app/\n');
  assert.equal(fixed('FROM alpine:3.20\r\nADD app.py /app/\r\n', 'DL3020'), 'FROM alpine:3.20\r\nCOPY app.py /app/\r\n');
  assert.equal(fixed('FROM alpine:3.20\nONBUILD ADD . /app/\n', 'DL3020'), 'FROM alpine:3.20\nONBUILD COPY . /app/\n');
  assert.equal(fixOf('FROM alpine:3.20\nADD app.py /app/\n')?.safe, true);
});

test('DL3020: a variable source is judged by its known value', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nARG URL=https://example.com/v${VERSION}/tool.zip\nADD ${URL} /tmp/tool.zip\n', 'DL3020'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nARG PKG=vendor.tgz\nADD $PKG /opt/\n', 'DL3020'), []);
  // unknown: a plain path for hadolint, but no fix (it may be a URL)
  assert.deepEqual(messages('FROM alpine:3.20\nARG URL\nADD ${URL} /tmp/tool\n', 'DL3020'), [
    '`ADD ${URL}` copies a plain file or directory; use COPY, which does only that (ADD also downloads URLs and unpacks archives).',
  ]);
  assert.equal(fixOf('FROM alpine:3.20\nARG URL\nADD ${URL} /tmp/tool\n'), undefined);
});

test('DL3020: the fix needs a review when a source comes from a variable (the build may pass another value)', () => {
  assert.equal(fixOf('FROM alpine:3.20\nARG JAR=app.jar\nADD $JAR /app/\n')?.safe, false);
});

test('DL3020: no fix when ADD would do more than COPY', () => {
  assert.equal(fixOf('FROM alpine:3.20\nADD rootfs.tar.gz notes.txt /\n'), undefined);
  assert.equal(fixOf('FROM alpine:3.20\nADD git@github.com:org/repo.git /src\n'), undefined);
  assert.equal(fixOf('FROM alpine:3.20\nADD data.tar.zst /data/\n'), undefined);
  assert.equal(fixOf('FROM alpine:3.20\nADD --keep-git-dir=true repo /src\n'), undefined);
});

test('DL3020: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM alpine:3.20\n# hadolint ignore=DL3020\nADD app.py /app/\n', 'DL3020'), []);
});
