// Runs the fuzz tests for longer than CI does: `npm run fuzz -- [--runs N] [--seconds S] [--seed N]
// [--prefix-files N|all]` (or FUZZ_RUNS / FUZZ_SECONDS / FUZZ_SEED / FUZZ_PREFIX_FILES; `all`: the
// prefixes of every corpus file). Each failing input is saved as
// test/fixtures/fuzz/<hash>.Dockerfile, which test/fuzz.test.ts replays on every run.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const env = {
  ...process.env,
  FUZZ_SAVE: '1',
  FUZZ_SEED: arg('seed') ?? process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31),
  FUZZ_PREFIX_FILES: arg('prefix-files') ?? process.env.FUZZ_PREFIX_FILES ?? '10',
};
const runs = arg('runs') ?? process.env.FUZZ_RUNS;
const seconds = arg('seconds') ?? process.env.FUZZ_SECONDS;
if (runs) env.FUZZ_RUNS = runs;
else env.FUZZ_SECONDS = seconds ?? '300';
const out = 'dist-test-fuzz-run';
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--tests'], { cwd: root, stdio: 'inherit', env: { ...process.env, DIST_TEST: out } });
console.log(`fuzzing with seed ${env.FUZZ_SEED}, ${runs ? `${runs} cases per property` : `${env.FUZZ_SECONDS} s per property`}`);
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-timeout=0', join(root, out, 'fuzz.test.js')], { cwd: root, stdio: 'inherit', env });
rmSync(join(root, out), { recursive: true, force: true });
process.exit(r.status ?? 1);
