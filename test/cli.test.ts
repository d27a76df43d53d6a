import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../server/src/cli/main';

function cli(argv: string[], opts: { cwd?: string; stdin?: string } = {}) {
  let out = '';
  let err = '';
  const code = run(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readStdin: () => opts.stdin ?? '',
    cwd: opts.cwd ?? process.cwd(),
    color: false,
    version: '9.9.9',
  });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'dx-cli-'));
writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:12\nRUN apt-get install -y curl\n');
writeFileSync(join(dir, 'clean.Dockerfile'), 'FROM scratch\nCOPY app /app\n');

test('tty output: file:line:col CODE level: message, the source line and a caret under the range', () => {
  const r = cli(['lint', 'Dockerfile'], { cwd: dir });
  assert.equal(r.code, 0);
  const dl3015 = r.out.split('\n').findIndex((l) => l.startsWith('Dockerfile:2:5 DL3015 info: '));
  assert.ok(dl3015 >= 0, r.out);
  const lines = r.out.split('\n');
  assert.equal(lines[dl3015 + 1], '  2 | RUN apt-get install -y curl');
  assert.equal(lines[dl3015 + 2], '    |     ^^^^^^^^^^^^^^^  (fix: Add --no-install-recommends)');
});

test('json output is one array in hadolint shape plus endLine, endColumn, fixable', () => {
  const r = cli(['lint', '--format', 'json', 'Dockerfile', 'clean.Dockerfile'], { cwd: dir });
  const items = JSON.parse(r.out) as Array<Record<string, unknown>>;
  const item = items.find((i) => i.code === 'DL3015');
  assert.deepEqual(item, {
    file: 'Dockerfile',
    line: 2,
    column: 5,
    endLine: 2,
    endColumn: 20,
    code: 'DL3015',
    level: 'info',
    message: '`apt-get install` without `--no-install-recommends` also installs every recommended package.',
    fixable: true,
  });
  assert.equal(items.filter((i) => i.file === 'clean.Dockerfile' && i.code === 'DL3015').length, 0);
});

test('exit 1 when a finding is at error level (override via --config)', () => {
  writeFileSync(join(dir, 'strict.yaml'), 'override:\n  error: [DL3015]\n');
  const r = cli(['lint', '--config', 'strict.yaml', '--format=json', 'Dockerfile'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.equal((JSON.parse(r.out) as Array<{ code: string; level: string }>).find((i) => i.code === 'DL3015')?.level, 'error');
});

test('the nearest .hadolint.yaml is used without --config', () => {
  const sub = join(dir, 'svc');
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'Dockerfile'), 'FROM debian:12\nRUN apt-get install -y curl\n');
  writeFileSync(join(sub, '.hadolint.yaml'), 'ignored: [DL3015]\n');
  const r = cli(['lint', '--format', 'json', 'svc/Dockerfile'], { cwd: dir });
  assert.deepEqual((JSON.parse(r.out) as Array<{ code: string }>).filter((i) => i.code === 'DL3015'), []);
});

test('reads stdin with -', () => {
  const r = cli(['lint', '--format', 'json', '-'], { stdin: 'FROM debian:12\nRUN apt-get install -y curl\n' });
  assert.equal((JSON.parse(r.out) as Array<{ file: string; code: string }>).filter((i) => i.code === 'DL3015')[0].file, '-');
});

test('usage errors and unreadable files exit 2 with a message', () => {
  assert.equal(cli(['lint']).code, 2);
  assert.match(cli(['lint']).err, /no Dockerfile given/);
  assert.equal(cli(['lint', '--format', 'xml', 'x']).code, 2);
  assert.equal(cli(['lint', '--bogus', 'x']).code, 2);
  assert.equal(cli(['frobnicate']).code, 2);
  const missing = cli(['lint', 'nope/Dockerfile'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\/Dockerfile: no such file/);
  writeFileSync(join(dir, 'bad.yaml'), 'ignored: [DL3008\n');
  const bad = cli(['lint', '--config', 'bad.yaml', 'Dockerfile'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.err, /bad\.yaml: not valid YAML/);
  assert.equal(cli(['lint', 'svc'], { cwd: dir }).code, 2);
});

test('tour prints each instruction with its explanation; --version', () => {
  const r = cli(['tour', 'Dockerfile'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.out, /^ {3}1 {2}FROM debian:12\n {6}FROM: Starts a new build stage/);
  assert.equal(cli(['--version']).out, '9.9.9\n');
});
