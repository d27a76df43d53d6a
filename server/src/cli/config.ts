/**
 * The command line's own settings on top of a `.hadolint.yaml`: hadolint's flags
 * (`--ignore`, `--error`…, `--trusted-registry`, `--require-label`, `--strict-labels`,
 * `--disable-ignore-pragma`) and the two keys only the CLI acts on, `failure-threshold`
 * and `no-fail`. Command-line values win over the file's.
 */
import { parse as parseYaml } from 'yaml';
import type { HadolintConfig, LabelType } from '../config/hadolint';
import type { Level } from '../service/lint';
import type { CliFs } from './files';

/** error, warning, info, style; `none` never fails. */
export type Threshold = Level | 'none';

export const THRESHOLDS: readonly string[] = ['error', 'warning', 'info', 'style', 'ignore', 'none'];

/** `ignore` is hadolint's other name for `none`. */
export function parseThreshold(s: string): Threshold | undefined {
  if (s === 'ignore') return 'none';
  return (THRESHOLDS as readonly string[]).includes(s) ? (s as Threshold) : undefined;
}

const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2, style: 3 };

/** Whether a finding at `level` fails a run whose threshold is `threshold`. */
export function failsAt(level: Level, threshold: Threshold): boolean {
  return threshold !== 'none' && RANK[level] <= RANK[threshold];
}

/** What the command line says about rules and configuration. */
export interface CliOverrides {
  /** `--ignore`; when non-empty it replaces the file's `ignored` (as hadolint does). */
  ignore: string[];
  /** `--error/--warning/--info/--style RULE`, in order (a later flag for the same rule wins). */
  levels: Array<[string, Level]>;
  trustedRegistries: string[];
  labels: Array<[string, LabelType]>;
  strictLabels: boolean;
  disableIgnorePragma: boolean;
}

/** The file's configuration with the command line's values applied. */
export function applyOverrides(base: HadolintConfig, o: CliOverrides): HadolintConfig {
  const override = { ...base.override };
  for (const [rule, level] of o.levels) override[rule] = level;
  const labelSchema = { ...base.labelSchema };
  for (const [name, type] of o.labels) labelSchema[name] = type;
  return {
    ...base,
    ignored: o.ignore.length ? [...o.ignore] : base.ignored,
    override,
    trustedRegistries: [...new Set([...base.trustedRegistries, ...o.trustedRegistries])],
    labelSchema,
    strictLabels: base.strictLabels || o.strictLabels,
    disableIgnorePragma: base.disableIgnorePragma || o.disableIgnorePragma,
  };
}

/** The exit-status keys of a config file, when the file sets them. */
export interface ExitKeys {
  failureThreshold?: Threshold;
  noFail?: boolean;
  errors: string[];
}

/**
 * Reads `failure-threshold` and `no-fail` from a config file. `HadolintConfig` gives the
 * threshold a default (hadolint's `info`) and has no `no-fail`, so the CLI looks at the
 * file itself to tell "set" from "not set". YAML errors are already reported by the
 * config reader; here they just mean "nothing set".
 */
export function readExitKeys(path: string, fs: CliFs): ExitKeys {
  let doc: unknown;
  try {
    doc = parseYaml(fs.readFile(path), { maxAliasCount: 100 });
  } catch {
    return { errors: [] };
  }
  const out: ExitKeys = { errors: [] };
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return out;
  const o = doc as Record<string, unknown>;
  if (typeof o['failure-threshold'] === 'string') out.failureThreshold = parseThreshold(o['failure-threshold']);
  if (o['no-fail'] !== undefined && o['no-fail'] !== null) {
    if (typeof o['no-fail'] === 'boolean') out.noFail = o['no-fail'];
    else out.errors.push(`${path}: no-fail must be true or false`);
  }
  return out;
}
