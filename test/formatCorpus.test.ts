/**
 * Formatting over every real-world Dockerfile of ../shared/corpus/real: idempotent, and it
 * changes nothing beyond what the settings ask. Skipped, with the reason printed, when the
 * corpus is absent. Prints how many files each setting changes, and why.
 *
 * The checks do not use the formatter's own reasoning: with the default settings each changed
 * line must equal the original with trailing blanks removed, except for words that differ only
 * in case and are instruction keywords, `AS` or HEALTHCHECK's `CMD`/`NONE`. With re-indenting
 * settings, the builder must read the same thing: the same instructions, flags, arguments (as
 * dockerfile-ast splits them) and heredoc bodies.
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type DocModel } from '../server/src/model/document';
import { formatDocument } from '../server/src/service/format';
import { normalizeSettings } from '../server/src/settings';
import { applyEdits } from './helpers';
import { corpusDir, CORPUS_MISSING } from './corpus-dir';


const dir = corpusDir();
const reason = CORPUS_MISSING;
if (!dir) console.log(`# skipping formatting corpus test: ${reason}`);

const OPTIONS = { tabSize: 4, insertSpaces: true };
const KEYWORDS = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG',
  'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'AS', 'NONE',
]);

function corpus(): { name: string; text: string }[] {
  return readdirSync(dir!)
    .filter((f) => f !== 'MANIFEST.tsv')
    .map((name) => ({ name, text: readFileSync(join(dir!, name), 'utf8') }));
}

function format(text: string, settings: unknown): string {
  return applyEdits(text, formatDocument(parseDocument(text), normalizeSettings(settings), OPTIONS, text));
}

/** Lines of heredoc bodies and their closing delimiters, as the parser sees them. */
function heredocBodyLines(model: DocModel): Set<number> {
  const out = new Set<number>();
  for (const ins of model.instructions) {
    for (const h of ins.heredocs) {
      const first = h.contentRange?.start.line ?? h.endRange?.start.line;
      const last = h.endRange?.end.line ?? h.contentRange?.end.line;
      if (first !== undefined && last !== undefined) for (let l = first; l <= last; l++) out.add(l);
    }
  }
  return out;
}

/** What the builder reads: keyword, flags, arguments, heredoc bodies (keyword words compared in upper case). */
function meaning(model: DocModel): string[] {
  const upperIf = (cond: boolean, v: string) => (cond ? v.toUpperCase() : v);
  return model.instructions.map((ins) =>
    [
      ins.keyword,
      ins.flags.map((f) => `${f.name}=${f.value}`).join(' '),
      ins.args.map((a, k) => upperIf((ins.keyword === 'FROM' && /^as$/i.test(a.value)) || ((ins.keyword === 'HEALTHCHECK' || ins.keyword === 'ONBUILD') && k === 0), a.value)).join('\u0001'),
      ins.heredocs.map((h) => (h.contentRange ? model.text.slice(model.lines.offsetAt(h.contentRange.start), model.lines.offsetAt(h.contentRange.end)) : '')).join('\u0002'),
    ].join('|'),
  );
}

const tally = (m: Map<string, Set<string>>, key: string, file: string) => m.set(key, (m.get(key) ?? new Set()).add(file));
const summary = (m: Map<string, Set<string>>) =>
  [...m]
    .sort((a, b) => b[1].size - a[1].size)
    .map(([k, files]) => `${k} ${files.size}`)
    .join(', ');

test('default settings: idempotent; only keyword case and trailing blanks change; heredoc bodies untouched', { skip: dir ? false : reason }, () => {
  const files = corpus();
  assert.ok(files.length > 1000, `expected the ~1,059-file corpus, found ${files.length}`);
  const failures: string[] = [];
  const why = new Map<string, Set<string>>();
  let changed = 0;
  for (const f of files) {
    const out = format(f.text, {});
    if (format(out, {}) !== out) failures.push(`${f.name}: a second formatting changes the result`);
    if (out === f.text) continue;
    changed++;
    const before = f.text.split('\n');
    const after = out.split('\n');
    if (before.length !== after.length) {
      failures.push(`${f.name}: line count changed`);
      continue;
    }
    const bodies = heredocBodyLines(parseDocument(f.text));
    before.forEach((b, i) => {
      const a = after[i];
      if (a === b) return;
      if (bodies.has(i)) return failures.push(`${f.name}:${i + 1}: heredoc body changed`);
      const cr = b.endsWith('\r') ? '\r' : '';
      const trimmed = b.slice(0, b.length - cr.length).replace(/[ \t]+$/, '') + cr;
      if (trimmed !== b) tally(why, 'trailing blanks removed', f.name);
      if (a === trimmed) return;
      const bw = trimmed.split(/([ \t]+)/);
      const aw = a.split(/([ \t]+)/);
      if (bw.length !== aw.length) return failures.push(`${f.name}:${i + 1}: ${JSON.stringify(b)} → ${JSON.stringify(a)}`);
      bw.forEach((w, k) => {
        if (aw[k] === w) return;
        if (aw[k] === w.toUpperCase() && KEYWORDS.has(aw[k])) tally(why, `${w} → ${aw[k]}`, f.name);
        else failures.push(`${f.name}:${i + 1}: ${JSON.stringify(w)} → ${JSON.stringify(aw[k])}`);
      });
    });
  }
  console.log(`formatting, default settings: ${changed} of ${files.length} corpus files changed (files per reason: ${summary(why)}); ${failures.length} failures`);
  assert.deepEqual(failures.slice(0, 20), []);
});

test('re-indenting (4 spaces, lower case): idempotent, and the builder reads the same instructions', { skip: dir ? false : reason }, () => {
  const settings = { formatKeywordCase: 'lower', formatContinuationIndent: '4 spaces' };
  const files = corpus();
  const failures: string[] = [];
  let changed = 0;
  let reindented = 0;
  for (const f of files) {
    const out = format(f.text, settings);
    if (out === f.text) continue;
    changed++;
    if (format(out, settings) !== out) failures.push(`${f.name}: a second formatting changes the result`);
    const a = meaning(parseDocument(f.text));
    const b = meaning(parseDocument(out));
    const i = a.findIndex((x, k) => x !== b[k]);
    if (i >= 0 || a.length !== b.length) failures.push(`${f.name}: ${JSON.stringify(a[i])?.slice(0, 200)} → ${JSON.stringify(b[i])?.slice(0, 200)}`);
    if (out.toLowerCase().replace(/[ \t]+(\r?)$/gm, '$1') !== f.text.toLowerCase().replace(/[ \t]+(\r?)$/gm, '$1')) reindented++;
  }
  console.log(`formatting, 4 spaces + lower case: ${changed} of ${files.length} corpus files changed, ${reindented} of them re-indented; ${failures.length} failures`);
  assert.deepEqual(failures.slice(0, 20), []);
});
