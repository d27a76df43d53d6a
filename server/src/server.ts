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
import { toDiagnostic, ruleDocUrl, capDiagnostics } from './service/diagnostics';
import { codeActions, FIX_ALL_KIND, SHOW_DOC_COMMAND } from './service/codeActions';
import { versionedActions, versionedEdit } from './service/versionedEdit';
import { hover } from './service/hover';
import { semanticTokensLegend, SemanticTokensStore } from './service/semanticTokens';
import { formatDocument, formatRange, formatOnType, ON_TYPE_TRIGGERS } from './service/format';
import { completion, resolveCompletion, COMPLETION_TRIGGERS, type CompletionOptions } from './service/completion';
import { signatureHelp, SIGNATURE_TRIGGERS } from './service/signature';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { checkCancelled, unlessCancelled } from './cancellation';
export { connectionOptions } from './cancellation';
import { definition, documentHighlights, prepareRename, references, rename } from './service/navigation';
import { documentSymbols, flatSymbols } from './service/symbols';
import { foldingRanges } from './service/folding';
import { documentLinks } from './service/links';
import { inlayHints } from './service/inlayHints';
import { codeLenses } from './service/codeLens';
import { HadolintConfigStore } from './service/workspace';
import { DockerignoreStore } from './service/dockerignore';
import { normalizeSettings, type Settings } from './settings';
import { findRule } from './rules';
import { lint, type LintOptions } from './service/lint';
import { SERVER_VERSION } from './version';
import { initBashParser, bashParserFailure } from './model/bash';
import { parseDocument } from './model/document';
import { explain, imageNameFor, EXPLAIN_REQUEST, type ExplainParams, type ExplainResult } from './explain';
import { readFileSync } from 'node:fs';

export const SECTION = 'dockerfileExplained';
const DEBOUNCE_MS = 200;
/** Up to this size a hover lints the document itself when its findings are not ready; above it, the hover does not wait for them. */
const HOVER_LINT_LIMIT = 100_000;

export function createServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new ModelCache();
  const semanticTokenStore = new SemanticTokensStore();
  let workspaceRoots: string[] = [];
  const configs = new HadolintConfigStore(() => workspaceRoots);
  const dockerignores = new DockerignoreStore(undefined, (path, why) =>
    connection.console.warn(`dockerfile-explained: ${path}: ${why}; CopyIgnoredFile runs as if there were no ignore file`),
  );
  let pullConfiguration = false;
  let globalSettings: Settings = normalizeSettings(undefined);
  const docSettings = new Map<string, Promise<Settings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const reportedConfigErrors = new Map<string, string>();
  let hoverPlainText = false;
  let hierarchicalSymbols = true;
  let completionOptions: CompletionOptions = {};
  let completionPlainText = false;
  let signaturePlainText = false;
  let versionedEdits = false;

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    if (!(await initBashParser())) connection.console.warn(`dockerfile-explained: tree-sitter-bash did not load (${bashParserFailure()}); using the simple shell tokenizer`);
    pullConfiguration = !!params.capabilities.workspace?.configuration;
    const formats = params.capabilities.textDocument?.hover?.contentFormat;
    hoverPlainText = Array.isArray(formats) && formats.length > 0 && !formats.includes('markdown');
    const itemCaps = params.capabilities.textDocument?.completion?.completionItem;
    // Items that need a value reopen the list through a VS Code command; other editors lack it.
    completionOptions = { snippets: !!itemCaps?.snippetSupport, retrigger: /code|codium|cursor|windsurf/i.test(params.clientInfo?.name ?? '') };
    completionPlainText = !!itemCaps?.documentationFormat?.length && !itemCaps.documentationFormat.includes('markdown');
    const signatureFormats = params.capabilities.textDocument?.signatureHelp?.signatureInformation?.documentationFormat;
    signaturePlainText = !!signatureFormats?.length && !signatureFormats.includes('markdown');
    hierarchicalSymbols = !!params.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
    // Edits carry the version they were computed for where the client can check it.
    versionedEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceRoots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    globalSettings = normalizeSettings(init?.[SECTION] ?? init);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: { delta: true }, range: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentOnTypeFormattingProvider: ON_TYPE_TRIGGERS,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS, retriggerCharacters: SIGNATURE_TRIGGERS },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
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
    // Linted in slices: requests are answered in between, and a newer version stops this lint.
    const problems = await cache.problemsAsync(doc, options);
    if (!problems || documents.get(doc.uri)?.version !== doc.version) return; // superseded or closed
    const diagnostics = capDiagnostics(problems.map((p) => toDiagnostic(model, p)));
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
    semanticTokenStore.forget(e.document.uri);
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

  connection.onHover(async (params, token) => {
    const options = await lintOptions(params.textDocument.uri);
    checkCancelled(token);
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    // Findings at the position join the hover; a large document's hover does not wait for its lint.
    const problems = cache.readyProblems(doc, options) ?? (doc.getText().length <= HOVER_LINT_LIMIT ? cache.problems(doc, options) : []);
    return hover(cache.model(doc), params.position, problems, { plainText: hoverPlainText });
  });

  connection.onCodeAction(async (params, token) => {
    let doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    // Fix-all lints the fixed text again, with this document's settings and configuration.
    const versioned = (actions: ReturnType<typeof codeActions>, version: number) => (versionedEdits ? versionedActions(actions, version) : actions);
    if (!only?.some((k) => FIX_ALL_KIND.startsWith(k))) return versioned(codeActions(cache.model(doc), params.context.diagnostics, only), doc.version);
    const options = await lintOptions(doc.uri);
    checkCancelled(token);
    doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return versioned(
      codeActions(cache.model(doc), params.context.diagnostics, only, (model) => lint(model, options)),
      doc.version,
    );
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command === SHOW_DOC_COMMAND) {
      const id = String(params.arguments?.[0] ?? '');
      if (!findRule(id)) return;
      await connection.window.showDocument({ uri: ruleDocUrl(id), external: true });
    }
  });

  // "Dockerfile: Explain This File": the explain document of an open document, or of a file on disk.
  connection.onRequest(EXPLAIN_REQUEST, async (params: ExplainParams, token: CancellationToken): Promise<ExplainResult | null> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return null;
    const options = await lintOptions(uri);
    checkCancelled(token);
    let doc = documents.get(uri);
    let model: ReturnType<typeof cache.model>;
    let problems: ReturnType<typeof lint>;
    if (doc) {
      // The lint gives the event loop back between rules, so a cancellation is heard while it
      // runs; an edit meanwhile means the newer text is explained instead.
      for (;;) {
        model = cache.model(doc);
        const linted = await unlessCancelled(cache.problemsAsync(doc, options), token);
        const now = documents.get(uri);
        if (!now) return null;
        if (linted && now.version === doc.version) {
          problems = linted;
          break;
        }
        doc = now;
      }
    } else {
      if (!uri.startsWith('file:')) return null;
      let text: string;
      try {
        text = readFileSync(fileURLToPath(uri), 'utf8');
      } catch {
        return null;
      }
      model = parseDocument(text, uri, 0);
      problems = lint(model, options);
    }
    checkCancelled(token);
    const markdown = explain(model, {
      fileName: uri,
      imageName: imageNameFor(uri),
      problems,
      onError: (part, e) => connection.console.error(`explain: ${part} failed for ${uri}: ${(e as Error)?.stack ?? e}`),
    });
    return { markdown, version: doc?.version ?? 0 };
  });

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return completion(cache.model(doc), params.position, { ...completionOptions, triggerCharacter: params.context?.triggerCharacter });
  });

  connection.onCompletionResolve((item) => resolveCompletion(item, { plainText: completionPlainText }));

  connection.onSignatureHelp((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? signatureHelp(cache.model(doc), params.position, { plainText: signaturePlainText }) : null;
  });

  // Navigation, outline, links, inlay hints and code lens: pure functions of the parsed document.
  const modelOf = (uri: string) => {
    const doc = documents.get(uri);
    return doc ? cache.model(doc) : undefined;
  };
  const refused = (message: string) => new ResponseError(LSPErrorCodes.RequestFailed, message);
  connection.onDefinition((p) => {
    const m = modelOf(p.textDocument.uri);
    return m ? definition(m, p.position) : null;
  });
  connection.onReferences((p) => {
    const m = modelOf(p.textDocument.uri);
    return m ? references(m, p.position, p.context.includeDeclaration) : [];
  });
  connection.onDocumentHighlight((p) => {
    const m = modelOf(p.textDocument.uri);
    return m ? documentHighlights(m, p.position) : [];
  });
  connection.onPrepareRename((p) => {
    const m = modelOf(p.textDocument.uri);
    const r = m ? prepareRename(m, p.position) : null;
    return r && 'error' in r ? refused(r.error) : r;
  });
  connection.onRenameRequest((p) => {
    const doc = documents.get(p.textDocument.uri);
    const r = doc ? rename(cache.model(doc), p.position, p.newName) : null;
    return !r ? null : 'error' in r ? refused(r.error) : versionedEdits ? versionedEdit(r.edit, doc!.version) : r.edit;
  });
  connection.onDocumentSymbol((p) => {
    const m = modelOf(p.textDocument.uri);
    if (!m) return [];
    const symbols = documentSymbols(m);
    return hierarchicalSymbols ? symbols : flatSymbols(symbols, p.textDocument.uri);
  });
  connection.onFoldingRanges((p) => {
    const m = modelOf(p.textDocument.uri);
    return m ? foldingRanges(m) : [];
  });
  connection.onDocumentLinks((p) => {
    const m = modelOf(p.textDocument.uri);
    return m ? documentLinks(m) : [];
  });
  connection.languages.inlayHint.on((p) => {
    const m = modelOf(p.textDocument.uri);
    return m ? inlayHints(m, p.range) : [];
  });
  connection.onCodeLens((p) => {
    const m = modelOf(p.textDocument.uri);
    return m ? codeLenses(m) : [];
  });

  // Semantic tokens (full, then deltas against the last result) and formatting.
  connection.languages.semanticTokens.on((p) => {
    const m = modelOf(p.textDocument.uri);
    return m ? semanticTokenStore.full(p.textDocument.uri, m) : { data: [] };
  });
  connection.languages.semanticTokens.onDelta((p) => {
    const m = modelOf(p.textDocument.uri);
    return m ? semanticTokenStore.delta(p.textDocument.uri, m, p.previousResultId) : { data: [] };
  });
  /** Runs a formatter with the document's settings, on the text current once they are known. */
  async function formatWith<T>(uri: string, token: CancellationToken, run: (model: ReturnType<typeof cache.model>, settings: Settings, text: string) => T): Promise<T | []> {
    const settings = await settingsFor(uri);
    checkCancelled(token);
    const doc = documents.get(uri);
    return doc ? run(cache.model(doc), settings, doc.getText()) : [];
  }
  connection.onDocumentFormatting((p, token) => formatWith(p.textDocument.uri, token, (m, s, text) => formatDocument(m, s, p.options, text)));
  connection.onDocumentRangeFormatting((p, token) => formatWith(p.textDocument.uri, token, (m, s, text) => formatRange(m, p.range, s, p.options, text)));
  connection.onDocumentOnTypeFormatting((p, token) => formatWith(p.textDocument.uri, token, (m, s, text) => formatOnType(m, p.position, p.ch, s, p.options, text)));

  documents.listen(connection);
  connection.listen();
}
