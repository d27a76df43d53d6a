/** The rule registry: one line per rule. */
import type { Rule } from './rule';
import DL3015 from './DL3015';

export const rules: readonly Rule[] = [
  DL3015,
];

export function findRule(name: string): Rule | undefined {
  return rules.find((r) => r.id === name || r.aliases?.includes(name));
}
