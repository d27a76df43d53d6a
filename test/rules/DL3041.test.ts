import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3041: flags each unpinned dnf and microdnf package, on the package word', () => {
  const text = 'FROM fedora:40\nRUN dnf install -y httpd && microdnf install -y jq-1.7.1 nginx\n';
  assert.deepEqual(findings(text, 'DL3041'), ['2:20-2:25', '2:58-2:63']);
  assert.deepEqual(messages(text, 'DL3041')[0], '`httpd` has no version: write `httpd-<version>` so every build installs the same one.');
});

test('DL3041: quiet for name-version, .rpm files, groups; a name with a dash is not a version', () => {
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf install -y httpd-2.4.62-1.fc40 ./x-1.0-1.x86_64.rpm @development-tools\n', 'DL3041'), []);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf group install -y "Development Tools" && dnf groupinstall -y Base\n', 'DL3041'), []);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf install -y python3-devel\n', 'DL3041'), ['2:20-2:33']);
});

test('DL3041: module installs need a stream', () => {
  assert.deepEqual(findings('FROM rockylinux:9\nRUN dnf module install -y nodejs:20/common && dnf module enable -y php\n', 'DL3041'), []);
  assert.deepEqual(findings('FROM rockylinux:9\nRUN dnf -y module install nodejs\n', 'DL3041'), ['2:27-2:33']);
});

test('DL3041: values of options are not packages; yum is not checked here', () => {
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf --setopt install_weak_deps=False install -y --repo fedora jq-1.7.1\n', 'DL3041'), []);
  assert.deepEqual(findings('FROM centos:7\nRUN yum install -y httpd\n', 'DL3041'), []);
});

test('DL3041: continuations, heredocs and ONBUILD', () => {
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf install -y \\\n      httpd \\\n      jq-1.7.1\n', 'DL3041'), ['3:7-3:12']);
  assert.deepEqual(findings('FROM fedora:40\nRUN <<EOF\ndnf install -y httpd\nEOF\n', 'DL3041'), ['3:16-3:21']);
  assert.deepEqual(findings('FROM fedora:40\nONBUILD RUN microdnf install httpd\n', 'DL3041'), ['2:30-2:35']);
});
