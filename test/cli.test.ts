import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, tree, brief } from './cli/run';
import { findRule } from '../server/src/rules';

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
  // A directory is walked now; one without a Dockerfile in it is an error.
  mkdirSync(join(dir, 'empty'), { recursive: true });
  const empty = cli(['lint', 'empty'], { cwd: dir });
  assert.equal(empty.code, 2);
  assert.match(empty.err, /empty: no Dockerfile found in this directory/);
});

test('tour prints each instruction with its explanation; --version', () => {
  const r = cli(['tour', 'Dockerfile'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.out, /^ {3}1 {2}FROM debian:12\n {6}FROM: Starts a new build stage/);
  assert.equal(cli(['--version']).out, '9.9.9\n');
});

// ---- exit status and every lint flag ------------------------------------------------------

/** DL3015 (info) and DL3008 (warning) on line 2. */
const WARN = 'FROM debian:12\nRUN apt-get install -y curl\n';
/** DL3015 (info) only. */
const INFO = 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n';
/** DL4000 (error) on line 2, then DL3015 and DL3008 on line 3. */
const ERROR = 'FROM debian:12\nMAINTAINER x\nRUN apt-get install -y curl\n';

test('the default failure threshold is error: warnings and infos alone exit 0, an error exits 1', () => {
  const root = tree({ 'warn/Dockerfile': WARN, 'error/Dockerfile': ERROR });
  const warn = cli(['lint', '-f', 'json', 'warn/Dockerfile'], { cwd: root });
  assert.deepEqual(brief(warn), ['warn/Dockerfile:2 DL3015 info', 'warn/Dockerfile:2 DL3008 warning']);
  assert.equal(warn.code, 0);
  const error = cli(['lint', '-f', 'json', 'error/Dockerfile'], { cwd: root });
  assert.deepEqual(brief(error), ['error/Dockerfile:2 DL4000 error', 'error/Dockerfile:3 DL3015 info', 'error/Dockerfile:3 DL3008 warning']);
  assert.equal(error.code, 1);
});

test('-t/--failure-threshold: exit 1 for a finding at or above the level; none and ignore never fail', () => {
  const root = tree({ 'Dockerfile': INFO, 'error.Dockerfile': ERROR });
  const code = (...args: string[]) => cli(['lint', ...args], { cwd: root }).code;
  assert.deepEqual(brief(cli(['lint', '-f', 'json', 'Dockerfile'], { cwd: root })), ['Dockerfile:2 DL3015 info']);
  assert.equal(code('Dockerfile'), 0);
  assert.equal(code('-t', 'error', 'Dockerfile'), 0);
  assert.equal(code('-t', 'warning', 'Dockerfile'), 0);
  assert.equal(code('-t', 'info', 'Dockerfile'), 1);
  assert.equal(code('--failure-threshold', 'style', 'Dockerfile'), 1);
  assert.equal(code('--failure-threshold=info', 'Dockerfile'), 1);
  assert.equal(code('-t', 'info', '--style', 'DL3015', 'Dockerfile'), 0);
  assert.equal(code('-t', 'style', '--style', 'DL3015', 'Dockerfile'), 1);
  assert.equal(code('-t', 'none', 'error.Dockerfile'), 0);
  assert.equal(code('-t', 'ignore', 'error.Dockerfile'), 0);
  assert.equal(code('-t', 'error', 'error.Dockerfile'), 1);
  const bad = cli(['lint', '-t', 'fatal', 'Dockerfile'], { cwd: root });
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--failure-threshold must be one of error, warning, info, style, ignore, none, not "fatal"/);
});

test('--no-fail exits 0 whatever is found; a config file\'s no-fail and failure-threshold apply, and flags win', () => {
  const root = tree({
    'error.Dockerfile': ERROR,
    'warn.Dockerfile': WARN,
    'nofail.yaml': 'no-fail: true\n',
    'warning.yaml': 'failure-threshold: warning\n',
    'badnofail.yaml': 'no-fail: maybe\n',
    // `info` is also HadolintConfig's default threshold: only the key in the file makes it count.
    'strict/.hadolint.yaml': 'failure-threshold: info\n',
    'strict/Dockerfile': INFO,
    'lenient/Dockerfile': INFO,
  });
  const run = (...args: string[]) => cli(['lint', ...args], { cwd: root });
  const noFail = run('-f', 'json', '--no-fail', 'error.Dockerfile');
  assert.equal(noFail.code, 0);
  assert.deepEqual(brief(noFail)[0], 'error.Dockerfile:2 DL4000 error');
  assert.equal(run('-c', 'nofail.yaml', 'error.Dockerfile').code, 0);
  assert.equal(run('warn.Dockerfile').code, 0);
  assert.equal(run('-c', 'warning.yaml', 'warn.Dockerfile').code, 1);
  assert.equal(run('-c', 'warning.yaml', '-t', 'error', 'warn.Dockerfile').code, 0);
  assert.equal(run('strict/Dockerfile').code, 1);
  assert.equal(run('lenient/Dockerfile').code, 0);
  assert.equal(run('-t', 'warning', 'strict/Dockerfile').code, 0);
  const bad = run('-c', 'badnofail.yaml', 'warn.Dockerfile');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /badnofail\.yaml: no-fail must be true or false/);
  assert.equal(bad.out, '');
  const missing = run('--config', 'nope.yaml', 'warn.Dockerfile');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\.yaml: cannot be read/);
});

test('--ignore drops a rule and replaces the config file\'s ignored list (as in hadolint); unknown names warn', () => {
  const root = tree({ '.hadolint.yaml': 'ignored: [DL3015]\n', 'Dockerfile': WARN });
  const run = (...args: string[]) => cli(['lint', '-f', 'json', ...args, 'Dockerfile'], { cwd: root });
  assert.deepEqual(brief(run()), ['Dockerfile:2 DL3008 warning']);
  assert.deepEqual(brief(run('--ignore', 'DL3008')), ['Dockerfile:2 DL3015 info']);
  assert.deepEqual(brief(run('--ignore', 'DL3008', '--ignore=DL3015')), []);
  const unknown = run('--ignore', 'DL9999', '--ignore', 'SC2086');
  assert.equal(unknown.err, 'dockerfile-explained lint: warning: --ignore DL9999: no rule has this code or name\n');
  assert.equal(unknown.code, 0);
});

test('--error/--warning/--info/--style set a rule\'s level, win over the file\'s override; the last flag wins', () => {
  const root = tree({ '.hadolint.yaml': 'override:\n  style: [DL3008]\n', 'Dockerfile': WARN });
  const run = (...args: string[]) => cli(['lint', '-f', 'json', ...args, 'Dockerfile'], { cwd: root });
  assert.deepEqual(brief(run()), ['Dockerfile:2 DL3015 info', 'Dockerfile:2 DL3008 style']);
  const error = run('--error', 'DL3015');
  assert.deepEqual(brief(error), ['Dockerfile:2 DL3015 error', 'Dockerfile:2 DL3008 style']);
  assert.equal(error.code, 1);
  assert.deepEqual(brief(run('--warning', 'DL3008')), ['Dockerfile:2 DL3015 info', 'Dockerfile:2 DL3008 warning']);
  assert.deepEqual(brief(run('--info', 'DL3008', '--style', 'DL3015')), ['Dockerfile:2 DL3015 style', 'Dockerfile:2 DL3008 info']);
  const last = run('--error', 'DL3015', '--info=DL3015');
  assert.deepEqual(brief(last), ['Dockerfile:2 DL3015 info', 'Dockerfile:2 DL3008 style']);
  assert.equal(last.code, 0);
});

test('--trusted-registry, --require-label and --strict-labels feed DL3026, DL3049 and DL3050', () => {
  const root = tree({ 'Dockerfile': 'FROM docker.io/library/debian:12\nLABEL foo=bar\n', 'trusted.yaml': 'trustedRegistries: [docker.io]\n' });
  const run = (...args: string[]) => cli(['lint', '-f', 'json', ...args, 'Dockerfile'], { cwd: root });
  assert.deepEqual(brief(run()), []);
  const untrusted = run('--trusted-registry', 'registry.example.com');
  assert.deepEqual(brief(untrusted), ['Dockerfile:1 DL3026 error']);
  assert.equal(untrusted.code, 1);
  assert.deepEqual(brief(run('--trusted-registry', 'registry.example.com', '--trusted-registry', 'docker.io')), []);
  // The file's registries and the flag's are both trusted.
  assert.deepEqual(brief(run('-c', 'trusted.yaml', '--trusted-registry', 'registry.example.com')), []);
  assert.deepEqual(brief(run('--require-label', 'maintainer:text')), ['Dockerfile:1 DL3049 info']);
  assert.deepEqual(brief(run('--require-label', 'foo:text', '--strict-labels')), []);
  assert.deepEqual(brief(run('--require-label', 'maintainer:text', '--strict-labels')), ['Dockerfile:1 DL3049 info', 'Dockerfile:2 DL3050 info']);
  for (const bad of ['maintainer', 'maintainer:colour', ':text']) {
    const r = run('--require-label', bad);
    assert.equal(r.code, 2, bad);
    assert.match(r.err, /--require-label takes LABEL:TYPE with TYPE one of text, url, semver, hash, rfc3339, spdx, email/);
  }
});

test('--disable-ignore-pragma reports what # hadolint ignore= comments hide', () => {
  const root = tree({ 'Dockerfile': 'FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install -y curl=7.88.1-10\n' });
  assert.deepEqual(brief(cli(['lint', '-f', 'json', 'Dockerfile'], { cwd: root })), []);
  assert.deepEqual(brief(cli(['lint', '-f', 'json', '--disable-ignore-pragma', 'Dockerfile'], { cwd: root })), ['Dockerfile:3 DL3015 info']);
});

test('stdin with --file-path-in-report: reports use that path, and its folder\'s .hadolint.yaml applies', () => {
  const root = tree({ 'svc/.hadolint.yaml': 'ignored: [DL3008]\n', 'tmp/Dockerfile': WARN, 'tmp/other.Dockerfile': WARN });
  assert.deepEqual(brief(cli(['lint', '-f', 'json', '-'], { cwd: root, stdin: WARN })), ['-:2 DL3015 info', '-:2 DL3008 warning']);
  const named = cli(['lint', '-f', 'json', '--file-path-in-report', 'svc/Dockerfile', '-'], { cwd: root, stdin: WARN });
  assert.deepEqual(brief(named), ['svc/Dockerfile:2 DL3015 info']);
  // One file read from elsewhere (hadolint's use: a Dockerfile mounted into a container).
  const file = cli(['lint', '-f', 'json', '--file-path-in-report=svc/Dockerfile', 'tmp/Dockerfile'], { cwd: root });
  assert.deepEqual(brief(file), ['svc/Dockerfile:2 DL3015 info']);
  const two = cli(['lint', '--file-path-in-report', 'x', 'tmp/Dockerfile', 'tmp/other.Dockerfile'], { cwd: root });
  assert.equal(two.code, 2);
  assert.match(two.err, /--file-path-in-report names one file, but 2 were given/);
  const noStdin = cli(['lint', '-'], { cwd: root });
  assert.equal(noStdin.code, 2);
  assert.match(noStdin.err, /cannot read standard input: no stdin in this test/);
});

test('tty colours when the terminal has them, and --no-color turns them off', () => {
  const root = tree({ 'Dockerfile': WARN });
  const coloured = cli(['lint', 'Dockerfile'], { cwd: root, color: true });
  assert.ok(coloured.out.includes('Dockerfile:2:24 \x1b[1mDL3008\x1b[0m \x1b[33mwarning\x1b[0m: '), coloured.out);
  const plain = cli(['lint', '--no-color', 'Dockerfile'], { cwd: root, color: true });
  assert.ok(plain.out.includes('Dockerfile:2:24 DL3008 warning: '), plain.out);
  assert.ok(!plain.out.includes('\x1b['));
});

test('-V/--verbose says on stderr which config file each Dockerfile uses', () => {
  const root = tree({ 'a/.hadolint.yaml': 'ignored: []\n', 'a/Dockerfile': INFO });
  const r = cli(['lint', '-V', 'a/Dockerfile'], { cwd: root });
  assert.equal(r.err, `dockerfile-explained lint: a/Dockerfile: configuration from ${join(root, 'a', '.hadolint.yaml')}\n`);
  const withConfig = cli(['lint', '--verbose', '-c', 'a/.hadolint.yaml', '-'], { cwd: root, stdin: INFO });
  assert.equal(withConfig.err, `dockerfile-explained lint: -: configuration from ${join(root, 'a', '.hadolint.yaml')}\n`);
  const none = cli(['lint', '-V', '-'], { cwd: root, stdin: INFO });
  assert.equal(none.err, 'dockerfile-explained lint: -: no configuration file, defaults apply\n');
});

test('without a .hadolint.yaml above the Dockerfile, a user-level config file applies', () => {
  const root = tree({ 'home/.config/hadolint.yaml': 'ignored: [DL3008]\nfailure-threshold: info\n', 'project/Dockerfile': WARN });
  const user = join(root, 'home', '.config', 'hadolint.yaml');
  const r = cli(['lint', '-f', 'json', '-V', 'Dockerfile'], { cwd: join(root, 'project'), userConfigPaths: [join(root, 'home', 'missing.yaml'), user] });
  assert.deepEqual(brief(r), ['Dockerfile:2 DL3015 info']);
  assert.equal(r.err, `dockerfile-explained lint: Dockerfile: configuration from ${user}\n`);
  assert.equal(r.code, 1);
});

test('flag values: -fjson, -f=json, --format=json and --format json; a missing value or unknown flag exits 2', () => {
  const root = tree({ 'Dockerfile': INFO });
  for (const form of [['-fjson'], ['-f=json'], ['--format=json'], ['--format', 'json'], ['-f', 'json']]) {
    const r = cli(['lint', ...form, 'Dockerfile'], { cwd: root });
    assert.deepEqual(brief(r), ['Dockerfile:2 DL3015 info'], form.join(' '));
  }
  const missing = cli(['lint', 'Dockerfile', '--format'], { cwd: root });
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--format needs a value/);
  const xml = cli(['lint', '--format', 'xml', 'Dockerfile'], { cwd: root });
  assert.equal(xml.code, 2);
  assert.match(xml.err, /--format must be one of tty, json, sarif, checkstyle, codeclimate, gitlab_codeclimate, not "xml"/);
  const sw = cli(['lint', '--no-fail=yes', 'Dockerfile'], { cwd: root });
  assert.equal(sw.code, 2);
  assert.match(sw.err, /--no-fail takes no value/);
  // After --, everything is a file, even a name that starts with a dash.
  const dashed = tree({ '-odd.Dockerfile': INFO });
  assert.deepEqual(brief(cli(['lint', '-f', 'json', '--', '-odd.Dockerfile'], { cwd: dashed })), ['-odd.Dockerfile:2 DL3015 info']);
});

test('lint --help prints the usage, which states the default threshold differs from hadolint\'s', () => {
  const r = cli(['lint', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /The default threshold is error, so warnings, infos and style\nfindings are reported without failing the build; hadolint's default is info/);
  assert.match(r.out, /-f, --format FORMAT {12}tty \(default\), json, sarif, checkstyle, codeclimate,\n/);
});

const copyIgnored = findRule('CopyIgnoredFile');

test(
  'the .dockerignore beside the Dockerfile reaches CopyIgnoredFile; <Dockerfile>.dockerignore comes first',
  { skip: copyIgnored ? false : 'CopyIgnoredFile is not registered yet' },
  () => {
    const id = copyIgnored!.id;
    const dockerfile = 'FROM scratch\nCOPY secret.txt /x\n';
    const root = tree({
      'a/Dockerfile': dockerfile,
      'a/.dockerignore': 'secret.txt\n',
      'b/Dockerfile': dockerfile,
      'b/.dockerignore': 'secret.txt\n',
      'b/Dockerfile.dockerignore': 'other.txt\n',
      'c/Dockerfile': dockerfile,
    });
    const codes = (file: string) => brief(cli(['lint', '-f', 'json', file], { cwd: root })).filter((l) => l.includes(` ${id} `)).map((l) => l.split(' ').slice(0, 2).join(' '));
    assert.deepEqual(codes('a/Dockerfile'), [`a/Dockerfile:2 ${id}`]);
    assert.deepEqual(codes('b/Dockerfile'), []);
    assert.deepEqual(codes('c/Dockerfile'), []);
  },
);
