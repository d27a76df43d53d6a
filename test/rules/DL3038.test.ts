import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3038: flags dnf and microdnf install without -y, on the command words, and inserts -y', () => {
  const text = 'FROM fedora:40\nRUN dnf install httpd && microdnf install jq\n';
  assert.deepEqual(findings(text, 'DL3038'), ['2:5-2:16', '2:26-2:42']);
  assert.equal(fixed(text, 'DL3038'), 'FROM fedora:40\nRUN dnf install -y httpd && microdnf install jq\n');
  assert.equal(fixed(text, 'DL3038', 1), 'FROM fedora:40\nRUN dnf install httpd && microdnf install -y jq\n');
  assert.deepEqual(messages(text, 'DL3038')[1], '`microdnf install` without `-y` waits for an "Is this ok [y/N]" answer that a build cannot give, and fails.');
});

test('DL3038: group and module installs; options before the subcommand', () => {
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf group install "Development Tools"\n', 'DL3038'), ['2:5-2:22']);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf module install nodejs:20\n', 'DL3038'), ['2:5-2:23']);
  const opts = 'FROM fedora:40\nRUN dnf --setopt install_weak_deps=False install httpd\n';
  assert.deepEqual(findings(opts, 'DL3038'), ['2:5-2:49']);
  assert.equal(fixed(opts, 'DL3038'), 'FROM fedora:40\nRUN dnf --setopt install_weak_deps=False install -y httpd\n');
});

test('DL3038: quiet with -y or --assumeyes, and for other subcommands and tools', () => {
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf -y install httpd && microdnf install --assumeyes jq\n', 'DL3038'), []);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf makecache && dnf clean all\n', 'DL3038'), []);
  assert.deepEqual(findings('FROM centos:7\nRUN yum install httpd\n', 'DL3038'), []);
});

test('DL3038: the fix keeps CRLF; heredoc and ONBUILD', () => {
  const crlf = 'FROM fedora:40\r\nRUN dnf install \\\r\n      httpd\r\n';
  assert.equal(fixed(crlf, 'DL3038'), 'FROM fedora:40\r\nRUN dnf install -y \\\r\n      httpd\r\n');
  assert.deepEqual(findings('FROM fedora:40\nRUN <<EOF\ndnf install httpd\nEOF\n', 'DL3038'), ['3:1-3:12']);
  assert.deepEqual(findings('FROM fedora:40\nONBUILD RUN dnf install httpd\n', 'DL3038'), ['2:13-2:24']);
});
