import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3034: flags zypper install without -n, on the command words, and puts -n before the subcommand', () => {
  const text = 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6\n';
  assert.deepEqual(findings(text, 'DL3034'), ['2:5-2:19']);
  assert.equal(fixed(text, 'DL3034'), 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6\n');
  assert.deepEqual(messages(text, 'DL3034'), ['`zypper install` without `-n` (`--non-interactive`) waits for an answer that a build cannot give, and fails.']);
});

test('DL3034: in, remove, rm, source-install, si and patch ask too', () => {
  for (const sub of ['in', 'remove', 'rm', 'source-install', 'si', 'patch']) {
    assert.equal(findings(`FROM opensuse/leap:15.6\nRUN zypper ${sub} x\n`, 'DL3034').length, 1, sub);
  }
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean --all && zypper lr\n', 'DL3034'), []);
});

test('DL3034: quiet with -n, --non-interactive, -y or --no-confirm', () => {
  for (const cmd of ['zypper -n install curl', 'zypper --non-interactive in curl', 'zypper install -y curl', 'zypper in --no-confirm curl']) {
    assert.deepEqual(findings(`FROM opensuse/leap:15.6\nRUN ${cmd}\n`, 'DL3034'), [], cmd);
  }
});

test('DL3034: global options before the subcommand, and their values', () => {
  const text = 'FROM opensuse/leap:15.6\nRUN zypper --gpg-auto-import-keys in curl\n';
  assert.deepEqual(findings(text, 'DL3034'), ['2:5-2:37']);
  assert.equal(fixed(text, 'DL3034'), 'FROM opensuse/leap:15.6\nRUN zypper -n --gpg-auto-import-keys in curl\n');
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper --root /mnt install curl\n', 'DL3034'), ['2:5-2:31']);
});

test('DL3034: the fix keeps continuations and CRLF; ONBUILD', () => {
  const crlf = 'FROM opensuse/leap:15.6\r\nRUN zypper \\\r\n    install curl\r\n';
  assert.deepEqual(findings(crlf, 'DL3034'), ['2:5-3:12']);
  assert.equal(fixed(crlf, 'DL3034'), 'FROM opensuse/leap:15.6\r\nRUN zypper -n \\\r\n    install curl\r\n');
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nONBUILD RUN zypper in curl\n', 'DL3034'), ['2:13-2:22']);
});
