import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3036: flags zypper install without a later zypper clean, on the command words, and appends one', () => {
  const text = 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6\n';
  assert.deepEqual(findings(text, 'DL3036'), ['2:5-2:22']);
  assert.equal(fixed(text, 'DL3036'), 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6 && zypper clean --all\n');
  assert.deepEqual(messages(text, 'DL3036'), [
    '`zypper install` leaves repository metadata and packages in /var/cache/zypp; end the RUN with `zypper clean --all`.',
  ]);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6\n', 'DL3036'), ['2:5-2:17']);
});

test('DL3036: quiet with a later zypper clean or cc, an rm of the cache, any rm -rf, or a cache mount', () => {
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6 && zypper clean\n', 'DL3036'), []);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6 && zypper -n cc -a\n', 'DL3036'), []);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6 && rm -r /var/cache/zypp\n', 'DL3036'), []);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6 && rm -rf /tmp/*\n', 'DL3036'), []);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl=8.6\n', 'DL3036'), []);
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper -n refresh && zypper -n remove vim\n', 'DL3036'), []);
});

test('DL3036: a clean before the install does not count', () => {
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nRUN zypper clean && zypper -n in curl=8.6\n', 'DL3036'), ['2:21-2:33']);
});

test('DL3036: the fix keeps continuations and CRLF; heredoc and ONBUILD', () => {
  assert.equal(
    fixed('FROM opensuse/leap:15.6\r\nRUN zypper -n in \\\r\n      curl=8.6\r\n', 'DL3036'),
    'FROM opensuse/leap:15.6\r\nRUN zypper -n in \\\r\n      curl=8.6 \\\r\n      && zypper clean --all\r\n',
  );
  assert.equal(
    fixed('FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in curl=8.6\nEOF\n', 'DL3036'),
    'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in curl=8.6 && zypper clean --all\nEOF\n',
  );
  assert.deepEqual(findings('FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in curl=8.6\n', 'DL3036'), ['2:13-2:25']);
});
