// Adds a rule unit to the registry: `node scripts/register-rule.mjs DL3008 [DL3014 …]`.
// Inserts the import and the array entry in server/src/rules/index.ts, keeping both sorted.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const file = join(root, 'server', 'src', 'rules', 'index.ts');
const ids = process.argv.slice(2);
if (!ids.length) {
  console.error('usage: node scripts/register-rule.mjs <ID> [<ID>…]');
  process.exit(2);
}
let text = readFileSync(file, 'utf8');
const start = text.indexOf('export const rules: readonly Rule[] = [');
const end = text.indexOf('];', start);
if (start < 0 || end < 0) throw new Error('registry array not found');
const entries = new Set(text.slice(start, end).split('\n').slice(1).map((l) => l.trim().replace(/,$/, '')).filter(Boolean));
const imports = new Set(text.split('\n').filter((l) => /^import [A-Za-z0-9]+ from '\.\/[A-Za-z0-9]+';$/.test(l)));
for (const id of ids) {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(id) || !existsSync(join(dirname(file), `${id}.ts`))) {
    console.error(`no rule unit server/src/rules/${id}.ts`);
    process.exit(2);
  }
  entries.add(id);
  imports.add(`import ${id} from './${id}';`);
}
const typeImport = "import type { Rule } from './rule';";
const sortedImports = [...imports].sort((a, b) => a.localeCompare(b));
const sortedEntries = [...entries].sort((a, b) => a.localeCompare(b));
const tail = text.slice(end + 2);
text =
  '/** The rule registry: one line per rule. */\n' +
  typeImport + '\n' +
  sortedImports.join('\n') + '\n\n' +
  'export const rules: readonly Rule[] = [\n' + sortedEntries.map((e) => `  ${e},`).join('\n') + '\n];' + tail;
writeFileSync(file, text);
console.log(`registered: ${ids.join(', ')} (${sortedEntries.length} rules)`);
