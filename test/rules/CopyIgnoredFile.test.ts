import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings } from '../helpers';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';

const ID = 'CopyIgnoredFile';
const at = (text: string, dockerignore: string) => findings(text, ID, {}, undefined, dockerignore);
const messagesOf = (text: string, dockerignore: string) => lint(parseDocument(text), { rules: [findRule(ID)!], dockerignore }).map((p) => p.message);

test('CopyIgnoredFile: flags a COPY or ADD source the ignore file excludes, on the source', () => {
  assert.deepEqual(at('FROM alpine\nCOPY secret.txt app.py /app/\nADD .env /app/\n', 'secret.txt\n.env\n'), ['2:6-2:16', '3:5-3:9']);
  assert.deepEqual(messagesOf('FROM alpine\nCOPY secret.txt /app/\n', '# keep it out\nsecret.txt\n'), [
    '`secret.txt` is excluded from the build context by the .dockerignore pattern `secret.txt`, so this COPY cannot see it.',
  ]);
  assert.deepEqual(messagesOf('FROM alpine\nADD ./config/app.yaml /etc/\n', 'config/\n'), [
    '`./config/app.yaml` is excluded from the build context by the .dockerignore pattern `config`, so this ADD cannot see it.',
  ]);
});

test('CopyIgnoredFile: a source inside an excluded folder, patterns with wildcards, leading slashes', () => {
  assert.deepEqual(at('FROM alpine\nCOPY node_modules/x/index.js /app/\n', 'node_modules\n'), ['2:6-2:29']);
  assert.deepEqual(at('FROM alpine\nCOPY docs/guide/intro.md /d/\nCOPY README.md /d/\n', '**/*.md\n'), ['2:6-2:25', '3:6-3:15']);
  assert.deepEqual(at('FROM alpine\nCOPY /build/out.bin /usr/bin/\n', '/build\n'), ['2:6-2:20']);
  assert.deepEqual(at('FROM alpine\nCOPY ["secret dir/a.txt", "/x/"]\n', 'secret dir\n'), ['2:7-2:25']);
});

test('CopyIgnoredFile: near misses stay quiet', () => {
  // Only the excluded folder, not its siblings; `*` stays within one folder.
  assert.deepEqual(at('FROM alpine\nCOPY builder/x /x\nCOPY src/app.log /x\n', 'build\n*.log\n'), []);
  // Wildcard sources are compared as written.
  assert.deepEqual(at('FROM alpine\nCOPY *.json /app/\n', 'package-lock.json\n'), []);
  assert.deepEqual(at('FROM alpine\nCOPY *.json /app/\n', '*.json\n'), ['2:6-2:12']);
});

test('CopyIgnoredFile: . and / only when a pattern excludes everything', () => {
  assert.deepEqual(at('FROM alpine\nCOPY . /app/\n', '.*\n?\nnode_modules\n'), []);
  assert.deepEqual(at('FROM alpine\nCOPY . /app/\nCOPY / /b/\nCOPY ./ /c/\n', '**\n'), ['2:6-2:7', '3:6-3:7', '4:6-4:8']);
  assert.deepEqual(at('FROM alpine\nCOPY . /app/\n', '*\n'), ['2:6-2:7']);
  assert.deepEqual(messagesOf('FROM alpine\nCOPY . /app/\n', '**/*\n'), [
    '`.` is the whole build context, and the .dockerignore pattern `**/*` excludes everything in it; this COPY gets nothing from the context.',
  ]);
});

test('CopyIgnoredFile: ! exceptions, a malformed or empty file, or no file at all: silent', () => {
  assert.deepEqual(at('FROM alpine\nCOPY docs/a.md /d/\n', 'docs\n!docs/keep.md\n'), []);
  assert.deepEqual(at('FROM alpine\nCOPY docs/a.md /d/\n', 'docs\nlog[0-9\n'), []);
  assert.deepEqual(at('FROM alpine\nCOPY docs/a.md /d/\n', '# nothing\n\n'), []);
  assert.deepEqual(findings('FROM alpine\nCOPY secret.txt /x\n', ID), []);
});

test('CopyIgnoredFile: not for --from, URLs, git, heredocs, outside paths or ONBUILD', () => {
  const ignore = '*\n';
  assert.deepEqual(at('FROM alpine AS a\nFROM alpine\nCOPY --from=a secret.txt /x\n', 'secret.txt\n'), []);
  assert.deepEqual(at('FROM alpine\nADD https://example.com/a.tgz /x/\nADD git@github.com:o/r.git /src\n', ignore), []);
  assert.deepEqual(at('FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF\n', ignore), []);
  assert.deepEqual(at('FROM alpine\nCOPY ../shared /x\n', ignore), []);
  assert.deepEqual(at('FROM alpine\nONBUILD COPY app.py /app/\n', ignore), []);
});

test('CopyIgnoredFile: variables with known values are expanded; unknown ones skip the source', () => {
  assert.deepEqual(at('FROM alpine\nARG DIR=config\nCOPY $DIR/app.yaml /etc/\n', 'config\n'), ['3:6-3:19']);
  assert.deepEqual(messagesOf('FROM alpine\nENV DIR=config\nCOPY ${DIR}/ /etc/\n', 'config\n'), [
    '`${DIR}/` (`config/`) is excluded from the build context by the .dockerignore pattern `config`, so this COPY cannot see it.',
  ]);
  assert.deepEqual(at('FROM alpine\nARG DIR\nCOPY $DIR/app.yaml /etc/\n', 'config\n'), []);
});

test('CopyIgnoredFile: silenced by check=skip', () => {
  assert.deepEqual(at('# check=skip=CopyIgnoredFile\nFROM alpine\nCOPY secret.txt /x\n', 'secret.txt\n'), []);
});
