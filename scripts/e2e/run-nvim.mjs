#!/usr/bin/env node
// The Neovim layer: Debian's neovim, headless, runs scripts/e2e/nvim/test.lua against the
// standalone server (server/bin/dockerfile-explained-server.js --stdio) on a copy of
// examples/Dockerfile.flawed. Installs neovim when missing, builds the server first.
//   node scripts/e2e/run-nvim.mjs
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { install, paths } from './tools.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const t0 = Date.now();
install('nvim');
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
console.log(execFileSync(paths.nvim, ['--version']).toString().split('\n')[0]);

const scratch = mkdtempSync(join(tmpdir(), 'dx-nvim-'));
const fixture = join(scratch, 'Dockerfile.flawed');
copyFileSync(join(root, 'examples', 'Dockerfile.flawed'), fixture);
const nvim = spawn(paths.nvim, ['--headless', '--clean', '-n', '-c', `luafile ${join(root, 'scripts', 'e2e', 'nvim', 'test.lua')}`], {
  cwd: scratch,
  env: { ...process.env, DX_SERVER: join(root, 'server', 'bin', 'dockerfile-explained-server.js'), DX_FIXTURE: fixture },
  stdio: ['ignore', 'inherit', 'inherit'],
});
// A Lua error that escaped the script would leave Neovim waiting for input: bound the run.
const timer = setTimeout(() => {
  console.error('nvim: timed out after 120 s');
  nvim.kill('SIGKILL');
}, 120_000);
nvim.on('exit', (code, signal) => {
  clearTimeout(timer);
  rmSync(scratch, { recursive: true, force: true });
  const ok = code === 0;
  console.log(`nvim: ${ok ? 'passed' : `FAILED (${code ?? signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(ok ? 0 : 1);
});
