/**
 * Every real-world Dockerfile of ../shared/corpus/real is explained without an exception or an
 * internal error, into a document with its sections; prints the median and maximum time per
 * file. Skipped, with the reason printed, when the corpus is absent.
 */
import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { explain } from '../../server/src/explain';
import { corpusDir, CORPUS_MISSING } from '../corpus-dir';


const dir = corpusDir();
const reason = CORPUS_MISSING;
if (!dir) console.log(`# skipping explain corpus test: ${reason}`);

test('every corpus file is explained without an error (times printed)', { skip: dir ? false : reason }, () => {
  const files = readdirSync(dir!).filter((f) => f !== 'MANIFEST.tsv');
  assert.ok(files.length > 1000, `expected the ~1,059-file corpus, found ${files.length}`);
  const failures: string[] = [];
  const times: { file: string; ms: number }[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir!, f), 'utf8');
    try {
      const model = parseDocument(text, `file:///corpus/${f}`, 1);
      const problems = lint(model);
      const start = performance.now();
      const md = explain(model, { fileName: f, problems, onError: (part, e) => failures.push(`${f}: ${part}: ${(e as Error)?.stack ?? e}`) });
      times.push({ file: f, ms: performance.now() - start });
      for (const h of ['## Overview', '## Stage flow', '## Building and running', '## Key concepts']) {
        if (!md.includes(`\n${h}\n`)) failures.push(`${f}: no "${h}"`);
      }
      if (!md.endsWith('\n') || md.includes('\n\n\n')) failures.push(`${f}: blank lines`);
    } catch (e) {
      failures.push(`${f}: ${(e as Error).stack}`);
    }
  }
  times.sort((a, b) => a.ms - b.ms);
  const median = times[times.length >> 1].ms;
  const max = times[times.length - 1];
  console.log(`# explain: ${times.length} files, median ${median.toFixed(1)} ms, max ${max.ms.toFixed(1)} ms (${max.file})`);
  assert.deepEqual(failures, []);
});

test('the largest corpus file is explained (time printed; npm run bench is where speed is judged)', { skip: dir ? false : reason }, () => {
  const text = readFileSync(join(dir!, 'moby__buildkit__Dockerfile'), 'utf8');
  const model = parseDocument(text, 'file:///corpus/buildkit', 1);
  const problems = lint(model);
  explain(model, { problems });
  const start = performance.now();
  explain(parseDocument(text, 'file:///corpus/buildkit', 2), { problems });
  const ms = performance.now() - start;
  console.log(`# explain: moby/buildkit's Dockerfile in ${ms.toFixed(1)} ms`);
  assert.match(explain(model, { problems }), /## Key concepts/);
});
