/** `lint --fix` (write the safe fixes), `--fix --dry-run` (print them as a diff) and the diff itself. */
import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tree, brief } from './run';
import { nodeFs, type CliFs } from '../../server/src/cli/files';
import { unifiedDiff } from '../../server/src/cli/diff';

const FLAWED = [
  'FROM debian:12 as build',
  'RUN apt-get update && apt-get install curl',
  'MAINTAINER me@example.com',
  'ENV A b',
  'RUN pip install flask',
  '',
].join('\n');

const FIXED = [
  'FROM debian:12 AS build',
  'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
  'LABEL org.opencontainers.image.authors="me@example.com"',
  'ENV A=b',
  'RUN pip install --no-cache-dir flask',
  '',
].join('\n');

test('lint --fix writes the safe fixes into the file, then reports what remains', () => {
  const root = tree({ Dockerfile: FLAWED });
  const r = cli(['lint', '--fix', '-f', 'json', 'Dockerfile'], { cwd: root });
  assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), FIXED);
  assert.equal(r.code, 0);
  // Line numbers are the fixed file's; DL3015's fix needs review, so it is left to the user.
  assert.deepEqual(brief(r), ['Dockerfile:2 DL3015 info', 'Dockerfile:2 DL3008 warning', 'Dockerfile:5 DL3013 warning']);
  assert.equal(r.err, 'dockerfile-explained lint: Dockerfile: applied 6 fixes\n');
  // Nothing safe is left: a second run leaves the file as it is and says nothing on stderr.
  const again = cli(['lint', '--fix', '-f', 'json', 'Dockerfile'], { cwd: root });
  assert.equal(again.err, '');
  assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), FIXED);
});

test('lint --fix keeps CRLF line breaks and a missing final newline', () => {
  const root = tree({ 'a.Dockerfile': 'FROM debian:12\r\nRUN apt-get install curl \\\r\n    git\r\nENV A b' });
  cli(['lint', '--fix', 'a.Dockerfile'], { cwd: root });
  assert.equal(readFileSync(join(root, 'a.Dockerfile'), 'utf8'), 'FROM debian:12\r\nRUN apt-get install -y curl \\\r\n    git\r\nENV A=b');
});

test('lint --fix repeats until no safe fix is left (two fixes on one word)', () => {
  // The keyword's casing goes first; MAINTAINER → LABEL follows on the next pass.
  const root = tree({ Dockerfile: 'FROM debian:12\nmaintainer me@example.com\nRUN echo hi\n' });
  const r = cli(['lint', '--fix', 'Dockerfile'], { cwd: root });
  assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), 'FROM debian:12\nLABEL org.opencontainers.image.authors="me@example.com"\nRUN echo hi\n');
  assert.equal(r.out, '');
  assert.equal(r.err, 'dockerfile-explained lint: Dockerfile: applied 2 fixes\n');
});

test('lint --fix leaves alone what is ignored: .hadolint.yaml, --ignore, # hadolint ignore=', () => {
  const text = 'FROM debian:12\n# hadolint ignore=DL3042\nRUN pip install flask\nENV A b\nRUN apt-get update && apt-get install -y curl\n';
  const root = tree({ 'a/Dockerfile': text, 'a/.hadolint.yaml': 'ignored: [LegacyKeyValueFormat, DL3009]\n', 'b/Dockerfile': text });
  cli(['lint', '--fix', 'a/Dockerfile'], { cwd: root });
  assert.equal(readFileSync(join(root, 'a', 'Dockerfile'), 'utf8'), text);
  // --ignore replaces the configuration's list, as in hadolint.
  cli(['lint', '--fix', '--ignore', 'DL3009', 'b/Dockerfile'], { cwd: root });
  assert.equal(readFileSync(join(root, 'b', 'Dockerfile'), 'utf8'), text.replace('ENV A b', 'ENV A=b'));
});

test('lint --fix --dry-run prints a unified diff and writes nothing; the report goes to stderr', () => {
  const root = tree({ Dockerfile: FLAWED, 'clean.Dockerfile': 'FROM scratch\nCOPY app /app\n' });
  const r = cli(['lint', '--fix', '--dry-run', '-f', 'json', 'Dockerfile', 'clean.Dockerfile'], { cwd: root });
  assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), FLAWED);
  assert.equal(
    r.out,
    [
      '--- Dockerfile',
      '+++ Dockerfile',
      '@@ -1,5 +1,5 @@',
      '-FROM debian:12 as build',
      '-RUN apt-get update && apt-get install curl',
      '-MAINTAINER me@example.com',
      '-ENV A b',
      '-RUN pip install flask',
      '+FROM debian:12 AS build',
      '+RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      '+LABEL org.opencontainers.image.authors="me@example.com"',
      '+ENV A=b',
      '+RUN pip install --no-cache-dir flask',
      '',
    ].join('\n'),
  );
  assert.match(r.err, /^dockerfile-explained lint: Dockerfile: would apply 6 fixes\n\[/);
  assert.equal(r.code, 0);
});

test('lint --fix with - prints the fixed text on stdout and the report on stderr', () => {
  const r = cli(['lint', '--fix', '-'], { stdin: 'FROM debian:12\nENV A b\nRUN apt-get install -y curl\n' });
  assert.equal(r.out, 'FROM debian:12\nENV A=b\nRUN apt-get install -y curl\n');
  assert.match(r.err, /^dockerfile-explained lint: -: applied 1 fix\n-:3:5 DL3015 info: /);
  // Nothing to fix: the text comes back as it was.
  assert.equal(cli(['lint', '--fix', '-'], { stdin: 'FROM scratch\n' }).out, 'FROM scratch\n');
  // --dry-run wins: a diff of standard input.
  const d = cli(['lint', '--fix', '--dry-run', '--file-path-in-report', 'svc/Dockerfile', '-'], { stdin: 'FROM debian:12\nENV A b' });
  assert.equal(d.out, '--- svc/Dockerfile\n+++ svc/Dockerfile\n@@ -1,2 +1,2 @@\n FROM debian:12\n-ENV A b\n\\ No newline at end of file\n+ENV A=b\n\\ No newline at end of file\n');
});

test('lint --fix: a file that cannot be written is an error (exit 2), the others are still fixed and reported', () => {
  const root = tree({ 'a/Dockerfile': 'FROM debian:12\nENV A b\n', 'b/Dockerfile': 'FROM debian:12\nENV A b\n' });
  const readOnlyA: CliFs = {
    ...nodeFs,
    writeFile(path, text) {
      if (path.endsWith(join('a', 'Dockerfile'))) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      nodeFs.writeFile(path, text);
    },
  };
  const r = cli(['lint', '--fix', '-f', 'json', 'a/Dockerfile', 'b/Dockerfile'], { cwd: root, fs: readOnlyA });
  assert.equal(r.code, 2);
  assert.equal(r.err, 'dockerfile-explained lint: a/Dockerfile: cannot be written (EACCES: permission denied)\ndockerfile-explained lint: b/Dockerfile: applied 1 fix\n');
  assert.equal(readFileSync(join(root, 'a', 'Dockerfile'), 'utf8'), 'FROM debian:12\nENV A b\n');
  assert.equal(readFileSync(join(root, 'b', 'Dockerfile'), 'utf8'), 'FROM debian:12\nENV A=b\n');
});

test('--dry-run needs --fix', () => {
  const r = cli(['lint', '--dry-run', 'Dockerfile']);
  assert.equal(r.code, 2);
  assert.match(r.err, /^dockerfile-explained lint: --dry-run goes with --fix\n/);
  assert.match(cli(['--help']).out, /--fix {22}apply every safe fix/);
});

test('unified diff: 3 lines of context, nearby changes share a hunk, distant ones do not', () => {
  const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
  const b = a.replace('line 2\n', 'line two\n').replace('line 5\n', '').replace('line 18\n', 'line 18\nline 18½\n');
  assert.equal(
    unifiedDiff(a, b, 'a', 'b'),
    [
      '--- a',
      '+++ b',
      '@@ -1,8 +1,7 @@',
      ' line 1',
      '-line 2',
      '+line two',
      ' line 3',
      ' line 4',
      '-line 5',
      ' line 6',
      ' line 7',
      ' line 8',
      '@@ -16,5 +15,6 @@',
      ' line 16',
      ' line 17',
      ' line 18',
      '+line 18½',
      ' line 19',
      ' line 20',
      '',
    ].join('\n'),
  );
  assert.equal(unifiedDiff(a, a, 'a', 'b'), '');
});

test('unified diff: CRLF lines keep their CR, an empty side is written n,0, a final line without newline is marked', () => {
  assert.equal(unifiedDiff('x\r\ny\r\n', 'x\r\nz\r\n', 'a', 'b'), '--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\r\n-y\r\n+z\r\n');
  assert.equal(unifiedDiff('', 'new\n', 'a', 'b'), '--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n');
  assert.equal(unifiedDiff('a\nb', 'a\nb\n', 'a', 'b'), '--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
});
