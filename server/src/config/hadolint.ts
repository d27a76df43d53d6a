/**
 * `.hadolint.yaml` support: the keys that change which findings are reported and
 * at which level. Bad input yields a readable error list, never an exception.
 */
import { parse as parseYaml } from 'yaml';
import type { Severity } from '../rules/rule';

export interface HadolintConfig {
  ignored: string[];
  /** Code → level from `override.error/warning/info/style`. */
  override: Record<string, Exclude<Severity, 'off'>>;
  /** Registries base images may come from (`*` wildcards); empty = DL3026 is off. */
  trustedRegistries: string[];
  /** `label-schema`: label key → the kind of value it must hold (DL3049, DL3051–DL3058). */
  labelSchema: Record<string, LabelType>;
  /** `strict-labels`: labels outside the schema are reported (DL3050). */
  strictLabels: boolean;
  disableIgnorePragma: boolean;
  /** Findings below this level do not fail the CLI (hadolint's default: info). */
  failureThreshold: Severity | 'none';
  /** Problems found while reading the file, for the user. */
  errors: string[];
}

/** The value types `label-schema` accepts, as hadolint names them. */
export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

export const emptyHadolintConfig: HadolintConfig = {
  ignored: [],
  override: {},
  trustedRegistries: [],
  labelSchema: {},
  strictLabels: false,
  disableIgnorePragma: false,
  failureThreshold: 'info',
  errors: [],
};

const LEVEL_KEYS = ['error', 'warning', 'info', 'style'] as const;

export function parseHadolintConfig(text: string, name = '.hadolint.yaml'): HadolintConfig {
  const cfg: HadolintConfig = { ...emptyHadolintConfig, ignored: [], override: {}, trustedRegistries: [], labelSchema: {}, errors: [] };
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    cfg.errors.push(`${name}: not valid YAML (${firstLine(e)})`);
    return cfg;
  }
  if (doc === null || doc === undefined) return cfg;
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    cfg.errors.push(`${name}: expected a mapping of settings at the top level`);
    return cfg;
  }
  const o = doc as Record<string, unknown>;
  cfg.ignored = codeList(o.ignored, `${name}: ignored`, cfg.errors);
  if (o.override !== undefined) {
    if (typeof o.override !== 'object' || o.override === null || Array.isArray(o.override)) {
      cfg.errors.push(`${name}: override must be a mapping of error/warning/info/style to lists of rule codes`);
    } else {
      for (const [k, v] of Object.entries(o.override as Record<string, unknown>)) {
        if (!(LEVEL_KEYS as readonly string[]).includes(k)) {
          cfg.errors.push(`${name}: override.${k} is not a level (use error, warning, info or style)`);
          continue;
        }
        for (const code of codeList(v, `${name}: override.${k}`, cfg.errors)) cfg.override[code] = k as (typeof LEVEL_KEYS)[number];
      }
    }
  }
  const tr = o.trustedRegistries;
  if (typeof tr === 'string') cfg.trustedRegistries = tr.trim() ? [tr.trim()] : [];
  else if (tr !== undefined && tr !== null) {
    if (!Array.isArray(tr)) cfg.errors.push(`${name}: trustedRegistries must be a registry name or a list of registry names`);
    else {
      for (const item of tr) {
        if (typeof item === 'string' && item.trim()) cfg.trustedRegistries.push(item.trim());
        else cfg.errors.push(`${name}: trustedRegistries: ignoring ${JSON.stringify(item)}, not a registry name`);
      }
    }
  }
  const schema = o['label-schema'];
  if (schema !== undefined && schema !== null) {
    if (typeof schema !== 'object' || Array.isArray(schema)) {
      cfg.errors.push(`${name}: label-schema must be a mapping of label names to types (${LABEL_TYPES.join(', ')})`);
    } else {
      for (const [label, type] of Object.entries(schema as Record<string, unknown>)) {
        const t = typeof type === 'string' ? type.trim().toLowerCase() : type;
        if (typeof t === 'string' && (LABEL_TYPES as readonly string[]).includes(t)) cfg.labelSchema[label] = t as LabelType;
        else cfg.errors.push(`${name}: label-schema.${label}: ${JSON.stringify(type)} is not a label type (use ${LABEL_TYPES.join(', ')})`);
      }
    }
  }
  if (o['strict-labels'] !== undefined) {
    if (typeof o['strict-labels'] === 'boolean') cfg.strictLabels = o['strict-labels'];
    else cfg.errors.push(`${name}: strict-labels must be true or false`);
  }
  if (o['disable-ignore-pragma'] !== undefined) {
    if (typeof o['disable-ignore-pragma'] === 'boolean') cfg.disableIgnorePragma = o['disable-ignore-pragma'];
    else cfg.errors.push(`${name}: disable-ignore-pragma must be true or false`);
  }
  const ft = o['failure-threshold'];
  if (ft !== undefined) {
    if (typeof ft === 'string' && ['error', 'warning', 'info', 'style', 'ignore', 'none'].includes(ft)) {
      cfg.failureThreshold = ft === 'ignore' ? 'none' : (ft as HadolintConfig['failureThreshold']);
    } else cfg.errors.push(`${name}: failure-threshold must be one of error, warning, info, style, none`);
  }
  return cfg;
}

function codeList(v: unknown, what: string, errors: string[]): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    errors.push(`${what} must be a list of rule codes`);
    return [];
  }
  const out: string[] = [];
  for (const item of v) {
    if (typeof item === 'string' && item.trim()) out.push(item.trim());
    else errors.push(`${what}: ignoring ${JSON.stringify(item)}, not a rule code`);
  }
  return out;
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}
