import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3008: flags each unpinned apt-get package, on the package word', () => {
  const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n';
  assert.deepEqual(findings(text, 'DL3008'), ['2:42-2:46']);
  assert.deepEqual(messages(text, 'DL3008'), ['`curl` has no version: write `curl=<version>` so every build installs the same one.']);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y curl git=1:2.39.2-1.1 wget\n', 'DL3008'), ['2:24-2:28', '2:46-2:50']);
});

test('DL3008: quiet for versions, wildcards, releases and .deb files', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u5 wget=1.21.*\n', 'DL3008'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y curl/bookworm-backports ./local.deb\n', 'DL3008'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y /tmp/pkg.deb\n', 'DL3008'), []);
});

test('DL3008: values of -t, -a and -o are not packages', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl\n', 'DL3008'), ['2:46-2:50']);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get -t stable install -y --target-release=stable curl=7.88.1\n', 'DL3008'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y -a arm64 libc6-dev=2.36-9\n', 'DL3008'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl=7.88.1\n', 'DL3008'), []);
});

test('DL3008: only apt-get install; apt, other subcommands and mere words are not checked', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt install -y curl\n', 'DL3008'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get remove -y curl && apt-get download curl\n', 'DL3008'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN echo apt-get install curl\n', 'DL3008'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get update && apt-get install -y --fix-broken\n', 'DL3008'), []);
  // a simulation installs nothing
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -s curl\n', 'DL3008'), []);
});

test('DL3008: a path to apt-get, continuation lines and comment lines', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN /usr/bin/apt-get install -y curl\n', 'DL3008'), ['2:33-2:37']);
  const text = 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get install -y \\\n      curl \\\n      git\n';
  assert.deepEqual(findings(text, 'DL3008'), ['5:7-5:11', '6:7-6:10']);
});

test('DL3008: words built from variables are checked when their value is known', () => {
  const env = 'FROM debian:12\nENV PKGS="curl git=1:2.39.2-1.1"\nRUN apt-get install -y $PKGS\n';
  assert.deepEqual(findings(env, 'DL3008'), ['3:24-3:29']);
  assert.deepEqual(messages(env, 'DL3008'), ['`$PKGS` names packages without a version (curl): pin each as `<package>=<version>`.']);
  const many = 'FROM debian:12\nENV DEPS="a b c d e f g"\nRUN apt-get install -y ${DEPS}\n';
  assert.deepEqual(messages(many, 'DL3008'), ['`${DEPS}` names packages without a version (a, b, c, d, e and 2 more): pin each as `<package>=<version>`.']);
  assert.deepEqual(findings('FROM debian:12\nARG CURL_VERSION\nRUN apt-get install -y curl=${CURL_VERSION}\n', 'DL3008'), []);
  // An ARG without a default, a shell variable, a command substitution: could be anything.
  assert.deepEqual(findings('FROM debian:12\nARG PKGS\nRUN apt-get install -y $PKGS\n', 'DL3008'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN PKGS="curl" && apt-get install -y "${PKGS}" $(cat /pkgs.txt)\n', 'DL3008'), []);
  // An ENV of an unrelated stage does not count.
  assert.deepEqual(findings('FROM debian:12 AS a\nENV PKGS=curl=7.88.1\nFROM debian:12\nRUN apt-get install -y $PKGS\n', 'DL3008'), []);
  assert.deepEqual(findings('FROM debian:12 AS a\nENV PKGS=curl\nFROM a\nRUN apt-get install -y $PKGS\n', 'DL3008'), ['4:24-4:29']);
});

test('DL3008: applies inside ONBUILD, in heredoc RUNs and with the backtick escape', () => {
  assert.deepEqual(findings('FROM debian:12\nONBUILD RUN apt-get install -y curl\n', 'DL3008'), ['2:32-2:36']);
  assert.deepEqual(findings('FROM debian:12\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n', 'DL3008'), ['4:20-4:24']);
  assert.deepEqual(findings('# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    curl\n', 'DL3008'), ['4:5-4:9']);
});

test('DL3008: honours hadolint ignore pragmas and the rules setting', () => {
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n', 'DL3008'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y curl\n', 'DL3008', { rules: { DL3008: 'off' } }), []);
});
