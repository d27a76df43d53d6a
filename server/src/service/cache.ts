/** Parse once per document version; lint once per version and configuration (settings, .hadolint.yaml, .dockerignore). Evicted on close. */
import { parseDocument, type DocModel } from '../model/document';
import { lint, type LintOptions, type Problem } from './lint';

interface Entry {
  version: number;
  model: DocModel;
  problems?: { options: LintOptions; list: Problem[] };
}

export interface VersionedText {
  uri: string;
  version: number;
  getText(): string;
}

export class ModelCache {
  private entries = new Map<string, Entry>();

  model(doc: VersionedText): DocModel {
    return this.entry(doc).model;
  }

  problems(doc: VersionedText, options: LintOptions): Problem[] {
    const e = this.entry(doc);
    const p = e.problems;
    if (p && p.options.settings === options.settings && p.options.hadolint === options.hadolint && p.options.dockerignore === options.dockerignore) return p.list;
    const list = lint(e.model, options);
    e.problems = { options, list };
    return list;
  }

  delete(uri: string): void {
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
