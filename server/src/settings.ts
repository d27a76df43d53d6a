/**
 * The one settings schema. Types and defaults come from here; package.json's
 * `contributes.configuration` must match it key by key (a test checks).
 */

export type RuleLevel = 'error' | 'warning' | 'info' | 'hint' | 'off';

export interface Settings {
  /** Per-rule level by code or alias: { "DL3008": "off", "FromAsCasing": "error" }. */
  rules: Record<string, RuleLevel>;
  /** Honour `# hadolint ignore=` / `# hadolint global ignore=` comments. */
  ignorePragmas: boolean;
  /** Read `.hadolint.yaml` from the workspace (ignored / override / trustedRegistries). */
  hadolintConfig: boolean;
  /** The non-root user the "add USER" fix inserts. */
  nonRootUser: string;
  /** Run the rules that carry a hadolint code (DL…). */
  hadolintRules: boolean;
  /** Run the rules that carry a BuildKit build-check name (FromAsCasing…). */
  buildkitChecks: boolean;
  /** Run Dockerfile Explained's own rules (DX…), syntax errors included. */
  ownRules: boolean;
  /** Formatting: the case of instruction keywords (and `AS`, HEALTHCHECK `CMD`/`NONE`). */
  formatKeywordCase: KeywordCase;
  /** Formatting: the indentation of continuation lines (and of instructions). */
  formatContinuationIndent: ContinuationIndent;
  /** Formatting: remove spaces and tabs at line ends (never in heredoc bodies). */
  formatTrimTrailingWhitespace: boolean;
}

export type KeywordCase = 'upper' | 'lower' | 'keep';
export type ContinuationIndent = 'keep' | 'editor' | 'tab' | '2 spaces' | '4 spaces';
export const KEYWORD_CASES: KeywordCase[] = ['upper', 'lower', 'keep'];
export const CONTINUATION_INDENTS: ContinuationIndent[] = ['keep', 'editor', 'tab', '2 spaces', '4 spaces'];

interface SchemaEntry {
  type: 'object' | 'boolean' | 'string';
  default: unknown;
  description: string;
  enum?: string[];
  additionalProperties?: { type: 'string'; enum: string[] };
  pattern?: string;
}

export const LEVELS: RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Keys are the setting names below `dockerfileExplained.`. */
export const settingsSchema: Record<keyof Settings, SchemaEntry> = {
  rules: {
    type: 'object',
    default: {},
    description:
      'Level of each rule, by code or alias, e.g. {"DL3008": "off", "FromAsCasing": "error"}. Levels: error, warning, info, hint, off. Rules not listed keep their default level.',
    additionalProperties: { type: 'string', enum: LEVELS },
  },
  ignorePragmas: {
    type: 'boolean',
    default: true,
    description: 'Honour `# hadolint ignore=…` and `# hadolint global ignore=…` comments.',
  },
  hadolintConfig: {
    type: 'boolean',
    default: true,
    description: 'Read `.hadolint.yaml` / `.hadolint.yml` (ignored, override) from the Dockerfile\'s folder or its parents within the workspace.',
  },
  nonRootUser: {
    type: 'string',
    default: 'appuser',
    description: 'User name that the "Add USER" quick-fix inserts. The fix does not create the user: see the DX1001 documentation.',
    pattern: '^[A-Za-z0-9_.$][A-Za-z0-9_.:$-]*$',
  },
  hadolintRules: {
    type: 'boolean',
    default: true,
    description:
      'Run the rules that carry a hadolint code (DL3008…). A rule that is also a BuildKit check stays on while `buildkitChecks` is on. A level set in `dockerfileExplained.rules` wins over this switch.',
  },
  buildkitChecks: {
    type: 'boolean',
    default: true,
    description:
      'Run the rules that carry a BuildKit build-check name (FromAsCasing…). A rule that also has a hadolint code stays on while `hadolintRules` is on. A level set in `dockerfileExplained.rules` wins over this switch.',
  },
  ownRules: {
    type: 'boolean',
    default: true,
    description:
      "Run Dockerfile Explained's own rules (DX…), the syntax errors DX2001–DX2025 included. A level set in `dockerfileExplained.rules` wins over this switch.",
  },
  formatKeywordCase: {
    type: 'string',
    default: 'upper',
    description:
      'Formatting: the case of instruction keywords, `AS` in FROM and HEALTHCHECK `CMD`/`NONE` (`upper`, `lower`, or `keep` as written). Never applied inside heredoc bodies.',
    enum: KEYWORD_CASES,
  },
  formatContinuationIndent: {
    type: 'string',
    default: 'keep',
    description:
      'Formatting: indentation of the lines that continue an instruction. `keep` leaves all indentation as written. Otherwise instructions start at column 0 and continuation lines get one unit (`tab`, `2 spaces`, `4 spaces`, or `editor`: the editor\'s tab size and tabs/spaces choice); deeper hand-made nesting inside a multi-line RUN is kept relative to the shallowest line. Lines whose indentation is part of a quoted string, and heredoc bodies, are never changed.',
    enum: CONTINUATION_INDENTS,
  },
  formatTrimTrailingWhitespace: {
    type: 'boolean',
    default: true,
    description: 'Formatting: remove spaces and tabs at the end of lines (after a line-continuation character too). Heredoc bodies are never changed.',
  },
};

export const defaultSettings: Settings = Object.fromEntries(
  Object.entries(settingsSchema).map(([k, v]) => [k, v.default]),
) as unknown as Settings;

/**
 * Merges a settings object from any client into complete settings. Wrong types and
 * unknown values are dropped key by key (a partial object never switches rules off).
 */
export function normalizeSettings(input: unknown): Settings {
  const out: Settings = { ...defaultSettings, rules: {} };
  if (!input || typeof input !== 'object') return out;
  const o = input as Record<string, unknown>;
  if (o.rules && typeof o.rules === 'object' && !Array.isArray(o.rules)) {
    for (const [code, level] of Object.entries(o.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && (LEVELS as string[]).includes(level)) out.rules[code] = level as RuleLevel;
    }
  }
  for (const key of ['ignorePragmas', 'hadolintConfig', 'hadolintRules', 'buildkitChecks', 'ownRules'] as const) {
    if (typeof o[key] === 'boolean') out[key] = o[key];
  }
  if (typeof o.nonRootUser === 'string' && new RegExp(settingsSchema.nonRootUser.pattern!).test(o.nonRootUser)) {
    out.nonRootUser = o.nonRootUser;
  }
  if ((KEYWORD_CASES as unknown[]).includes(o.formatKeywordCase)) out.formatKeywordCase = o.formatKeywordCase as KeywordCase;
  if ((CONTINUATION_INDENTS as unknown[]).includes(o.formatContinuationIndent)) out.formatContinuationIndent = o.formatContinuationIndent as ContinuationIndent;
  if (typeof o.formatTrimTrailingWhitespace === 'boolean') out.formatTrimTrailingWhitespace = o.formatTrimTrailingWhitespace;
  return out;
}
