/**
 * The build context's ignore file for a document, found the way the CLI finds it:
 * `<Dockerfile>.dockerignore` beside the file, else `.dockerignore` in its folder (at most
 * 1 MB; one that cannot be used counts as absent, and the server says why in its log). Read once per Dockerfile path, forgotten on file-change
 * events and when the document closes. Only `file:` documents have one.
 */
import { fileURLToPath } from 'node:url';
import { nodeFs, readDockerignore, type CliFs } from '../cli/files';

export class DockerignoreStore {
  private cache = new Map<string, string | undefined>();
  /** `onProblem` hears once per read why an ignore file that is there was not used (too large, unreadable). */
  constructor(
    private fs: CliFs = nodeFs,
    private onProblem?: (path: string, why: string) => void,
  ) {}

  /** Forget every file read (an ignore file was created, changed or deleted). */
  clear(): void {
    this.cache.clear();
  }

  /** Forget what was read for one document. */
  forget(uri: string): void {
    const path = documentPath(uri);
    if (path) this.cache.delete(path);
  }

  /** The ignore file's text for a document; undefined when there is none (or the document is not a file). */
  forDocument(uri: string): string | undefined {
    const path = documentPath(uri);
    if (!path) return undefined;
    if (this.cache.has(path)) return this.cache.get(path);
    const text = readDockerignore(path, this.fs, this.onProblem);
    this.cache.set(path, text);
    return text;
  }
}

function documentPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
