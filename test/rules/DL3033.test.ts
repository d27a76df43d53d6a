import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3033: flags each unpinned yum package, on the package word', () => {
  const text = 'FROM centos:7\nRUN yum install -y httpd python3-devel && yum clean all\n';
  assert.deepEqual(findings(text, 'DL3033'), ['2:20-2:25', '2:26-2:39']);
  assert.deepEqual(messages(text, 'DL3033'), [
    '`httpd` has no version: write `httpd-<version>` so every build installs the same one.',
    '`python3-devel` has no version: write `python3-devel-<version>` so every build installs the same one.',
  ]);
});

test('DL3033: quiet for name-version, epochs, .rpm files and @groups', () => {
  assert.deepEqual(findings('FROM centos:7\nRUN yum install -y httpd-2.4.6 httpd-tools-2.4.6-99.el7 mod_ssl-1:2.4.6\n', 'DL3033'), []);
  assert.deepEqual(findings('FROM centos:7\nRUN yum install -y /tmp/local.rpm https://example.com/x-1.0-1.noarch.rpm @core\n', 'DL3033'), []);
});

test('DL3033: module installs need a stream; group installs are not checked', () => {
  const mod = 'FROM rockylinux:8\nRUN yum module install -y nodejs:18 php\n';
  assert.deepEqual(findings(mod, 'DL3033'), ['2:37-2:40']);
  assert.deepEqual(messages(mod, 'DL3033'), ['Module `php` has no stream: write `php:<stream>` so every build enables the same one.']);
  assert.deepEqual(findings('FROM centos:7\nRUN yum groupinstall -y "Development Tools" && yum group install -y Base\n', 'DL3033'), []);
});

test('DL3033: values of options are not packages; dnf is not checked here', () => {
  assert.deepEqual(findings('FROM centos:7\nRUN yum install -y --enablerepo epel jq-1.6\n', 'DL3033'), []);
  assert.deepEqual(findings('FROM centos:7\nRUN yum --setopt tsflags=nodocs install -y jq-1.6\n', 'DL3033'), []);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf install -y httpd\n', 'DL3033'), []);
  assert.deepEqual(findings('FROM centos:7\nRUN yum remove -y httpd\n', 'DL3033'), []);
});

test('DL3033: versions from ARG or ENV', () => {
  assert.deepEqual(findings('FROM centos:7\nARG V=2.4.6\nRUN yum install -y httpd-${V}\n', 'DL3033'), []);
  assert.deepEqual(findings('FROM centos:7\nARG V\nRUN yum install -y httpd-$V\n', 'DL3033'), []);
  assert.deepEqual(findings('FROM centos:7\nENV V=latest\nRUN yum install -y httpd-${V}\n', 'DL3033'), ['3:20-3:30']);
});

test('DL3033: applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM centos:7\nONBUILD RUN yum install -y httpd\n', 'DL3033'), ['2:28-2:33']);
});
