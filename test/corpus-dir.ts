/** Where the real-world corpus is (../shared/corpus/real, or DOCKERFILE_CORPUS); undefined when absent. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function corpusDir(): string | undefined {
  if (process.env.DOCKERFILE_CORPUS) return process.env.DOCKERFILE_CORPUS;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const c = join(dir, 'shared', 'corpus', 'real');
    if (existsSync(c)) return c;
    dir = join(dir, '..');
  }
  return undefined;
}

export const CORPUS_MISSING = 'corpus ../shared/corpus/real not found (set DOCKERFILE_CORPUS to run this test)';
