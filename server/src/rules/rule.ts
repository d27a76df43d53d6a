/**
 * The rule unit. One file per rule exports a `Rule`; its Markdown doc sits beside it
 * and is imported as text; `rules/index.ts` registers it with one line.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DocModel, Instruction } from '../model/document';
import type { Settings } from '../settings';
import type { HadolintConfig } from '../config/hadolint';

/** hadolint's levels; `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'info' | 'style' | 'off';

/**
 * What a rule's fixes are: all safe (fix-all applies them), all in need of a review, or one or
 * the other depending on the case (ADD → COPY is safe unless a variable names the source).
 */
export type FixSafety = 'safe' | 'review' | 'depends';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes keep the build's meaning; others need a review and are never applied by fix-all. */
  safe: boolean;
}

export interface Finding {
  range: Range;
  message: string;
  /** The instruction the finding is about; its first line is where ignore pragmas apply. */
  instruction?: Instruction;
  fix?: Fix;
}

export interface RuleContext {
  readonly model: DocModel;
  readonly settings: Settings;
  /** The `.hadolint.yaml` in effect (empty when there is none): trustedRegistries, label-schema… */
  readonly config: HadolintConfig;
  /** The build context's `.dockerignore` text, when the caller read one (undefined: unknown, not empty). */
  readonly dockerignore?: string;
  report(finding: Finding): void;
  /** Instructions with this keyword (ONBUILD triggers included), in document order. */
  instructions(...keywords: string[]): Iterable<Instruction>;
}

export interface Rule {
  /** `DL3008`, `FromAsCasing` or `DX1001`. Never reused. */
  id: string;
  /** Other names of the same rule (a hadolint rule's BuildKit check name). */
  aliases?: string[];
  /** Short title, used in lists and menus (from the doc's first line). */
  title: string;
  /** The doc's first paragraph (hover on a finding, CLI). */
  summary: string;
  severity: Severity;
  /** Whether the rule offers a fix. */
  fixable: boolean;
  /** For a rule that offers a fix: whether its fixes are safe, need a review, or depend on the case. */
  fixSafety?: FixSafety;
  /** The rule's Markdown doc (what / why / example / fix). */
  doc: string;
  check(ctx: RuleContext): void;
}

/**
 * Defines a rule from its unit. The title and summary come from the doc (written once):
 * line 1 is `# <ID>: <title>`, the first paragraph after it is the summary.
 */
export function defineRule(spec: Omit<Rule, 'title' | 'summary'>): Rule {
  const m = /^# ([A-Za-z0-9]+): (.+)$/m.exec(spec.doc);
  if (!m || m[1] !== spec.id) throw new Error(`rule ${spec.id}: doc must start with "# ${spec.id}: <title>"`);
  if (spec.fixable !== (spec.fixSafety !== undefined)) throw new Error(`rule ${spec.id}: a rule that offers a fix says how safe it is (fixSafety), and only such a rule`);
  return { ...spec, title: m[2].trim(), summary: docSummary(spec.doc) };
}

/** First paragraph after the title line. */
export function docSummary(doc: string): string {
  const body = doc.replace(/^# .*\n+/, '');
  return (body.split(/\n\s*\n/)[0] ?? '').trim();
}
