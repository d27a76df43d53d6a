/**
 * The client's restart path (restartingErrorHandler in client/src/extension.ts): the language
 * server process is killed as a crash would kill it, and the client must start a new one that
 * lints again, and say so once in the "Dockerfile Explained" output channel.
 *
 * Linux only: the server is found through /proc. This code runs in the extension host, and the
 * client forks the server from it (`node …/server/dist/server.js --node-ipc
 * --clientProcessId=<extension host pid>`), so the server is the child of process.pid with that
 * command line. The output channel's text cannot be read through the API; VS Code backs each
 * channel an extension creates with a log file (…/output_logging_<time>/<n>-<name>.log) that
 * the extension host itself writes and keeps open, so the file is found among
 * /proc/self/fd: this extension host's own channel, whatever user-data folder the editor uses.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { activate, diagnosticsWhere, firstDiagnostics, openCase, rendered, suite, suiteSetup, test } from '../harness';

const CHANNEL = 'Dockerfile Explained';
const RESTARTED = /(?:^|\] )The Dockerfile Explained server stopped unexpectedly; restarting it \(.+\)\.$/;
const GAVE_UP = /server stopped \d+ times in 3 minutes/;

/** The living language-server processes this extension host forked (zombies not counted). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== process.pid || state === 'Z') continue;
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.some((a) => a.endsWith('server/dist/server.js')) && argv.includes(`--clientProcessId=${process.pid}`)) pids.push(Number(entry));
    } catch {
      // The process ended while it was being read.
    }
  }
  return pids;
}

/** The log file behind our output channel, found among the files this extension host has open. */
function outputLogFile(): string {
  const name = new RegExp(`/output_logging_[^/]+/\\d+-${CHANNEL}\\.log$`);
  const found = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (name.test(target)) found.add(target);
    } catch {
      // Closed meanwhile.
    }
  }
  assert.equal(found.size, 1, `expected one open "${CHANNEL}" output log in the extension host, found: ${JSON.stringify([...found])}`);
  return [...found][0];
}

function outputLines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : [];
}

/** Polls `check` every 100 ms until it returns something other than undefined/false; fails after `timeoutMs`. */
async function poll<T>(what: string, check: () => T | undefined | false, state: () => string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; now: ${state()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('Server restart', () => {
  suiteSetup(activate);

  // The waits below add up to less than mocha's 60 s per test.
  test('a killed server is restarted, lints again, and the output channel says so once', async () => {
    if (process.platform !== 'linux') return; // /proc is Linux's.
    const editor = await openCase('FROM debian:12.5\nMAINTAINER Jane Doe <jane@example.com>\n');
    const uri = editor.document.uri;
    await firstDiagnostics(uri);
    assert.ok(rendered(uri).includes('2:1-2:11 DL4000 error'), `MAINTAINER flagged: ${JSON.stringify(rendered(uri))}`);

    const log = outputLogFile();
    const restartLines = () => outputLines(log).filter((l) => RESTARTED.test(l));
    const before = restartLines().length;
    const [server, ...others] = serverPids();
    assert.ok(server, 'no language-server process found among the extension host children');
    assert.deepEqual(others, [], 'more than one language-server process');

    process.kill(server, 'SIGKILL');
    await poll('the killed server to be gone', () => !serverPids().includes(server), () => JSON.stringify(serverPids()), 10_000);

    // A second MAINTAINER: only a server that runs after the kill can flag line 3.
    await editor.edit((b) => b.insert(editor.document.lineAt(1).range.end, '\nMAINTAINER John Doe <john@example.com>'));
    const after = await diagnosticsWhere(uri, 'the restarted server to flag the new line', (r) => r.includes('3:1-3:11 DL4000 error'), 30_000);
    assert.ok(after.includes('2:1-2:11 DL4000 error'), `the first finding kept: ${JSON.stringify(after)}`);
    const restarted = serverPids();
    assert.equal(restarted.length, 1, `one server after the restart: ${JSON.stringify(restarted)}`);
    assert.notEqual(restarted[0], server, 'the server answering is a new process');

    // The line is appended before the restart; the log file may lag behind the channel a little.
    const lines = await poll('the restart line in the output log', () => restartLines().length > before && restartLines(), () => `${log}: ${JSON.stringify(outputLines(log).slice(-5))}`, 10_000);
    assert.equal(lines.length - before, 1, `one restart line per crash in ${log}: ${JSON.stringify(lines)}`);
    assert.ok(!outputLines(log).some((l) => GAVE_UP.test(l)), 'the client did not give up after one crash');
  });
});
