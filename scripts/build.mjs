// Builds every shipped bundle with esbuild (the only code we ship), and with
// --tests also bundles test/**/*.test.ts into dist-test/ for node's test runner.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, rmSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const production = process.argv.includes('--production');
const testOut = process.env.DIST_TEST || 'dist-test';

const serverVersion = JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8')).version;

const serverRequire = createRequire(join(root, 'server', 'package.json'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  loader: { '.md': 'text' },
  // web-tree-sitter's ESM build reads import.meta.url, which a CommonJS bundle lacks: use its CJS build.
  alias: { 'web-tree-sitter': serverRequire.resolve('web-tree-sitter') },
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
    // DIST_TEST names another output folder, so that several builds can test side by side.
    rmSync(join(root, testOut), { recursive: true, force: true });
    all.push({
      ...common,
      entryPoints: findTests(join(root, 'test')),
      outdir: testOut,
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
  copyWasm();
}

/** The shell parser's WebAssembly files ship beside the server bundles. */
function copyWasm() {
  const require = serverRequire;
  mkdirSync(join(root, 'server', 'dist'), { recursive: true });
  for (const [pkg, file] of [
    ['web-tree-sitter', 'web-tree-sitter.wasm'],
    ['tree-sitter-bash', 'tree-sitter-bash.wasm'],
  ]) {
    copyFileSync(require.resolve(`${pkg}/${file}`), join(root, 'server', 'dist', file));
  }
}

run().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
