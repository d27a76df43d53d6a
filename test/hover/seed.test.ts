/**
 * The seed's example Dockerfile (examples/Dockerfile): every token the hover promises to
 * explain — keywords, instruction flags, variables, images, stage names, commands and their
 * flags inside RUN/CMD, packages, and the arguments of USER, WORKDIR, EXPOSE, HEALTHCHECK —
 * gets a non-empty hover about that token.
 */
import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../server/src/model/document';
import { hover } from '../../server/src/service/hover';
import { lint } from '../../server/src/service/lint';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'examples', 'Dockerfile'))) dir = join(dir, '..');
  return dir;
}

const text = readFileSync(join(repoRoot(), 'examples', 'Dockerfile'), 'utf8');

/**
 * Tokens the hover does not promise to explain: paths and file names given to COPY/RUN,
 * shell operators, the `as` of FROM (part of the FROM doc), literal values inside commands.
 */
const NOT_PROMISED = new Set([
  '.', 'requirements.txt', '/bin/bash', '&&', '\\', 'as', 'tests/', 'docs/', '*.md', '.git*', '.env.example', 'logs',
  '/var/lib/apt/lists/*', '"import', 'urllib.request;', "urllib.request.urlopen('http://localhost:5500/health')\"", '||', '1',
]);

test('every promised token of the seed example has a hover about it', () => {
  const model = parseDocument(text, 'file:///examples/Dockerfile', 1);
  const problems = lint(model);
  const missing: string[] = [];
  text.split('\n').forEach((line, l) => {
    if (/^\s*#/.test(line)) return;
    for (const m of line.matchAll(/\S+/g)) {
      const tok = m[0];
      // Exec-form JSON: probe inside the quotes.
      const inner = /^\[?"([^"]*)"[,\]]*$/.exec(tok);
      const word = inner ? inner[1] : tok;
      const at = m.index! + (inner ? tok.indexOf('"') + 1 : 0);
      if (NOT_PROMISED.has(tok) || NOT_PROMISED.has(word) || /^[=\\]+$/.test(word)) continue;
      // `--flag=value`: the flag part and the value part are each a token.
      const parts = word.startsWith('-') && word.includes('=') ? [[0, word.slice(0, word.indexOf('='))], [word.indexOf('=') + 1, word.slice(word.indexOf('=') + 1)]] : [[0, word]];
      for (const [off, part] of parts as [number, string][]) {
        if (!part || NOT_PROMISED.has(part)) continue;
        const h = hover(model, { line: l, character: at + off }, problems);
        const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value.trim() : '';
        const about = h?.range && h.range.start.line <= l && h.range.end.line >= l;
        if (!value || !about) missing.push(`${l + 1}:${at + off + 1} ${part}`);
      }
    }
  });
  assert.deepEqual(missing, []);
});
