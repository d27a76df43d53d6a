// Memory check: a language server over stdio opens, edits (1,000 edits) and closes 200 corpus
// documents; its RSS afterwards should come back to within 10% of the level after the first
// document was opened. Ours and dockerfile-language-server-nodejs (the Docker extension's
// server) in the same run. Prints the figures (a benchmark, not a test).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const corpusDir = process.env.DOCKERFILE_CORPUS ?? join(root, '..', 'shared', 'corpus', 'real');
if (!existsSync(corpusDir)) {
  console.log(`memory check skipped: corpus not found at ${corpusDir}`);
  process.exit(0);
}
const rpc = require('vscode-jsonrpc/node');
const TARGET = 1.1;
// Both servers start as the VS Code client starts ours (client/src/extension.ts): glibc limited
// to two malloc arenas, so memory freed by V8's background threads goes back to the system.
const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
const files = readdirSync(corpusDir).filter((f) => f !== 'MANIFEST.tsv').sort().slice(0, 200);
const texts = files.map((f) => readFileSync(join(corpusDir, f), 'utf8'));

async function measure(serverScript) {
  const child = spawn(process.execPath, [serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  let published = 0;
  conn.onNotification('textDocument/publishDiagnostics', () => published++);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const rssMiB = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  };
  // Waits until diagnostics stop arriving (debounced lints done), then a little longer.
  async function settle() {
    let seen = -1;
    for (let i = 0; i < 50 && published !== seen; i++) {
      seen = published;
      await sleep(300);
    }
    await sleep(300);
  }
  const uri = (i) => `file:///mem/${i}/Dockerfile`;

  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  conn.sendNotification('initialized', {});
  const open = (i) => conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(i), languageId: 'dockerfile', version: 1, text: texts[i] } });
  open(0);
  await settle();
  const first = rssMiB();
  for (let i = 1; i < texts.length; i++) open(i);
  await settle();
  const allOpen = rssMiB();
  // 1,000 edits: 5 per document, each inserting a comment line at the top.
  for (let round = 0; round < 5; round++) {
    texts.forEach((_, i) =>
      conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: uri(i), version: 2 + round },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `# edit ${round}\n` }],
      }),
    );
    await sleep(50);
  }
  await settle();
  const edited = rssMiB();
  texts.forEach((_, i) => i > 0 && conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(i) } }));
  await settle();
  const closedAt = rssMiB();
  // V8 gives its heap back once the process has been idle for a while (its memory reducer):
  // poll once a second, up to a minute, until the target is met.
  let closed = closedAt;
  let idle = 0;
  while (closed / first > TARGET && idle < 60) {
    await sleep(1000);
    idle++;
    closed = rssMiB();
  }
  await conn.sendRequest('shutdown').catch(() => undefined);
  conn.sendNotification('exit');
  child.kill();
  return { first, allOpen, edited, closedAt, closed, idle };
}

const servers = [
  ['ours', join(root, 'server', 'bin', 'dockerfile-explained-server.js')],
  ['dockerfile-language-server-nodejs', require.resolve('dockerfile-language-server-nodejs/bin/docker-langserver')],
];
console.log('');
console.log(`server memory (RSS) over 200 corpus documents and 1,000 edits (MALLOC_ARENA_MAX=${env.MALLOC_ARENA_MAX}):`);
const results = [];
for (const [name, script] of servers) {
  const r = await measure(script);
  results.push(r);
  const x = (v) => `${v.toFixed(1)} MiB`;
  console.log(`  ${name}: first open ${x(r.first)}, all open ${x(r.allOpen)}, edited ${x(r.edited)}, just after closing ${x(r.closedAt)} (${(r.closedAt / r.first).toFixed(2)}×), after ${r.idle} s idle ${x(r.closed)} = ${(r.closed / r.first).toFixed(2)}× the first open (target ≤ ${TARGET.toFixed(2)})`);
}
const [ours, peer] = results;
console.log(`  ours / peer, all open: ${(ours.allOpen / peer.allOpen).toFixed(2)}; after closing: ${(ours.closed / peer.closed).toFixed(2)}`);
process.exit(0);
