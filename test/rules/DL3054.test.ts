import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const schema = 'label-schema:\n  lic: spdx\n';
const msgs = (v: string) => messages(`FROM alpine:3.20\nLABEL lic="${v}"\n`, 'DL3054', schema);

test('DL3054: flags an spdx label that is not an SPDX expression, on the value', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL lic="Apache 2"\n', 'DL3054', {}, schema), ['2:11-2:21']);
  assert.deepEqual(msgs('Apache 2'), ['Label `lic` should be an SPDX license expression: `Apache 2` is not an SPDX identifier (did you mean `Apache-2.0`?).']);
  assert.deepEqual(msgs('GPLv3'), ['Label `lic` should be an SPDX license expression: `GPLv3` is not an SPDX identifier (did you mean `GPL-3.0-only`?).']);
  assert.deepEqual(msgs('Proprietary'), ['Label `lic` should be an SPDX license expression: `Proprietary` is not a known SPDX license identifier.']);
});

test('DL3054: explains broken expressions', () => {
  assert.deepEqual(msgs('MIT OR'), ['Label `lic` should be an SPDX license expression: `MIT OR` ends where a license identifier was expected.']);
  assert.deepEqual(msgs('(MIT'), ['Label `lic` should be an SPDX license expression: `(MIT` has a `(` without its `)`.']);
  assert.deepEqual(msgs('MIT Apache-2.0'), [
    'Label `lic` should be an SPDX license expression: `MIT Apache-2.0` has `Apache-2.0` where `AND`, `OR` or the end was expected.',
  ]);
  assert.deepEqual(msgs('GPL-2.0-only WITH Foo-exception'), [
    'Label `lic` should be an SPDX license expression: `Foo-exception` is not a known SPDX license exception.',
  ]);
});

test('DL3054: quiet for identifiers and expressions', () => {
  for (const v of ['MIT', 'mit', 'Apache-2.0', 'MIT OR Apache-2.0', '(MIT OR Apache-2.0) AND BSD-3-Clause', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-Proprietary', 'GPL-2.0+', 'Apache-2.0+', 'GPL-2.0']) {
    assert.deepEqual(findings(`FROM alpine:3.20\nLABEL lic="${v}"\n`, 'DL3054', {}, schema), [], v);
  }
  assert.deepEqual(findings('FROM alpine:3.20\nLABEL lic=$LICENSE other=Apache2\n', 'DL3054', {}, schema), []);
});
