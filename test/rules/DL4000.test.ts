import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed } from '../helpers';

test('DL4000: flags MAINTAINER, on the keyword', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n', 'DL4000'), ['2:1-2:11']);
  assert.deepEqual(findings('FROM alpine:3.20\n  maintainer jane\n', 'DL4000'), ['2:3-2:13']);
});

test('DL4000: quiet without MAINTAINER and for ONBUILD MAINTAINER (another rule)', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane"\n', 'DL4000'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD MAINTAINER Jane\n', 'DL4000'), []);
});

test('DL4000: the fix writes the OCI authors label with the same text', () => {
  assert.equal(
    fixed('FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n', 'DL4000'),
    'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n',
  );
  // one double-quoted string is kept as it is
  assert.equal(fixed('FROM alpine\nMAINTAINER "Jane Doe"\n', 'DL4000'), 'FROM alpine\nLABEL org.opencontainers.image.authors="Jane Doe"\n');
  // quotes, backslashes and $ are escaped so the label reads exactly what MAINTAINER said
  assert.equal(
    fixed('FROM alpine\nMAINTAINER Jane "JD" Doe \\o/ $5\n', 'DL4000'),
    'FROM alpine\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe \\\\o/ \\$5"\n',
  );
  // lower-case keyword, lower-case LABEL
  assert.equal(fixed('from alpine\nmaintainer jane\n', 'DL4000'), 'from alpine\nlabel org.opencontainers.image.authors="jane"\n');
});

test('DL4000: the fix joins a continued MAINTAINER and keeps CRLF', () => {
  assert.equal(fixed('FROM alpine\nMAINTAINER Jane \\\n    Doe\n', 'DL4000'), 'FROM alpine\nLABEL org.opencontainers.image.authors="Jane Doe"\n');
  assert.equal(
    fixed('FROM alpine\r\nMAINTAINER jane@example.com\r\nRUN true\r\n', 'DL4000'),
    'FROM alpine\r\nLABEL org.opencontainers.image.authors="jane@example.com"\r\nRUN true\r\n',
  );
});

test('DL4000: the fix is safe', () => {
  assert.equal(problemsOf('FROM alpine\nMAINTAINER jane\n')[0].fix?.safe, true);
});

test('DL4000: answers to its BuildKit name MaintainerDeprecated', () => {
  assert.deepEqual(findings('# check=skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER jane\n', 'DL4000'), []);
  assert.deepEqual(findings('FROM alpine\n# hadolint ignore=DL4000\nMAINTAINER jane\n', 'DL4000'), []);
  assert.deepEqual(findings('FROM alpine\nMAINTAINER jane\n', 'MaintainerDeprecated'), ['2:1-2:11']);
  assert.deepEqual(findings('FROM alpine\nMAINTAINER jane\n', 'DL4000', { rules: { MaintainerDeprecated: 'off' } }), []);
});

import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';
function problemsOf(text: string) {
  return lint(parseDocument(text), { rules: [findRule('DL4000')!] });
}
