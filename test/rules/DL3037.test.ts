import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3037: flags each unpinned zypper package, on the package word', () => {
  const text = "FROM opensuse/leap:15.6\nRUN zypper -n install curl 'vim>=9.0' git=2.43 && zypper clean --all\n";
  assert.deepEqual(findings(text, 'DL3037'), ['2:23-2:27']);
  assert.deepEqual(messages(text, 'DL3037'), ['`curl` has no version: write `curl=<version>` so every build installs the same one.']);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n in -r repo-oss wget\n', 'DL3037'), ['2:30-2:34']);
});

test('DL3037: quiet for versions and .rpm files, patterns, other subcommands and option values', () => {
  assert.deepEqual(findings("FROM opensuse/leap:15.6\nRUN zypper -n install 'curl<9' 'jq>1.6' vim=9.1 ./x.rpm\n", 'DL3037'), []);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern devel_basis\n', 'DL3037'), []);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n remove curl && zypper -n refresh\n', 'DL3037'), []);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper --root /mnt -n install --from repo-oss curl=8.6\n', 'DL3037'), []);
});

test('DL3037: applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in curl\n', 'DL3037'), ['2:26-2:30']);
});

test('DL3037: a dry run installs nothing (-D after the subcommand)', () => {
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n in -D curl && zypper -n in --dry-run vim\n', 'DL3037'), []);
  // before the subcommand, -D names the repos directory
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -D /etc/zypp/repos.d -n in curl\n', 'DL3037'), ['2:39-2:43']);
});
