/**
 * Every rule is one unit: a doc with the required sections, a test file, a registry
 * line; its doc's bad example triggers it and its good example does not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/rules';
import { findings } from '../helpers';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'server', 'src', 'rules'))) dir = join(dir, '..');
  return dir;
}
const root = repoRoot();
const rulesDir = join(root, 'server', 'src', 'rules');

/** A `.hadolint.yaml` the examples need (label-schema, trustedRegistries…): a yaml block under `### Configuration`. */
function exampleConfig(doc: string): string | undefined {
  return /### Configuration\n+```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
}

/** The build context's `.dockerignore` the examples assume (CopyIgnoredFile): a block under `### .dockerignore`. */
function exampleDockerignore(doc: string): string | undefined {
  return /### \.dockerignore\n+```text\n([\s\S]*?)```/.exec(doc)?.[1];
}

function example(doc: string, kind: 'Bad' | 'Good'): string {
  const m = new RegExp('### ' + kind + '\\n+```dockerfile\\n([\\s\\S]*?)```').exec(doc);
  assert.ok(m, `doc has a "### ${kind}" section with a dockerfile block`);
  return m[1];
}

test('the registry has rules and their codes are unique (including aliases)', () => {
  assert.ok(rules.length >= 1);
  const names = rules.flatMap((r) => [r.id, ...(r.aliases ?? [])]);
  assert.equal(new Set(names).size, names.length);
});

test('every rule file in server/src/rules is registered, has a doc and a test', () => {
  const files = readdirSync(rulesDir).filter((f) => /^(DL|DX)\d{4}\.ts$|^[A-Z][A-Za-z]+\.ts$/.test(f));
  const ids = new Set(rules.map((r) => r.id));
  for (const f of files) {
    const id = f.replace(/\.ts$/, '');
    assert.ok(ids.has(id), `${f} is registered in rules/index.ts`);
  }
  for (const r of rules) {
    assert.ok(existsSync(join(rulesDir, `${r.id}.ts`)), `${r.id}.ts exists`);
    assert.ok(existsSync(join(rulesDir, `${r.id}.md`)), `${r.id}.md exists`);
    assert.ok(existsSync(join(root, 'test', 'rules', `${r.id}.test.ts`)), `test/rules/${r.id}.test.ts exists`);
  }
});

for (const rule of rules) {
  test(`${rule.id}: doc has title, summary, Why, Example, Fix; bad example triggers it, good does not`, () => {
    const doc = readFileSync(join(rulesDir, `${rule.id}.md`), 'utf8');
    assert.equal(doc, rule.doc);
    assert.match(doc, new RegExp(`^# ${rule.id}: \\S`));
    assert.ok(rule.summary.length > 20, 'summary paragraph');
    for (const h of ['## Why', '## Example', '## Fix']) assert.ok(doc.includes(`\n${h}\n`), `doc has ${h}`);
    const config = exampleConfig(doc);
    const ignore = exampleDockerignore(doc);
    assert.notDeepEqual(findings(example(doc, 'Bad'), rule.id, {}, config, ignore), [], 'bad example triggers the rule');
    assert.deepEqual(findings(example(doc, 'Good'), rule.id, {}, config, ignore), [], 'good example does not trigger the rule');
  });
}
