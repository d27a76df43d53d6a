import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3032: flags yum install without a later yum clean, on `yum install`, and appends it', () => {
  const text = 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n';
  assert.deepEqual(findings(text, 'DL3032'), ['2:5-2:16']);
  assert.equal(fixed(text, 'DL3032'), 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n');
  assert.deepEqual(messages(text, 'DL3032'), ['`yum install` leaves repository metadata and packages in /var/cache/yum; end the RUN with `yum clean all`.']);
});

test('DL3032: quiet with a later yum clean, an rm of the cache, or any rm -rf', () => {
  assert.deepEqual(findings('FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n', 'DL3032'), []);
  assert.deepEqual(findings('FROM centos:7\nRUN yum -y install httpd-2.4.6 && yum -q clean metadata\n', 'DL3032'), []);
  assert.deepEqual(findings('FROM centos:7\nRUN yum install -y httpd-2.4.6 && rm -r /var/cache/yum/*\n', 'DL3032'), []);
  assert.deepEqual(findings('FROM centos:7\nRUN yum install -y httpd-2.4.6 && rm -fr /tmp/build\n', 'DL3032'), []);
  assert.deepEqual(findings('FROM centos:7\nRUN yum install -y httpd-2.4.6 && rm -f /tmp/x\n', 'DL3032'), ['2:5-2:16']);
  assert.deepEqual(findings('FROM centos:7\nRUN yum makecache && yum update -y\n', 'DL3032'), []);
});

test('DL3032: a clean before the install, or only in a later RUN, does not count', () => {
  assert.deepEqual(findings('FROM centos:7\nRUN yum clean all && yum install -y a-1\n', 'DL3032'), ['2:22-2:33']);
  assert.deepEqual(findings('FROM centos:7\nRUN yum install -y a-1 && yum clean all && yum install -y b-1\n', 'DL3032'), ['2:44-2:55']);
  assert.deepEqual(findings('FROM centos:7\nRUN yum install -y a-1\nRUN yum clean all\n', 'DL3032'), ['2:5-2:16']);
});

test('DL3032: quiet with a cache mount on /var/cache/yum', () => {
  assert.deepEqual(findings('FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y a-1\n', 'DL3032'), []);
});

test('DL3032: the fix keeps the layout (leading &&, trailing &&, CRLF, trailing comment)', () => {
  assert.equal(
    fixed('FROM centos:7\nRUN yum install -y \\\n      a-1 \\\n    && echo done\n', 'DL3032'),
    'FROM centos:7\nRUN yum install -y \\\n      a-1 \\\n    && echo done \\\n    && yum clean all\n',
  );
  assert.equal(
    fixed('FROM centos:7\nRUN yum update -y && \\\n    yum install -y a-1\n', 'DL3032'),
    'FROM centos:7\nRUN yum update -y && \\\n    yum install -y a-1 && \\\n    yum clean all\n',
  );
  assert.equal(
    fixed('FROM centos:7\r\nRUN yum install -y a-1 \\\r\n    && echo done\r\n', 'DL3032'),
    'FROM centos:7\r\nRUN yum install -y a-1 \\\r\n    && echo done \\\r\n    && yum clean all\r\n',
  );
  assert.equal(fixed('FROM centos:7\nRUN yum install -y a-1 # tools\n', 'DL3032'), 'FROM centos:7\nRUN yum install -y a-1 && yum clean all # tools\n');
});

test('DL3032: heredoc RUNs and ONBUILD', () => {
  const heredoc = 'FROM centos:7\nRUN <<EOF\nyum install -y a-1\necho done\nEOF\n';
  assert.deepEqual(findings(heredoc, 'DL3032'), ['3:1-3:12']);
  assert.equal(fixed(heredoc, 'DL3032'), 'FROM centos:7\nRUN <<EOF\nyum install -y a-1\necho done && yum clean all\nEOF\n');
  const onbuild = 'FROM centos:7\nONBUILD RUN yum install -y a-1\n';
  assert.deepEqual(findings(onbuild, 'DL3032'), ['2:13-2:24']);
  assert.equal(fixed(onbuild, 'DL3032'), 'FROM centos:7\nONBUILD RUN yum install -y a-1 && yum clean all\n');
});
