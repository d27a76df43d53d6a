/** Parse once per document version; lint once per version and configuration (settings, .hadolint.yaml, .dockerignore). Evicted on close. */
import { parseDocument, type DocModel } from '../model/document';
import { lint, lintAsync, type LintOptions, type Problem } from './lint';

interface Entry {
  version: number;
  model: DocModel;
  problems?: { options: LintOptions; list: Problem[] };
  /** A lint running in slices (lintAsync) for this version, with the options it was started with. */
  running?: { options: LintOptions; done: Promise<Problem[] | undefined> };
  dropped?: boolean;
}

export interface VersionedText {
  uri: string;
  version: number;
  getText(): string;
}

const sameOptions = (a: LintOptions, b: LintOptions) => a.settings === b.settings && a.hadolint === b.hadolint && a.dockerignore === b.dockerignore;

export class ModelCache {
  private entries = new Map<string, Entry>();

  model(doc: VersionedText): DocModel {
    return this.entry(doc).model;
  }

  /** The findings, computed now if need be (blocking until done). */
  problems(doc: VersionedText, options: LintOptions): Problem[] {
    const e = this.entry(doc);
    const p = e.problems;
    if (p && sameOptions(p.options, options)) return p.list;
    const list = lint(e.model, options);
    e.problems = { options, list };
    return list;
  }

  /** The findings if this version has been linted with these options, without linting. */
  readyProblems(doc: VersionedText, options: LintOptions): Problem[] | undefined {
    const e = this.entries.get(doc.uri);
    return e && e.version === doc.version && e.problems && sameOptions(e.problems.options, options) ? e.problems.list : undefined;
  }

  /**
   * The findings, linted in slices that give the event loop back (see lintAsync). One lint per
   * version and options runs at a time, shared by every caller; it stops early, resolving to
   * undefined, once a newer version of the document is parsed or the document is closed.
   */
  problemsAsync(doc: VersionedText, options: LintOptions): Promise<Problem[] | undefined> {
    const e = this.entry(doc);
    if (e.problems && sameOptions(e.problems.options, options)) return Promise.resolve(e.problems.list);
    if (e.running && sameOptions(e.running.options, options)) return e.running.done;
    const ready = () => (e.problems && sameOptions(e.problems.options, options) ? e.problems.list : undefined);
    // Stops when the entry is replaced or dropped, or when a blocking lint (a hover) got there first.
    const stale = () => e.dropped === true || this.entries.get(doc.uri) !== e || ready() !== undefined;
    const done = lintAsync(e.model, options, { stale }).then((list) => {
      if (e.running?.done === done) e.running = undefined;
      if (list && !ready()) e.problems = { options, list };
      return ready() ?? list;
    });
    e.running = { options, done };
    return done;
  }

  delete(uri: string): void {
    const e = this.entries.get(uri);
    if (e) e.dropped = true;
    this.entries.delete(uri);
  }

  private entry(doc: VersionedText): Entry {
    const e = this.entries.get(doc.uri);
    if (e && e.version === doc.version) return e;
    const fresh: Entry = { version: doc.version, model: parseDocument(doc.getText(), doc.uri, doc.version) };
    this.entries.set(doc.uri, fresh);
    return fresh;
  }
}
