/**
 * Finding `.hadolint.yaml` for a document: its folder, then each parent up to the
 * workspace folder that holds it (or the file system root when there is none), then
 * the user-level locations hadolint reads. Reads go through a small cache invalidated
 * on file-change events.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyHadolintConfig, parseHadolintConfig, type HadolintConfig } from '../config/hadolint';

const NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * hadolint's user-level config files, in its lookup order: `$XDG_CONFIG_HOME/hadolint.yaml`
 * (or `%LOCALAPPDATA%` on Windows), `~/.config/hadolint.yaml`, `~/.hadolint/hadolint.yaml`,
 * `~/hadolint/config.yaml`, `~/.hadolint.yaml`.
 */
export function userConfigPaths(env: NodeJS.ProcessEnv = process.env, home = safeHome()): string[] {
  const out: string[] = [];
  const xdg = env.XDG_CONFIG_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined);
  if (xdg) out.push(join(xdg, 'hadolint.yaml'));
  if (home) {
    out.push(join(home, '.config', 'hadolint.yaml'));
    out.push(join(home, '.hadolint', 'hadolint.yaml'));
    out.push(join(home, 'hadolint', 'config.yaml'));
    out.push(join(home, '.hadolint.yaml'));
  }
  return out;
}

function safeHome(): string | undefined {
  try {
    return homedir();
  } catch {
    return undefined;
  }
}

export class HadolintConfigStore {
  private cache = new Map<string, { config: HadolintConfig; path?: string }>();
  constructor(
    private roots: () => string[],
    private userPaths: () => string[] = () => userConfigPaths(),
  ) {}

  clear(): void {
    this.cache.clear();
  }

  /** The config that applies to a document URI, and the file it came from. */
  forDocument(uri: string): { config: HadolintConfig; path?: string } {
    const dir = documentDir(uri, this.roots());
    if (!dir) return { config: emptyHadolintConfig };
    const hit = this.cache.get(dir);
    if (hit) return hit;
    const found = this.lookup(dir);
    this.cache.set(dir, found);
    return found;
  }

  private lookup(start: string): { config: HadolintConfig; path?: string } {
    const roots = this.roots().map((r) => resolve(r));
    const stopAt = roots.find((r) => start === r || start.startsWith(r + sep));
    for (let dir = start; ; dir = dirname(dir)) {
      for (const n of NAMES) {
        const p = join(dir, n);
        if (existsSync(p)) return { config: readConfig(p), path: p };
      }
      if (dir === stopAt || dirname(dir) === dir) break;
    }
    for (const p of this.userPaths()) {
      if (existsSync(p)) return { config: readConfig(p), path: p };
    }
    return { config: emptyHadolintConfig };
  }
}

export function readConfig(path: string): HadolintConfig {
  try {
    const st = statSync(path);
    if (st.size > MAX_CONFIG_BYTES) return { ...emptyHadolintConfig, errors: [`${path}: larger than 1 MB, not read`] };
    return parseHadolintConfig(readFileSync(path, 'utf8'), path);
  } catch (e) {
    return { ...emptyHadolintConfig, errors: [`${path}: cannot be read (${(e as Error).message})`] };
  }
}

function documentDir(uri: string, roots: string[]): string | undefined {
  if (uri.startsWith('file:')) {
    try {
      return dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  }
  // Untitled and other in-memory documents use the first workspace folder.
  return roots[0] ? resolve(roots[0]) : undefined;
}
