/**
 * "Dockerfile: Explain This File": asks the server for the explain document of a Dockerfile
 * (custom request `dockerfileExplained/explain`) and shows it in the Markdown preview beside the
 * editor. The Markdown is a virtual document, `dockerfile-explained:/…/Dockerfile.explained.md`,
 * whose text the server writes; it is asked again when the Dockerfile changes. Nothing else:
 * the document itself is built by the server.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const EXPLAIN_COMMAND = 'dockerfileExplained.explain';
/** The server's request (server/src/explain/index.ts, EXPLAIN_REQUEST). */
const EXPLAIN_REQUEST = 'dockerfileExplained/explain';
const SCHEME = 'dockerfile-explained';
const REFRESH_MS = 300;

/** The virtual Markdown document of a Dockerfile's explanation; the Dockerfile's URI is its query. */
export function explainUri(source: vscode.Uri): vscode.Uri {
  const path = source.path.startsWith('/') ? source.path : `/${source.path}`;
  return vscode.Uri.from({ scheme: SCHEME, path: `${path}.explained.md`, query: source.toString() });
}

export function registerExplain(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const explained = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const c = client();
      if (!c) return '# Dockerfile Explained\n\nThe Dockerfile Explained language server is not running.\n';
      let result: { markdown: string } | null;
      try {
        result = await c.sendRequest<{ markdown: string } | null>(EXPLAIN_REQUEST, { textDocument: { uri: uri.query } });
      } catch (e) {
        return `# Dockerfile Explained\n\nThe server could not explain this file: ${(e as Error)?.message ?? e}\n`;
      }
      return result?.markdown ?? '# Dockerfile Explained\n\nThis Dockerfile is not open any more.\n';
    },
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    // From the editor title or context menu the Dockerfile's URI is the argument; from the palette, the active editor.
    vscode.commands.registerCommand(EXPLAIN_COMMAND, async (uri?: unknown) => {
      const source = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!source) {
        void vscode.window.showInformationMessage('Open a Dockerfile to explain it.');
        return;
      }
      explained.add(source.toString());
      const target = explainUri(source);
      changed.fire(target);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      if (!explained.has(key)) return;
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          changed.fire(explainUri(e.document.uri));
        }, REFRESH_MS),
      );
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}
