/**
 * Acceptance for the syntax rules (DX2001…): a Dockerfile that uses every flag and every syntax
 * form of Dockerfile syntax 1.x — heredocs, every mount type with its options, `--link`,
 * `--parents`, `--exclude`, `--checksum`, `--keep-git-dir`, `--unpack`, `--network`,
 * `--security`, `--device`, the `syntax`, `escape` and `check` directives, ONBUILD, every
 * HEALTHCHECK option, SHELL, STOPSIGNAL names and numbers, EXPOSE ranges and protocols —
 * produces no finding of any of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { rules } from '../../server/src/rules';
import { normalizeSettings } from '../../server/src/settings';
import '../setup';

function fixture(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = join(dir, '..')) {
      const p = join(dir, 'test', 'fixtures', 'every-syntax.Dockerfile');
      if (existsSync(p)) return readFileSync(p, 'utf8');
      if (join(dir, '..') === dir) break;
    }
  }
  throw new Error('test/fixtures/every-syntax.Dockerfile not found');
}

const syntaxRules = rules.filter((r) => /^DX20\d\d$/.test(r.id));

test('every-syntax.Dockerfile: the syntax rules are registered', () => {
  assert.ok(syntaxRules.length >= 25, `${syntaxRules.length} DX20xx rules`);
});

test('every-syntax.Dockerfile: no syntax rule finds anything', () => {
  const text = fixture();
  const found = lint(parseDocument(text), { rules: syntaxRules, settings: normalizeSettings({}) }).map(
    (p) => `${p.rule.id} ${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`,
  );
  assert.deepEqual(found, []);
});

test('every-syntax.Dockerfile: also with CRLF line ends', () => {
  const text = fixture().replace(/\n/g, '\r\n');
  const found = lint(parseDocument(text), { rules: syntaxRules, settings: normalizeSettings({}) }).map((p) => `${p.rule.id} ${p.range.start.line + 1}`);
  assert.deepEqual(found, []);
});

test('every-syntax.Dockerfile: the file does use every flag of every instruction', () => {
  const text = fixture();
  for (const flag of ['--platform', '--mount', '--network', '--security', '--device', '--from', '--chown', '--chmod', '--link', '--parents', '--exclude', '--checksum', '--keep-git-dir', '--unpack', '--interval', '--timeout', '--start-period', '--start-interval', '--retries']) {
    assert.ok(text.includes(flag + '='), flag);
  }
  for (const type of ['bind', 'cache', 'tmpfs', 'secret', 'ssh']) assert.ok(text.includes(`type=${type}`), type);
  for (const option of ['source=', 'src=', 'target=', 'dst=', 'destination=', 'from=', 'readonly', 'ro=', 'rw=', 'readwrite=', 'id=', 'sharing=', 'mode=', 'uid=', 'gid=', 'size=', 'required', 'env=']) {
    assert.ok(text.includes(option), option);
  }
});
