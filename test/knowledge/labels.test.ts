import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSpdx, isEmail, isGitHash, isRfc3339, isSemver, isSpdx, isUrl, labelKeyProblem } from '../../server/src/knowledge/labels';

test('labelKeyProblem: accepts Docker-style keys, explains the others', () => {
  for (const k of ['a', 'version', 'org.opencontainers.image.source', 'com.example.build-number', 'label3']) assert.equal(labelKeyProblem(k), undefined, k);
  assert.equal(labelKeyProblem('Version'), 'has uppercase letters; label keys are lowercase');
  assert.equal(labelKeyProblem('my_key'), 'contains `_`; use only lowercase letters, digits, `.` and `-`');
  assert.equal(labelKeyProblem('My_Key'), 'contains uppercase letters, `_`; use only lowercase letters, digits, `.` and `-`');
  assert.equal(labelKeyProblem('a/b'), 'contains `/`; use only lowercase letters, digits, `.` and `-`');
  assert.equal(labelKeyProblem('-a'), 'must start with a lowercase letter');
  assert.equal(labelKeyProblem('a.'), 'must end with a letter or a digit');
  assert.equal(labelKeyProblem('a..b'), 'has `..`; separators must not repeat');
  assert.equal(labelKeyProblem('org.dockerproject.x'), 'uses the namespace `org.dockerproject.`, which Docker reserves for itself');
});

test('isUrl: absolute RFC 3986 URIs', () => {
  for (const u of ['https://example.com', 'http://example.com:8080/a/b?x=1&y=2#f', 'ftp://user:pw@host/file', 'urn:isbn:0451450523', 'mailto:a@b.c', 'http://[2001:db8::1]/', 'http://[::ffff:192.0.2.1]:80/', 'file:///etc/hosts', 'https://example.com/%7Euser']) {
    assert.equal(isUrl(u), true, u);
  }
  for (const u of ['example.com', '/just/a/path', 'https://exa mple.com', 'https://example.com/%g1', 'http://[2001:db8::1::2]/', 'http://host:port/', '1http://x', 'https://example.com/<x>', '']) {
    assert.equal(isUrl(u), false, u);
  }
});

test('isRfc3339: full date-times with a zone, real calendar values', () => {
  for (const v of ['2024-05-01T12:30:00Z', '2024-05-01T12:30:00.5+02:00', '2000-02-29T00:00:00-00:00', '2016-12-31T23:59:60Z']) assert.equal(isRfc3339(v), true, v);
  for (const v of ['1900-02-29T00:00:00Z', '2024-06-31T00:00:00Z', '2024-00-10T00:00:00Z', '2024-05-01T12:60:00Z', '2024-05-01T12:30:00+24:00', '2024-05-01 12:30:00Z', '2024-05-01T12:30Z']) {
    assert.equal(isRfc3339(v), false, v);
  }
});

test('isGitHash: 7 to 40 or 64 lowercase hex digits', () => {
  assert.equal(isGitHash('abc1234'), true);
  assert.equal(isGitHash('0123456789abcdef0123456789abcdef01234567'), true);
  assert.equal(isGitHash('f'.repeat(64)), true);
  assert.equal(isGitHash('abc123'), false);
  assert.equal(isGitHash('f'.repeat(41)), false);
  assert.equal(isGitHash('ABC1234'), false);
});

test('isSemver: semver.org 2.0.0', () => {
  for (const v of ['0.1.0', '10.20.30', '1.1.2-prerelease+meta', '1.0.0-alpha.1', '1.0.0-x-y-z.--', '1.0.0+0.build.1-rc.10000aaa-kk-0.1']) assert.equal(isSemver(v), true, v);
  for (const v of ['1', '1.2', 'v1.2.3', '1.2.3.4', '01.1.1', '1.01.1', '1.1.01', '1.2.3-0123', '1.2.3-alpha..1', '1.2.3+', ' 1.2.3']) assert.equal(isSemver(v), false, v);
});

test('isEmail: RFC 5322 addr-spec', () => {
  for (const v of ['a@b', 'jane.doe@example.com', "o'hara+x@example.org", '"john smith"@example.com', 'x@[127.0.0.1]']) assert.equal(isEmail(v), true, v);
  for (const v of ['plainaddress', 'a@b@c', 'a.@b.com', 'a@b.', 'Jane <jane@example.com>', 'a b@example.com', '']) assert.equal(isEmail(v), false, v);
});

test('checkSpdx: identifiers, exceptions, expressions', () => {
  for (const v of ['MIT', 'apache-2.0', 'GPL-3.0-or-later', 'MIT AND (BSD-2-Clause OR ISC)', 'mit or isc', 'Apache-2.0 WITH LLVM-exception', 'DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2', 'LGPL-2.1+']) {
    assert.equal(isSpdx(v), true, v);
  }
  assert.deepEqual(checkSpdx('Apache2'), { ok: false, problem: '`Apache2` is not an SPDX identifier', suggestion: 'Apache-2.0' });
  assert.deepEqual(checkSpdx('MIT AND'), { ok: false, problem: 'ends where a license identifier was expected' });
  assert.deepEqual(checkSpdx('MIT WITH'), { ok: false, problem: 'ends after `WITH`' });
  assert.deepEqual(checkSpdx('OR MIT'), { ok: false, problem: 'has `OR` where a license identifier was expected' });
  assert.deepEqual(checkSpdx('(MIT OR ISC))'), { ok: false, problem: 'has `)` where `AND`, `OR` or the end was expected' });
  assert.deepEqual(checkSpdx('   '), { ok: false, problem: 'is empty' });
  assert.deepEqual(checkSpdx('Foo-1.0'), { ok: false, problem: '`Foo-1.0` is not a known SPDX license identifier' });
});
