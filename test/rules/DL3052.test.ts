import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const schema = 'label-schema:\n  src: url\n  ver: semver\n';

test('DL3052: flags a url label that is not a URL, on the value', () => {
  const text = 'FROM alpine:3.20\nLABEL src="github.com/example/tool"\n';
  assert.deepEqual(findings(text, 'DL3052', {}, schema), ['2:11-2:36']);
  assert.deepEqual(messages(text, 'DL3052', schema), [
    'Label `src` should be a URL, but `github.com/example/tool` is not one (it needs a scheme such as `https://`).',
  ]);
  assert.deepEqual(messages('FROM alpine:3.20\nLABEL src="https://exa mple.com/"\n', 'DL3052', schema), [
    'Label `src` should be a URL, but `https://exa mple.com/` is not one.',
  ]);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL src=https://example.com/%zz\n', 'DL3052', {}, schema), ['2:11-2:34']);
});

test('DL3052: quiet for URLs, other labels, variables and empty values', () => {
  for (const url of ['https://github.com/example/tool', 'git+ssh://git@github.com/x.git', 'http://[::1]:8080/x', 'https://example.com/a%20b?q=1#top', 'mailto:team@example.com']) {
    assert.deepEqual(findings(`FROM alpine:3.20\nLABEL src="${url}"\n`, 'DL3052', {}, schema), [], url);
  }
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL ver="github.com" other="not a url"\n', 'DL3052', {}, schema), []);
  assert.deepEqual(findings('FROM alpine:3.20\nARG REPO\nLABEL src="https://github.com/$REPO" \\\n  src2=$REPO\n', 'DL3052', {}, schema), []);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL src=""\n', 'DL3052', {}, schema), []);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL src="github.com/x"\n', 'DL3052'), []);
});

test('DL3052: a single-quoted or escaped `$` is literal text, not a variable', () => {
  assert.deepEqual(findings("FROM alpine:3.20\nLABEL src='$HOME/x'\n", 'DL3052', {}, schema), ['2:11-2:20']);
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL src=\\$HOME/x\n', 'DL3052', {}, schema), ['2:11-2:19']);
  assert.deepEqual(findings('# escape=`\nFROM alpine:3.20\nLABEL src=`$HOME/x\n', 'DL3052', {}, schema), ['3:11-3:19']);
  assert.deepEqual(findings('# escape=`\nFROM alpine:3.20\nLABEL src=\\$HOME\n', 'DL3052', {}, schema), []);
});

test('DL3052: applies inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD LABEL src=example.com\n', 'DL3052', {}, schema), ['2:19-2:30']);
});
