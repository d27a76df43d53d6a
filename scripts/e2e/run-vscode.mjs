#!/usr/bin/env node
// The extension-host suites (test/e2e/), through @vscode/test-electron's runTests, in two runs:
//   1. development: the extension from this folder, every suite;
//   2. packaged: the .vsix installed into the editor's extensions folder, its own suite.
// Usage: node scripts/e2e/run-vscode.mjs [--vsix <file>] [--no-vsix] [--grep <text>] [--screenshots <dir>]
//   --vsix         test that package (default: build one with vsce into a temporary folder)
//   --no-vsix      the development run only
//   --grep         only the tests whose title contains <text> (mocha's grep)
//   --screenshots  where the README's pictures go (default: a temporary folder; code-server only)
// VS Code: by default code-server (desktop VS Code cannot be downloaded here): runTests gets
// vscodeExecutablePath = scripts/e2e/code-server-host.mjs, which takes VS Code's command line.
// With DX_E2E_VSCODE=desktop, runTests downloads desktop VS Code (DX_E2E_VSCODE_VERSION,
// default stable) and runs the same test modules in it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { install, paths } from './tools.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const require = createRequire(import.meta.url);
const { runTests, downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath } = require('@vscode/test-electron');

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  if (i >= 0 && argv[i + 1] === undefined) throw new Error(`${name} needs a value`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const desktop = process.env.DX_E2E_VSCODE === 'desktop';
const skipVsix = argv.includes('--no-vsix');
const grep = option('--grep') ?? '';
let vsix = option('--vsix') && resolve(option('--vsix'));

const t0 = Date.now();
const took = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const step = (msg) => console.log(`\n== e2e: ${msg}`);

step(`tools (${desktop ? 'desktop VS Code' : 'code-server'})`);
install(desktop ? 'tools' : 'vscode');

step('build the extension and the suites');
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
const out = join(root, 'dist-e2e');
rmSync(out, { recursive: true, force: true });
const suites = readdirSync(join(root, 'test', 'e2e', 'suites')).filter((f) => f.endsWith('.e2e.ts')).map((f) => `test/e2e/suites/${f}`);
await esbuild.build({
  entryPoints: ['test/e2e/index.ts', 'test/e2e/packaged.ts', ...suites],
  outdir: out,
  outbase: 'test/e2e',
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
});

const scratch = mkdtempSync(join(tmpdir(), 'dx-e2e-'));
// Desktop VS Code has no host script to take pictures: the screenshot suite runs under code-server only.
const screenshots = desktop ? '' : resolve(option('--screenshots') ?? join(scratch, 'screenshots'));
/** A workspace of its own per run: the examples and the fixtures, which the tests edit. */
function workspace(name) {
  const ws = join(scratch, name);
  cpSync(join(root, 'examples'), join(ws, 'examples'), { recursive: true });
  cpSync(join(root, 'test', 'e2e', 'fixtures'), ws, { recursive: true });
  return ws;
}

let vscodeExecutablePath = join(root, 'scripts', 'e2e', 'code-server-host.mjs');
if (desktop) vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.DX_E2E_VSCODE_VERSION || 'stable');
const env = { DX_E2E_MOCHA: paths.mocha, DX_E2E_GREP: grep };

async function run(label, options) {
  const since = Date.now();
  step(`${label}`);
  try {
    await runTests({ vscodeExecutablePath, ...options });
    console.log(`e2e: ${label} passed in ${took(since)}`);
    return true;
  } catch (e) {
    console.error(`e2e: ${label} FAILED in ${took(since)}: ${e.message}`);
    return false;
  }
}

const results = [];
results.push(
  await run('development run (extension from this folder)', {
    extensionDevelopmentPath: root,
    extensionTestsPath: join(out, 'index.js'),
    launchArgs: [workspace('dev'), `--user-data-dir=${join(scratch, 'dev-user')}`, `--extensions-dir=${join(scratch, 'dev-extensions')}`],
    extensionTestsEnv: { ...env, DX_E2E_SCREENSHOTS: screenshots, DX_E2E_ARTIFACTS: join(scratch, 'dev-artifacts') },
  }),
);

if (!skipVsix) {
  if (!vsix) {
    step('package the .vsix');
    vsix = join(scratch, 'dockerfile-explained.vsix');
    execFileSync('npx', ['vsce', 'package', '--no-dependencies', '-o', vsix], { cwd: root, stdio: 'inherit' });
  }
  const extensionsDir = join(scratch, 'vsix-extensions');
  step(`install ${vsix}`);
  if (desktop) {
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    execFileSync(cli, [...cliArgs, '--extensions-dir', extensionsDir, '--install-extension', vsix], { stdio: 'inherit' });
  } else {
    execFileSync(vscodeExecutablePath, ['--extensions-dir', extensionsDir, '--install-extension', vsix], { stdio: 'inherit' });
  }
  // runTests needs a development extension: an empty one, so that ours loads from the extensions folder.
  const harness = join(scratch, 'harness-extension');
  mkdirSync(harness, { recursive: true });
  writeFileSync(join(harness, 'package.json'), JSON.stringify({ name: 'dx-e2e-harness', publisher: 'dx-e2e', version: '0.0.0', engines: { vscode: '^1.82.0' } }));
  results.push(
    await run('packaged run (the .vsix, installed)', {
      extensionDevelopmentPath: harness,
      extensionTestsPath: join(out, 'packaged.js'),
      launchArgs: [workspace('vsix'), `--user-data-dir=${join(scratch, 'vsix-user')}`, `--extensions-dir=${extensionsDir}`],
      extensionTestsEnv: { ...env, DX_E2E_EXTENSIONS_DIR: extensionsDir, DX_E2E_ARTIFACTS: join(scratch, 'vsix-artifacts') },
    }),
  );
}

const ok = results.every(Boolean);
console.log(`\ne2e: ${ok ? 'passed' : 'FAILED'} in ${took(t0)}${ok ? '' : ` (logs and a screenshot under ${scratch})`}`);
if (ok) rmSync(scratch, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
