/**
 * Runs the registered rules on a document model and applies levels (defaults,
 * `.hadolint.yaml`, editor settings) and suppressions (pragmas, `check=skip`).
 */
import type { DocModel, Instruction } from '../model/document';
import { allInstructions, anchorLine } from '../model/document';
import type { Finding, Rule, RuleContext, Severity } from '../rules/rule';
import { rules as registry } from '../rules';
import type { Settings } from '../settings';
import { defaultSettings } from '../settings';
import { emptyHadolintConfig, type HadolintConfig } from '../config/hadolint';
import { collectSuppressions, type Suppressions } from './pragmas';

export type Level = Exclude<Severity, 'off'>;

export interface Problem extends Finding {
  rule: Rule;
  level: Level;
}

export interface LintOptions {
  settings?: Settings;
  hadolint?: HadolintConfig;
  /** Rules to run (defaults to every registered rule). */
  rules?: readonly Rule[];
  /** Called when a rule throws (the other rules still run). Defaults to logging on stderr. */
  onRuleError?: (rule: Rule, error: unknown) => void;
  /** The text of the build context's ignore file (`<Dockerfile>.dockerignore`, else `.dockerignore`), when the caller has read one. */
  dockerignore?: string;
}

/** Names a rule answers to: its code and its aliases. */
export function ruleNames(rule: Rule): string[] {
  return [rule.id, ...(rule.aliases ?? [])];
}

/** A BuildKit check name (PascalCase), if the rule has one. */
export function buildkitName(rule: Rule): string | undefined {
  return ruleNames(rule).find((n) => /^[A-Z][a-z]/.test(n));
}

/**
 * Whether a rule's source is switched on: hadolint (DL codes), BuildKit (PascalCase check
 * names) or ours (DX codes). A rule with several names runs while any of its sources is on.
 */
function sourceEnabled(names: string[], settings: Settings): boolean {
  return names.some((n) =>
    n.startsWith('DL') ? settings.hadolintRules : n.startsWith('DX') ? settings.ownRules : /^[A-Z][a-z]/.test(n) ? settings.buildkitChecks : true,
  );
}

export function effectiveLevel(rule: Rule, settings: Settings, hadolint?: HadolintConfig): Severity {
  let level: Severity = rule.severity;
  const names = ruleNames(rule);
  if (hadolint) {
    for (const n of names) if (hadolint.override[n]) level = hadolint.override[n];
    if (names.some((n) => hadolint.ignored.includes(n))) level = 'off';
  }
  if (!sourceEnabled(names, settings)) level = 'off';
  for (const n of names) {
    const s = settings.rules[n];
    if (s) level = s === 'hint' ? 'style' : s;
  }
  return level;
}

/** What lint needs of a rule under given settings: its level and names. Cached per settings and config. */
interface RulePlan {
  rule: Rule;
  level: Level;
  names: string[];
  buildkit?: string;
}

const NO_CONFIG = {} as HadolintConfig;
const plans = new WeakMap<Settings, WeakMap<HadolintConfig, Map<readonly Rule[], RulePlan[]>>>();

function planFor(rules: readonly Rule[], settings: Settings, hadolint: HadolintConfig | undefined): RulePlan[] {
  let bySettings = plans.get(settings);
  if (!bySettings) plans.set(settings, (bySettings = new WeakMap()));
  let byConfig = bySettings.get(hadolint ?? NO_CONFIG);
  if (!byConfig) bySettings.set(hadolint ?? NO_CONFIG, (byConfig = new Map()));
  let plan = byConfig.get(rules);
  if (!plan) {
    plan = [];
    for (const rule of rules) {
      const level = effectiveLevel(rule, settings, hadolint);
      if (level !== 'off') plan.push({ rule, level, names: ruleNames(rule), buildkit: buildkitName(rule) });
    }
    // Ad-hoc rule lists (tests, tools) are not kept: only the registry's plan is worth caching.
    if (rules === registry) byConfig.set(rules, plan);
  }
  return plan;
}

export function lint(model: DocModel, options: LintOptions = {}): Problem[] {
  const steps = lintSteps(model, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface AsyncLintOptions {
  /** Longest stretch of work between two returns to the event loop, in milliseconds (default 10). */
  sliceMs?: number;
  /** Asked at each return to the event loop: true stops the lint (a newer version, a cancelled request). */
  stale?: () => boolean;
}

/**
 * The same lint, giving the event loop back between rules once a slice of time is spent, so a
 * server answers other requests while a large document is linted. Resolves to undefined when
 * `stale` said stop.
 */
export async function lintAsync(model: DocModel, options: LintOptions = {}, { sliceMs = 10, stale }: AsyncLintOptions = {}): Promise<Problem[] | undefined> {
  const steps = lintSteps(model, options);
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stale?.()) {
      steps.return([]);
      return undefined;
    }
    sliceStart = performance.now();
  }
}

/** The lint as steps: one rule per step; the generator's return value is the sorted findings. */
function* lintSteps(model: DocModel, options: LintOptions): Generator<void, Problem[]> {
  const settings = options.settings ?? defaultSettings;
  const honourPragmas = settings.ignorePragmas && !options.hadolint?.disableIgnorePragma;
  const suppress = collectSuppressions(model, honourPragmas);
  const out: Problem[] = [];
  const byKeyword = indexByKeyword(model);
  const skipAll = suppress.checkSkip.has('all');
  // One context for every rule; `current` says which rule is reporting.
  let current: RulePlan | undefined;
  const ctx: RuleContext = {
    model,
    settings,
    config: options.hadolint ?? emptyHadolintConfig,
    dockerignore: options.dockerignore,
    instructions: (...keywords: string[]) => (keywords.length === 1 ? (byKeyword.get(keywords[0]) ?? []) : inOrder(keywords.flatMap((k) => byKeyword.get(k) ?? []))),
    report: (f: Finding) => {
      const p = current!;
      if (isSuppressed(f, p.names, suppress)) return;
      out.push({ ...f, rule: p.rule, level: p.level });
    },
  };
  for (const p of planFor(options.rules ?? registry, settings, options.hadolint)) {
    if (p.buildkit && (skipAll || suppress.checkSkip.has(p.buildkit))) continue;
    current = p;
    try {
      p.rule.check(ctx);
    } catch (e) {
      // A rule bug must never take the document's other findings down with it.
      if (options.onRuleError) options.onRuleError(p.rule, e);
      else console.error(`dockerfile-explained: rule ${p.rule.id} failed: ${(e as Error)?.stack ?? e}`);
    }
    current = undefined;
    yield;
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.id.localeCompare(b.rule.id));
  return out;
}

function isSuppressed(f: Finding, names: string[], s: Suppressions): boolean {
  if (names.some((n) => s.global.has(n))) return true;
  const line = f.instruction ? anchorLine(f.instruction) : f.range.start.line;
  const codes = s.byLine.get(line);
  return !!codes && names.some((n) => codes.has(n));
}

/** Instructions of several keywords back in document order (ONBUILD triggers sit on their ONBUILD's line). */
function inOrder(list: Instruction[]): Instruction[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function indexByKeyword(model: DocModel): Map<string, Instruction[]> {
  const m = new Map<string, Instruction[]>();
  for (const ins of allInstructions(model)) {
    const list = m.get(ins.keyword);
    if (list) list.push(ins);
    else m.set(ins.keyword, [ins]);
  }
  return m;
}
