/**
 * Wires LSP handlers to the pure language service. Nothing else lives here.
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ModelCache } from './service/cache';
import { toDiagnostic, ruleDocUrl } from './service/diagnostics';
import { codeActions, FIX_ALL_KIND, SHOW_DOC_COMMAND } from './service/codeActions';
import { hover } from './service/hover';
import { HadolintConfigStore } from './service/workspace';
import { DockerignoreStore } from './service/dockerignore';
import { normalizeSettings, type Settings } from './settings';
import { findRule } from './rules';
import { lint, type LintOptions } from './service/lint';
import { SERVER_VERSION } from './version';
import { initBashParser, bashParserFailure } from './model/bash';

export const SECTION = 'dockerfileExplained';
const DEBOUNCE_MS = 200;

export function createServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new ModelCache();
  let workspaceRoots: string[] = [];
  const configs = new HadolintConfigStore(() => workspaceRoots);
  const dockerignores = new DockerignoreStore();
  let pullConfiguration = false;
  let globalSettings: Settings = normalizeSettings(undefined);
  const docSettings = new Map<string, Promise<Settings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const reportedConfigErrors = new Map<string, string>();
  let hoverPlainText = false;

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    if (!(await initBashParser())) connection.console.warn(`dockerfile-explained: tree-sitter-bash did not load (${bashParserFailure()}); using the simple shell tokenizer`);
    pullConfiguration = !!params.capabilities.workspace?.configuration;
    const formats = params.capabilities.textDocument?.hover?.contentFormat;
    hoverPlainText = Array.isArray(formats) && formats.length > 0 && !formats.includes('markdown');
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceRoots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    globalSettings = normalizeSettings(init?.[SECTION] ?? init);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [SHOW_DOC_COMMAND] },
      },
      serverInfo: { name: 'dockerfile-explained-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  });

  function settingsFor(uri: string): Promise<Settings> {
    if (!pullConfiguration) return Promise.resolve(globalSettings);
    let p = docSettings.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SECTION })
        .then(normalizeSettings, () => globalSettings);
      docSettings.set(uri, p);
    }
    return p;
  }

  async function lintOptions(uri: string): Promise<LintOptions> {
    const settings = await settingsFor(uri);
    const dockerignore = dockerignores.forDocument(uri);
    if (!settings.hadolintConfig) return { settings, dockerignore };
    const { config, path } = configs.forDocument(uri);
    if (path) reportConfigProblems(path, config.errors);
    return { settings, hadolint: config, dockerignore };
  }

  /**
   * A malformed .hadolint.yaml gets one diagnostic on the file itself (the readable parts
   * still apply; what could not be read falls back to the defaults). Cleared once fixed.
   */
  function reportConfigProblems(path: string, errors: string[]): void {
    const key = errors.join('\n');
    if (reportedConfigErrors.get(path) === key) return;
    reportedConfigErrors.set(path, key);
    const diagnostics = errors.length
      ? [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: 1 as const,
            source: 'dockerfile-explained',
            message: `This configuration is only partly applied: ${errors.join('; ')}`,
          },
        ]
      : [];
    void connection.sendDiagnostics({ uri: pathToFileURL(path).href, diagnostics });
  }

  async function validate(doc: TextDocument): Promise<void> {
    const options = await lintOptions(doc.uri);
    const current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return; // superseded
    const model = cache.model(doc);
    const diagnostics = cache.problems(doc, options).map((p) => toDiagnostic(model, p));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  function schedule(doc: TextDocument, delay: number): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        validate(doc).catch((e) => connection.console.error(`validation failed for ${doc.uri}: ${(e as Error)?.stack ?? e}`));
      }, delay),
    );
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, DEBOUNCE_MS));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    docSettings.delete(e.document.uri);
    dockerignores.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  function revalidateAll(): void {
    for (const doc of documents.all()) schedule(doc, 0);
  }

  connection.onDidChangeConfiguration((change) => {
    docSettings.clear();
    if (!pullConfiguration) {
      const s = change.settings as Record<string, unknown> | undefined;
      globalSettings = normalizeSettings(s?.[SECTION] ?? s);
    }
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    configs.clear();
    dockerignores.clear();
    revalidateAll();
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const problems = cache.problems(doc, await lintOptions(doc.uri));
    return hover(cache.model(doc), params.position, problems, { plainText: hoverPlainText });
  });

  connection.onCodeAction(async (params) => {
    let doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    // Fix-all lints the fixed text again, with this document's settings and configuration.
    if (!only?.some((k) => FIX_ALL_KIND.startsWith(k))) return codeActions(cache.model(doc), params.context.diagnostics, only);
    const options = await lintOptions(doc.uri);
    doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return codeActions(cache.model(doc), params.context.diagnostics, only, (model) => lint(model, options));
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command === SHOW_DOC_COMMAND) {
      const id = String(params.arguments?.[0] ?? '');
      if (!findRule(id)) return;
      await connection.window.showDocument({ uri: ruleDocUrl(id), external: true });
    }
  });

  documents.listen(connection);
  connection.listen();
}
