/** Starts the bundled language server over IPC. Nothing else of substance lives here. */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerExplain } from './explain';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/dist/server.js');
  // Two glibc malloc arenas instead of one per thread: memory V8's background threads free goes
  // back to the system, so the server shrinks again once documents are closed (npm run bench).
  const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watchers = ['**/.hadolint.{yaml,yml}', '**/.dockerignore', '**/*.dockerignore'].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  // The server's code lens above each final stage hands its `docker build` line to this command.
  context.subscriptions.push(
    vscode.commands.registerCommand('dockerfileExplained.copyToClipboard', async (text: unknown) => {
      if (typeof text !== 'string') return;
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`Copied: ${text}`, 3000);
    }),
  );
  const output = vscode.window.createOutputChannel('Dockerfile Explained');
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    outputChannel: output,
    errorHandler: restartingErrorHandler(),
    // Every scheme: saved files, unsaved edits and untitled documents alike.
    documentSelector: [{ language: 'dockerfile' }],
    synchronize: {
      configurationSection: 'dockerfileExplained',
      // Files the server reads beside a Dockerfile: hadolint's configuration, and the ignore files CopyIgnoredFile checks against.
      fileEvents: watchers,
    },
  };
  client = new LanguageClient('dockerfileExplained', 'Dockerfile Explained', serverOptions, clientOptions);
  await client.start();
  // "Dockerfile: Explain This File": the server's explain document in the Markdown preview.
  registerExplain(context, () => client);
}

/**
 * If the server process dies, start it again and say so once in the output channel (no pop-up);
 * after 5 crashes within 3 minutes, stop trying and say why.
 */
function restartingErrorHandler() {
  const crashes: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0] > 3 * 60_000) crashes.shift();
      // The client library writes `message` to the output channel in place of its own line.
      if (crashes.length > 5) {
        return { action: CloseAction.DoNotRestart, handled: true, message: 'The Dockerfile Explained server stopped 6 times in 3 minutes; it is not restarted again. Reload the window to try again.' };
      }
      return { action: CloseAction.Restart, handled: true, message: `The Dockerfile Explained server stopped unexpectedly; restarting it (${new Date(now).toISOString()}).` };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
