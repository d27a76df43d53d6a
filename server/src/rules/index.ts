/** The rule registry: one line per rule. */
import type { Rule } from './rule';
import DL3002 from './DL3002';
import DL3006 from './DL3006';
import DL3007 from './DL3007';
import DL3009 from './DL3009';
import DL3015 from './DL3015';
import DL3025 from './DL3025';
import DL3042 from './DL3042';
import DL3059 from './DL3059';
import DL4000 from './DL4000';
import DX1001 from './DX1001';
import DX1002 from './DX1002';
import DX1003 from './DX1003';
import DX1004 from './DX1004';
import FromAsCasing from './FromAsCasing';

export const rules: readonly Rule[] = [
  DL3002,
  DL3006,
  DL3007,
  DL3009,
  DL3015,
  DL3025,
  DL3042,
  DL3059,
  DL4000,
  DX1001,
  DX1002,
  DX1003,
  DX1004,
  FromAsCasing,
];

export function findRule(name: string): Rule | undefined {
  return rules.find((r) => r.id === name || r.aliases?.includes(name));
}
