/** Reading an explain document the way a reader does: by section, and by the line an explanation is about. */
import '../setup';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainText, type ExplainOptions } from '../../server/src/explain';

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'examples', 'Dockerfile'))) dir = join(dir, '..');
  return dir;
}

export function example(name: string): string {
  return readFileSync(join(repoRoot(), 'examples', name), 'utf8');
}

/** The document, with every internal error collected (the tests expect none). */
export function explained(text: string, options: ExplainOptions = {}): { md: string; errors: string[] } {
  const errors: string[] = [];
  const md = explainText(text, { fileName: 'Dockerfile', ...options, onError: (part, e) => errors.push(`${part}: ${(e as Error)?.stack ?? e}`) });
  return { md, errors };
}

/** The `## ` headings in order. */
export function headings(md: string): string[] {
  return md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
}

/** The body of the `## ` section with this heading, up to the next `## `. */
export function section(md: string, heading: string): string {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no section "${heading}" in:\n${headings(md).join('\n')}`);
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  return lines.slice(start + 1, end).join('\n');
}

/** The explanation of the instruction on a 1-based line: from its `**Explanation** · line N` to the next `---` or heading. */
export function explanationOf(md: string, line: number): string {
  const lines = md.split('\n');
  const start = lines.indexOf(`**Explanation** · line ${line}`);
  if (start < 0) throw new Error(`no explanation of line ${line}`);
  let end = lines.findIndex((l, i) => i > start && (l === '---' || l.startsWith('## ') || l.startsWith('```dockerfile')));
  if (end < 0) end = lines.length;
  return lines.slice(start + 1, end).join('\n');
}

/** The fenced block with this info string (`mermaid`, `text`…) that comes first in the text. */
export function fenced(md: string, lang: string): string {
  const m = new RegExp('^(`{3,})' + lang + '\\n([\\s\\S]*?)\\n\\1$', 'm').exec(md);
  if (!m) throw new Error(`no ${lang} block`);
  return m[2];
}
