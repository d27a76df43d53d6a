/** Starts the bundled language server over IPC. Nothing else of substance lives here. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watchers = ['**/.hadolint.{yaml,yml}', '**/.dockerignore', '**/*.dockerignore'].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
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
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
