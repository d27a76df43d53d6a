import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3040: flags dnf install without a later dnf clean, on the command words, and appends it', () => {
  const text = 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n';
  assert.deepEqual(findings(text, 'DL3040'), ['2:5-2:16']);
  assert.equal(fixed(text, 'DL3040'), 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n');
  assert.deepEqual(messages(text, 'DL3040'), ['`dnf install` leaves repository metadata and packages in the layer; end the RUN with `dnf clean all`.']);
});

test('DL3040: microdnf needs its own clean', () => {
  const text = 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y jq-1.6 && dnf clean all\n';
  assert.deepEqual(findings(text, 'DL3040'), ['2:5-2:21']);
  assert.equal(
    fixed(text, 'DL3040'),
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y jq-1.6 && dnf clean all && microdnf clean all\n',
  );
  assert.deepEqual(findings('FROM fedora:40\nRUN microdnf install -y jq-1.6 && microdnf clean all\n', 'DL3040'), []);
});

test('DL3040: upgrades, updates and reinstalls download packages too', () => {
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf -y upgrade\n', 'DL3040'), ['2:5-2:19']);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf -y update\n', 'DL3040'), ['2:5-2:18']);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf -y reinstall tzdata\n', 'DL3040'), ['2:5-2:21']);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf makecache && dnf -y remove vim\n', 'DL3040'), []);
});

test('DL3040: quiet with a later clean, an rm of the cache, any rm -rf, or a cache mount', () => {
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf install -y a-1 && dnf clean all\n', 'DL3040'), []);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf install -y a-1 && rm -r /var/cache/libdnf5/*\n', 'DL3040'), []);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf install -y a-1 && rm -rf /var/cache/dnf\n', 'DL3040'), []);
  assert.deepEqual(findings('FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y a-1\n', 'DL3040'), []);
  assert.deepEqual(findings('FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y a-1\n', 'DL3040'), []);
});

test('DL3040: a clean before the install does not count; one finding per tool', () => {
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf clean all && dnf install -y a-1\n', 'DL3040'), ['2:22-2:33']);
  assert.deepEqual(findings('FROM fedora:40\nRUN dnf install -y a-1 && dnf install -y b-1\n', 'DL3040'), ['2:5-2:16']);
});

test('DL3040: the fix keeps continuations and CRLF; ONBUILD', () => {
  assert.equal(
    fixed('FROM fedora:40\r\nRUN dnf install -y \\\r\n      a-1\r\n', 'DL3040'),
    'FROM fedora:40\r\nRUN dnf install -y \\\r\n      a-1 \\\r\n      && dnf clean all\r\n',
  );
  assert.deepEqual(findings('FROM fedora:40\nONBUILD RUN dnf install -y a-1\n', 'DL3040'), ['2:13-2:24']);
});
