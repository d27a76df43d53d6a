import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3030: flags yum install without -y, on `yum install`, and inserts -y', () => {
  const text = 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n';
  assert.deepEqual(findings(text, 'DL3030'), ['2:5-2:16']);
  assert.equal(fixed(text, 'DL3030'), 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n');
  assert.deepEqual(messages(text, 'DL3030'), ['`yum install` without `-y` waits for an "Is this ok [y/N]" answer that a build cannot give, and fails.']);
});

test('DL3030: groupinstall, group install, localinstall and module install too', () => {
  assert.deepEqual(findings('FROM centos:7\nRUN yum groupinstall "Development Tools"\n', 'DL3030'), ['2:5-2:21']);
  const group = 'FROM centos:7\nRUN yum group install Base\n';
  assert.deepEqual(findings(group, 'DL3030'), ['2:5-2:22']);
  assert.equal(fixed(group, 'DL3030'), 'FROM centos:7\nRUN yum group install -y Base\n');
  assert.deepEqual(findings('FROM centos:7\nRUN yum localinstall /tmp/x.rpm\n', 'DL3030'), ['2:5-2:21']);
});

test('DL3030: quiet with -y or --assumeyes, and for other subcommands and tools', () => {
  assert.deepEqual(findings('FROM centos:7\nRUN yum -y install httpd && yum install --assumeyes jq && yum install -qy git\n', 'DL3030'), []);
  assert.deepEqual(findings('FROM centos:7\nRUN yum makecache && yum update\n', 'DL3030'), []);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf install httpd\n', 'DL3030'), []);
});

test('DL3030: the fix keeps continuations and CRLF; ONBUILD', () => {
  const crlf = 'FROM centos:7\r\nRUN yum install \\\r\n      httpd\r\n';
  assert.deepEqual(findings(crlf, 'DL3030'), ['2:5-2:16']);
  assert.equal(fixed(crlf, 'DL3030'), 'FROM centos:7\r\nRUN yum install -y \\\r\n      httpd\r\n');
  assert.deepEqual(findings('FROM centos:7\nONBUILD RUN yum install httpd\n', 'DL3030'), ['2:13-2:24']);
});
