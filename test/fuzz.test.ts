/**
 * Fuzzing: generated Dockerfiles, every prefix of real-world files (what a user types) and
 * random mutations of them go through every pure service feature (test/fuzz/harness.ts), which
 * must not throw, must return ranges inside the document and must answer within a bound
 * proportional to the size. Seeded and bounded in CI; `npm run fuzz` (scripts/fuzz.mjs) runs
 * longer with FUZZ_RUNS / FUZZ_SECONDS / FUZZ_SEED and saves each failing input to
 * test/fixtures/fuzz/<hash>.Dockerfile, which this file replays on every run.
 */
import './setup';
import { test, after } from 'node:test';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { exercise, stats, FEATURES } from './fuzz/harness';
import { dockerfile, mutations, mutate } from './fuzz/generators';
import { corpusDir } from './corpus-dir';

const root = join(__dirname, '..');
const fixtures = join(root, 'test', 'fixtures', 'fuzz');
const corpus = corpusDir();
const seed = Number(process.env.FUZZ_SEED ?? 20261127);
const runs = Number(process.env.FUZZ_RUNS ?? 0);
const seconds = Number(process.env.FUZZ_SECONDS ?? 0);
/** Long runs (`npm run fuzz`) save failing inputs as regression fixtures. */
const save = process.env.FUZZ_SAVE === '1';

function saveInput(text: string): string {
  mkdirSync(fixtures, { recursive: true });
  const file = join(fixtures, `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.Dockerfile`);
  writeFileSync(file, text);
  return file;
}

/** fc.check with the seed printed, the budget from the environment, and the counterexample saved on failure. */
function property<T>(name: string, arb: fc.Arbitrary<T>, toText: (v: T) => string, ciRuns: number, picks = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 })): void {
  const numRuns = runs || (seconds ? 1e9 : ciRuns);
  const result = fc.check(
    fc.property(arb, picks, (v, ps) => {
      exercise(toText(v), ps);
    }),
    { seed, numRuns, interruptAfterTimeLimit: seconds ? seconds * 1000 : undefined, markInterruptAsFailure: false },
  );
  console.log(`fuzz ${name}: seed ${seed}, ${result.numRuns} cases${result.interrupted ? ' (time limit)' : ''}`);
  if (result.failed) {
    const text = toText(result.counterexample![0]);
    const where = save ? `\nsaved as ${saveInput(text)}` : '';
    throw new Error(`${fc.defaultReportMessage(result)}\nerror: ${(result.errorInstance as Error)?.stack ?? result.errorInstance}\ninput: ${JSON.stringify(text)}${where}`);
  }
}

test('saved fuzz failures stay fixed (test/fixtures/fuzz)', () => {
  if (!existsSync(fixtures)) return;
  for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.Dockerfile'))) {
    try {
      exercise(readFileSync(join(fixtures, name), 'utf8'));
    } catch (e) {
      throw new Error(`${name}: ${(e as Error).stack}`);
    }
  }
});

test('generated Dockerfiles: every feature, no exception, well-formed, in time', () => {
  property('generated', dockerfile, (t) => t, 25_000);
});

/** Real files, a few small ones spread over the corpus, or all of them (`count` Infinity); the corpus is optional. */
function corpusFiles(count: number): { name: string; text: string }[] | string {
  if (!corpus) return 'no corpus: ../shared/corpus/real not found and DOCKERFILE_CORPUS not set';
  const files = readdirSync(corpus)
    .filter((n) => n !== 'MANIFEST.tsv')
    .map((n) => ({ n, size: statSync(join(corpus, n)).size }))
    .filter((f) => count === Infinity || (f.size > 400 && f.size < 3000))
    .sort((a, b) => a.n.localeCompare(b.n));
  const step = Math.max(1, Math.floor(files.length / count));
  return files.filter((_, i) => i % step === 0).slice(0, count).map((f) => ({ name: f.n, text: readFileSync(join(corpus, f.n), 'utf8') }));
}

/**
 * Where a prefix is cut: every character of a small file; in a longer one (or when every corpus
 * file is asked for), every line end and every 7th character.
 */
function cuts(text: string, everyCharacter: boolean): number[] {
  if (everyCharacter && text.length <= 3000) return Array.from({ length: text.length + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let i = 0; i <= text.length; i++) if (i % 7 === 0 || text[i] === '\n' || i === text.length) out.push(i);
  return out;
}

test('every prefix of real files (what a user types)', (t) => {
  const wanted = process.env.FUZZ_PREFIX_FILES ?? '3';
  const files = corpusFiles(wanted === 'all' ? Infinity : Number(wanted));
  if (typeof files === 'string') return t.skip(files);
  let prefixes = 0;
  const failures: string[] = [];
  for (const { name, text } of files) {
    for (const i of cuts(text, wanted !== 'all')) {
      prefixes++;
      try {
        exercise(text.slice(0, i), [1]);
      } catch (e) {
        const where = save ? `\nsaved as ${saveInput(text.slice(0, i))}` : '';
        failures.push(`prefix ${i} of ${name}: ${(e as Error).stack}${where}`);
        break; // the next file: a long run reports every file that fails, at its first failing prefix
      }
    }
    if (failures.length && !save) break;
  }
  console.log(`fuzz prefixes: ${files.length} files, ${prefixes} prefixes, ${failures.length} failing`);
  if (failures.length) throw new Error(failures.join('\n\n'));
});

test('mutations of real files: byte flips, deletions, duplicated lines, insertions', (t) => {
  const files = corpusFiles(40);
  if (typeof files === 'string') return t.skip(files);
  const arb = fc.tuple(fc.integer({ min: 0, max: files.length - 1 }), mutations);
  property('mutated', arb, ([i, ms]) => mutate(files[i].text, ms), 5_000);
});

after(() => {
  const s = stats.slowest;
  console.log(`fuzz: ${stats.documents} documents, ${stats.calls} calls, ${FEATURES.length} features per document; longest call ${s.ms.toFixed(1)} ms (${s.feature}, ${s.chars} chars): ${s.input}`);
  if (save && s.text) {
    // A long run keeps the slowest document whole, to replay that call (it is no failure, so not a fixture).
    const file = join(tmpdir(), 'dockerfile-explained-fuzz-slowest.Dockerfile');
    writeFileSync(file, s.text);
    console.log(`fuzz: the document of the longest call is in ${file}`);
  }
});
