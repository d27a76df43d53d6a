/** The pure language service, for embedding (no LSP connection involved). */
export { parseDocument, allInstructions, stageChain } from './model/document';
export { initBashParser, bashParserReady } from './model/bash';
export type { DocModel, Instruction, Stage, Flag } from './model/document';
export { lint, effectiveLevel, ruleNames } from './service/lint';
export type { Problem, LintOptions, Level } from './service/lint';
export { hover } from './service/hover';
export { explain, explainText, EXPLAIN_REQUEST } from './explain';
export type { ExplainOptions, ExplainParams, ExplainResult } from './explain';
export { semanticTokens, semanticTokensLegend, SemanticTokensStore, tokenEdits } from './service/semanticTokens';
export { formatDocument, formatRange, formatOnType } from './service/format';
export { codeActions, fixAll } from './service/codeActions';
export { definition, references, documentHighlights, prepareRename, rename } from './service/navigation';
export { documentSymbols, flatSymbols } from './service/symbols';
export { foldingRanges } from './service/folding';
export { documentLinks, imagePage } from './service/links';
export { inlayHints } from './service/inlayHints';
export { codeLenses, COPY_TO_CLIPBOARD_COMMAND } from './service/codeLens';
export { toDiagnostic } from './service/diagnostics';
export { rules, findRule } from './rules';
export { parseHadolintConfig } from './config/hadolint';
export { normalizeSettings, defaultSettings, settingsSchema } from './settings';
export { createServer } from './server';
/** Package operands of install commands (OS managers and language tools), for tools such as the hover coverage script. */
export { packagesOf as osPackagesOf } from './knowledge/os-packages';
export { packagesOf as langPackagesOf } from './knowledge/lang-packages';
export { variableRefs } from './rules/util';
