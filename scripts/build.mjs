// Builds every shipped bundle with esbuild (the only code we ship), and with
// --tests also bundles test/**/*.test.ts into dist-test/ for node's test runner.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const production = process.argv.includes('--production');

const serverVersion = JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8')).version;

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  loader: { '.md': 'text' },
  define: { __SERVER_VERSION__: JSON.stringify(serverVersion) },
  logLevel: 'warning',
  absWorkingDir: root,
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/bin/server.ts'], outfile: 'server/dist/server.js' },
  { entryPoints: ['server/src/bin/cli.ts'], outfile: 'server/dist/cli.js' },
  { entryPoints: ['server/src/index.ts'], outfile: 'server/dist/index.js' },
];

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

async function run() {
  const all = builds.map((b) => ({ ...common, ...b }));
  if (tests) {
    rmSync(join(root, 'dist-test'), { recursive: true, force: true });
    all.push({
      ...common,
      entryPoints: findTests(join(root, 'test')),
      outdir: 'dist-test',
      outbase: 'test',
      packages: 'external',
      external: ['vscode'],
    });
  }
  if (watch) {
    for (const b of all) await (await esbuild.context(b)).watch();
    console.log('watching…');
    return;
  }
  await Promise.all(all.map((b) => esbuild.build(b)));
}

run().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
