#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron launches: accepts its command
// line ([folder] --extensionDevelopmentPath=… --extensionTestsPath=… --user-data-dir=…
// --extensions-dir=…), serves that VS Code from code-server on loopback, opens the workbench in
// headless Chromium and exits with the test module's result. With the smoke-test driver on,
// the workbench honours the extension-development payload, calls window.codeAutomationExit(code)
// when the test module settles and sends its log (the extension host's console among it) to
// window.codeAutomationLog. `--install-extension <vsix|id> --extensions-dir=…` installs, as the
// `code` CLI does.
//
// A test may print `[dx-e2e] screenshot {"path": "…", "waitFor": "<selector>", "clip": "<selector>",
// "press": "Escape"}`: the page is captured once waitFor is visible (clipped to the clip
// element), the key pressed, then the file is renamed into place (the test waits for it).
// Environment: DX_E2E_TIMEOUT (seconds, default 600), DX_E2E_ARTIFACTS (where a failed run
// leaves its screenshot and logs; default a temporary folder), DX_E2E_VERBOSE=1 (every log line).
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, writeFileSync, renameSync, rmSync, createWriteStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { paths } from './tools.mjs';

const MARK = '[dx-e2e] ';

function parseArgs(argv) {
  const out = { folders: [], devPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, install: [] };
  const withValue = { '--extensionDevelopmentPath': 'dev', '--extensionTestsPath': 'tests', '--user-data-dir': 'udd', '--extensions-dir': 'ext', '--install-extension': 'install' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) { out.folders.push(resolve(a)); continue; }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const kind = withValue[name];
    if (!kind) continue; // desktop-only switches: --no-sandbox, --disable-updates, --skip-welcome…
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (kind === 'dev') out.devPaths.push(resolve(value));
    else if (kind === 'tests') out.testsPath = resolve(value);
    else if (kind === 'udd') out.userDataDir = resolve(value);
    else if (kind === 'ext') out.extensionsDir = resolve(value);
    else out.install.push(value.endsWith('.vsix') ? resolve(value) : value);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const scratch = mkdtempSync(join(tmpdir(), 'dx-code-server-'));
// code-server keeps its logs and heartbeat under XDG_DATA_HOME, Chromium its crash reports under
// XDG_CONFIG_HOME: both go to the scratch folder, not $HOME. DX_E2E_MARK_OUTPUT: the test runner
// marks its reporter's lines, which this script prints (see codeAutomationLog).
const xdg = { XDG_DATA_HOME: join(scratch, 'data'), XDG_CONFIG_HOME: join(scratch, 'config') };
const env = { ...process.env, ...xdg, PATH: `${paths.node24Bin}:${process.env.PATH}`, DX_E2E_MARK_OUTPUT: '1' };
const node24 = join(paths.node24Bin, 'node');
for (const [what, p] of [['Node 24', node24], ['code-server', paths.codeServerEntry], ['playwright-core', paths.playwright]]) {
  if (!existsSync(p)) {
    console.error(`code-server host: ${what} is missing (${p}); run: node scripts/e2e/tools.mjs vscode`);
    process.exit(1);
  }
}

const userDataDir = args.userDataDir ?? join(scratch, 'user-data');
const extensionsDir = args.extensionsDir ?? join(scratch, 'extensions');
// code-server writes a default config (with a password) where none is given: keep it out of $HOME.
const configFile = join(scratch, 'config.yaml');
writeFileSync(configFile, 'auth: none\n');
const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

if (args.install.length) {
  const cmd = [paths.codeServerEntry, ...common, '--force', ...args.install.flatMap((x) => ['--install-extension', x])];
  execFileSync(node24, cmd, { env, stdio: 'inherit' });
  rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}

if (!args.testsPath || !args.devPaths.length) {
  console.error('code-server host: needs --extensionTestsPath and --extensionDevelopmentPath (it runs extension tests only)');
  process.exit(2);
}

const artifacts = process.env.DX_E2E_ARTIFACTS ? resolve(process.env.DX_E2E_ARTIFACTS) : join(scratch, 'artifacts');
mkdirSync(artifacts, { recursive: true });
const verbose = process.env.DX_E2E_VERBOSE === '1';
const timeoutMs = Number(process.env.DX_E2E_TIMEOUT || 600) * 1000;

// Quiet, deterministic user settings: no AI features, welcome page, tips, update checks, telemetry or git.
mkdirSync(join(userDataDir, 'User'), { recursive: true });
const settingsFile = join(userDataDir, 'User', 'settings.json');
if (!existsSync(settingsFile)) {
  writeFileSync(settingsFile, JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'security.workspace.trust.enabled': false,
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
    'editor.accessibilitySupport': 'off',
  }, null, 2));
}

const codeServerLog = join(artifacts, 'code-server.log');
const logStream = createWriteStream(codeServerLog);
const server = spawn(node24, [
  paths.codeServerEntry, ...common,
  '--auth', 'none', '--bind-addr', '127.0.0.1:0',
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
  // A built workbench honours extension-development and test parameters only with the smoke-test driver on.
  '--vscode-option', 'enable-smoke-test-driver',
], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });

let browser;
let page;
let finished = false;
async function finish(code, why) {
  if (finished) return;
  finished = true;
  if (why) console.error(`code-server host: ${why}`);
  if (code !== 0 && page) {
    await page.screenshot({ path: join(artifacts, 'failure.png') }).catch(() => undefined);
    console.error(`code-server host: failure screenshot and logs in ${artifacts}`);
  }
  await browser?.close().catch(() => undefined);
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
  logStream.end();
  if (code === 0 || !artifacts.startsWith(scratch)) rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
}
const timer = setTimeout(() => void finish(1, `timed out after ${timeoutMs / 1000}s`), timeoutMs);
timer.unref();
process.on('SIGINT', () => void finish(130, 'interrupted'));
process.on('SIGTERM', () => void finish(143, 'terminated'));
server.on('exit', (code, signal) => void finish(1, `code-server exited early (${code ?? signal}); see ${codeServerLog}`));

const port = await new Promise((resolvePort, reject) => {
  let buf = '';
  const onData = (d) => {
    logStream.write(d);
    buf += d.toString();
    const m = /HTTP server listening on https?:\/\/[^:\s]+:(\d+)/.exec(buf);
    if (m) resolvePort(Number(m[1]));
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  setTimeout(() => reject(new Error(`code-server did not start in 60s; see ${codeServerLog}`)), 60_000).unref();
}).catch((e) => finish(1, e.message));

const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
const payload = [
  ...args.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
  ['extensionTestsPath', remote(args.testsPath)],
  ['skipWelcome', 'true'],
  ['skipReleaseNotes', 'true'],
];
const folder = args.folders[0];
const url = `http://127.0.0.1:${port}/?${folder ? `folder=${encodeURIComponent(folder)}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;

let screenshots = Promise.resolve();
try {
  const { chromium } = createRequire(join(paths.playwright, 'package.json'))('playwright-core');
  browser = await chromium.launch({
    executablePath: paths.chromium,
    env: { ...process.env, ...xdg },
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const browserLog = createWriteStream(join(artifacts, 'workbench.log'));
  page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.message}\n`));

  await page.exposeFunction('codeAutomationExit', (code) => {
    clearTimeout(timer);
    void finish(Number(code) || 0);
  });

  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const text = (Array.isArray(logArgs) ? logArgs : [logArgs]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    browserLog.write(`[${type}] ${text}\n`);
    // The extension host's console arrives here among the workbench's log: print the test reporter's lines.
    const at = text.indexOf(MARK);
    if (at >= 0) {
      const [verb, ...rest] = text.slice(at + MARK.length).split(' ');
      if (verb === 'screenshot') screenshots = screenshots.then(() => screenshot(JSON.parse(rest.join(' '))));
      else if (verb === 'out') process.stdout.write(`${rest.join(' ')}\n`);
      return;
    }
    if (verbose) process.stdout.write(`[${type}] ${text}\n`);
  });

  await page.goto(url);
} catch (e) {
  await finish(1, `could not open the workbench: ${e.message}`);
}

async function screenshot({ path, waitFor, clip, press }) {
  try {
    let area;
    if (waitFor) {
      const el = page.locator(waitFor).first();
      await el.waitFor({ state: 'visible', timeout: 30_000 });
      // Let the widget finish its layout and fade-in before the capture.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    if (clip) area = (await page.locator(clip).first().boundingBox()) ?? undefined;
    mkdirSync(dirname(path), { recursive: true });
    await page.screenshot({ path: `${path}.tmp.png`, clip: area, animations: 'disabled' });
    // Close the widget before the test, seeing the file, goes on.
    if (press) await page.keyboard.press(press);
    renameSync(`${path}.tmp.png`, path);
  } catch (e) {
    console.error(`code-server host: screenshot ${path} failed: ${e.message}`);
    writeFileSync(`${path}.failed`, String(e.message));
  }
}

