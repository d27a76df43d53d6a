// Memory check: the language server over stdio opens, edits (1,000 edits) and closes 200
// corpus documents; its RSS afterwards should come back to within 10% of the level after the
// first document was opened. Prints the figures (a benchmark, not a test).
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
const child = spawn(process.execPath, [...(process.env.BENCH_FORCE_GC ? ['--expose-gc', '-r', join(root, process.env.BENCH_FORCE_GC)] : []), join(root, 'server', 'bin', 'dockerfile-explained-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
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
async function settle() {
  // Let debounced lints run, then let the heap shrink.
  const before = published;
  await sleep(400);
  for (let i = 0; i < 20 && published !== before; i++) await sleep(100);
  await sleep(300);
}

await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
conn.sendNotification('initialized', {});
const files = readdirSync(corpusDir).filter((f) => f !== 'MANIFEST.tsv').sort().slice(0, 200);
const open = (f, i) =>
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: `file:///mem/${i}/Dockerfile`, languageId: 'dockerfile', version: 1, text: readFileSync(join(corpusDir, f), 'utf8') } });

open(files[0], 0);
await settle();
const first = rssMiB();
for (let i = 1; i < files.length; i++) open(files[i], i);
await settle();
const allOpen = rssMiB();
// 1,000 edits: 5 per document, each inserting a comment line at the top.
for (let round = 0; round < 5; round++) {
  files.forEach((_, i) =>
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: `file:///mem/${i}/Dockerfile`, version: 2 + round },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `# edit ${round}\n` }],
    }),
  );
  await sleep(50);
}
await settle();
const edited = rssMiB();
files.forEach((_, i) => { if (i > 0) conn.sendNotification('textDocument/didClose', { textDocument: { uri: `file:///mem/${i}/Dockerfile` } }); });
await settle();
await sleep(1500);
const closed = rssMiB();
await conn.sendRequest('shutdown');
conn.sendNotification('exit');
const ratio = closed / first;
console.log('');
console.log(`server memory (RSS) over 200 corpus documents and 1,000 edits${process.env.BENCH_FORCE_GC ? ', garbage collected every 200 ms' : ''}:`);
console.log(`  after the first open ${first.toFixed(1)} MiB, all open ${allOpen.toFixed(1)} MiB, after the edits ${edited.toFixed(1)} MiB, after closing ${closed.toFixed(1)} MiB`);
console.log(`  after closing / after the first open: ${ratio.toFixed(2)}× (target ≤ 1.10)`);
child.kill();
process.exit(0);
