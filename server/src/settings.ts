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
}

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
  if (typeof o.ignorePragmas === 'boolean') out.ignorePragmas = o.ignorePragmas;
  if (typeof o.hadolintConfig === 'boolean') out.hadolintConfig = o.hadolintConfig;
  if (typeof o.nonRootUser === 'string' && new RegExp(settingsSchema.nonRootUser.pattern!).test(o.nonRootUser)) {
    out.nonRootUser = o.nonRootUser;
  }
  return out;
}
