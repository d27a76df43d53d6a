import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3046: flags useradd with a UID of six digits or more and no -l, on `useradd`, and inserts -l', () => {
  const text = 'FROM debian:12\nRUN useradd -u 1000001 app\n';
  assert.deepEqual(findings(text, 'DL3046'), ['2:5-2:12']);
  assert.equal(fixed(text, 'DL3046'), 'FROM debian:12\nRUN useradd -l -u 1000001 app\n');
  assert.deepEqual(messages(text, 'DL3046'), [
    '`useradd` with the high UID 1000001 and without `-l` writes a sparse /var/log/lastlog and faillog sized by the UID, which can add gigabytes to the layer.',
  ]);
});

test('DL3046: every way of writing the UID', () => {
  for (const args of ['--uid 123456 app', '--uid=123456 app', '-u123456 app', '-mu 123456 app', '-m -s /bin/bash -u 123456 app', '-ms /bin/bash -u 123456 app']) {
    assert.deepEqual(findings(`FROM debian:12\nRUN useradd ${args}\n`, 'DL3046'), ['2:5-2:12'], args);
  }
});

test('DL3046: quiet with -l/--no-log-init, with a UID of five digits or less, without a UID', () => {
  for (const args of ['-l -u 1000001 app', '-lu 1000001 app', '--no-log-init --uid 1000001 app', '-u 99999 app', '-u 1000 app', '-m app',
    '-s /bin/bash -c 1234567 app']) {
    assert.deepEqual(findings(`FROM debian:12\nRUN useradd ${args}\n`, 'DL3046'), [], args);
  }
  assert.deepEqual(findings('FROM debian:12\nRUN adduser -u 1000001 app\n', 'DL3046'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN sh -c "useradd -u 1000001 app"\n', 'DL3046'), []);
});

test('DL3046: a UID from a variable counts with its ARG or ENV value; unknown values are not judged', () => {
  const text = 'FROM debian:12\nARG UID=1000001\nRUN useradd -u ${UID} app\n';
  assert.deepEqual(findings(text, 'DL3046'), ['3:5-3:12']);
  assert.match(messages(text, 'DL3046')[0], /high UID 1000001 /);
  assert.deepEqual(findings('FROM debian:12\nENV UID=1000\nRUN useradd -u "$UID" app\n', 'DL3046'), []);
  assert.deepEqual(findings('FROM debian:12\nARG UID\nRUN useradd -u $UID app\n', 'DL3046'), []);
});

test('DL3046: the fix keeps CRLF and continuation lines; ONBUILD and heredoc RUN', () => {
  assert.equal(
    fixed('FROM debian:12\r\nRUN useradd \\\r\n    -u 1000001 app\r\n', 'DL3046'),
    'FROM debian:12\r\nRUN useradd -l \\\r\n    -u 1000001 app\r\n',
  );
  assert.deepEqual(findings('FROM debian:12\nONBUILD RUN useradd -u 1000001 app\n', 'DL3046'), ['2:13-2:20']);
  assert.deepEqual(findings('FROM debian:12\nRUN <<EOF\nuseradd -u 1000001 app\nEOF\n', 'DL3046'), ['3:1-3:8']);
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL3046\nRUN useradd -u 1000001 app\n', 'DL3046'), []);
});
