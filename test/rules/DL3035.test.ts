import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3035: flags zypper dist-upgrade and dup, on the command words', () => {
  const text = 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n';
  assert.deepEqual(findings(text, 'DL3035'), ['2:5-2:27']);
  assert.deepEqual(messages(text, 'DL3035'), [
    '`zypper dist-upgrade` upgrades the whole distribution to whatever the repositories hold on build day; use a newer base image instead.',
  ]);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper refresh && zypper --non-interactive dup --no-recommends\n', 'DL3035'), ['2:23-2:51']);
});

test('DL3035: quiet for update, patch and other tools', () => {
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n update && zypper -n patch && zypper -n up\n', 'DL3035'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get dist-upgrade -y\n', 'DL3035'), []);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n install dup\n', 'DL3035'), []);
});

test('DL3035: applies inside ONBUILD; honours ignore pragmas', () => {
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nONBUILD RUN zypper dup\n', 'DL3035'), ['2:13-2:23']);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\n# hadolint ignore=DL3035\nRUN zypper dup\n', 'DL3035'), []);
});
