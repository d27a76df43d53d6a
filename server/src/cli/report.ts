/**
 * What a lint run hands to the output formats, and the facts every format shares:
 * the path a report names a file by, and a stable fingerprint per finding.
 */
import { createHash } from 'node:crypto';
import type { DocModel } from '../model/document';
import type { Level, Problem } from '../service/lint';
import { relativeToCwd } from './files';

export interface FileResult {
  /** The name the user gave (or `--file-path-in-report`). */
  name: string;
  /** Absolute path; undefined for standard input without `--file-path-in-report`. */
  path?: string;
  model: DocModel;
  problems: Problem[];
}

export interface RunReport {
  files: FileResult[];
  cwd: string;
  version: string;
  color: boolean;
  /** Problems with the run itself (unreadable files, bad config): they make the exit status 2. */
  errors: string[];
}

export type Format = 'tty' | 'json' | 'sarif' | 'checkstyle' | 'codeclimate' | 'gitlab_codeclimate';

export const FORMATS: readonly Format[] = ['tty', 'json', 'sarif', 'checkstyle', 'codeclimate', 'gitlab_codeclimate'];

/** The path CI reports use: relative to the working directory with `/`, else the name as given. */
export function reportPath(f: FileResult, cwd: string): string {
  return (f.path && relativeToCwd(f.path, cwd)) ?? f.name;
}

/**
 * A fingerprint per finding that stays the same from run to run while the file, rule,
 * line and message stay the same. Identical findings on one line are told apart by their
 * order of occurrence.
 */
export function fingerprints(path: string, problems: Problem[]): string[] {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const key = [path, p.rule.id, p.range.start.line + 1, p.message].join('\u0000');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return createHash('sha256')
      .update(n === 1 ? key : `${key}\u0000${n}`)
      .digest('hex');
  });
}

/** Levels from most to least severe. */
export const LEVELS: readonly Level[] = ['error', 'warning', 'info', 'style'];
