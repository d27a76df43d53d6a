/**
 * A plain JSON-RPC client that starts the built server over stdio, as Neovim or
 * Helix would, and waits on notifications (never on fixed sleeps).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'server', 'package.json'))) dir = join(dir, '..');
  return dir;
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string; data?: unknown; severity: number; source: string }>;
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  private published: Published[] = [];
  private waiters: Array<() => void> = [];
  readonly stderr: string[] = [];
  readonly requests: Array<{ method: string; params: unknown }> = [];
  /** The server's log lines (window/logMessage). */
  readonly logs: string[] = [];

  /** `nodeArgs` go to node before the server's script (a `-r` preload, say). */
  constructor(args: string[] = ['--stdio'], nodeArgs: string[] = []) {
    const bin = join(repoRoot(), 'server', 'bin', 'dockerfile-explained-server.js');
    this.proc = spawn(process.execPath, [...nodeArgs, bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => this.stderr.push(String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => this.logs.push(p.message));
    this.conn.onRequest((method: string, params: unknown) => {
      this.requests.push({ method, params });
      if (method === 'workspace/configuration') return (params as { items: unknown[] }).items.map(() => this.settings);
      return null;
    });
    this.conn.listen();
  }

  settings: unknown = {};

  /** Resolves with the first diagnostics for `uri` (at `version`, if given) published from now on or already. */
  async diagnostics(uri: string, version?: number, timeoutMs = 15000): Promise<Published> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = [...this.published].reverse().find((p) => p.uri === uri && (version === undefined || p.version === version));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri}@${version}; stderr: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** How many publications have arrived so far (pass to `until` to look only at later ones). */
  get count(): number {
    return this.published.length;
  }

  /** Resolves with the first publication after the `seen`-th that satisfies `pred`. */
  async until(pred: (p: Published) => boolean, seen = this.published.length, timeoutMs = 15000): Promise<Published> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.published.slice(seen).find(pred);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics; stderr: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** `documentChanges`: the client says it applies versioned workspace edits (as VS Code and Neovim do). */
  async initialize(initializationOptions?: unknown, pullConfig = false, documentChanges = false): Promise<any> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: pullConfig, workspaceEdit: { documentChanges } }, textDocument: { hover: { contentFormat: ['markdown'] } } },
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
  }

  async shutdown(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    this.conn.dispose();
    this.proc.kill();
  }
}
