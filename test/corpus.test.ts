/**
 * Every real-world Dockerfile of ../shared/corpus/real lints, hovers and offers code
 * actions without an exception. Skipped, with the reason printed, when the corpus is absent.
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../server/src/model/document';
import { lint } from '../server/src/service/lint';
import { hover } from '../server/src/service/hover';
import { toDiagnostic } from '../server/src/service/diagnostics';
import { codeActions, FIX_ALL_KIND } from '../server/src/service/codeActions';
import { corpusDir, CORPUS_MISSING } from './corpus-dir';


const dir = corpusDir();
const reason = CORPUS_MISSING;
if (!dir) console.log(`# skipping corpus test: ${reason}`);

test('every corpus file lints, hovers and gets code actions without an exception', { skip: dir ? false : reason }, () => {
  const files = readdirSync(dir!).filter((f) => f !== 'MANIFEST.tsv');
  assert.ok(files.length > 1000, `expected the ~1,059-file corpus, found ${files.length}`);
  const failures: string[] = [];
  const badRanges: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir!, f), 'utf8');
    try {
      const model = parseDocument(text, `file:///corpus/${f}`, 1);
      const problems = lint(model, { onRuleError: (rule, e) => failures.push(`${f}: ${rule.id}: ${(e as Error).message}`) });
      for (const p of problems) {
        const { start, end } = p.range;
        assert.ok(start.line < model.lines.lineCount && end.line < model.lines.lineCount, `${f}: ${p.rule.id} range inside the document`);
        // A finding covers a token: not empty, not starting on blank space, not past its line's end.
        const a = model.lines.offsetAt(start);
        const b = model.lines.offsetAt(end);
        const startLine = model.lines.lineText(start.line);
        if (b <= a || start.character >= startLine.length || /\s/.test(startLine[start.character])) {
          badRanges.push(`${f}:${start.line + 1}:${start.character + 1} ${p.rule.id} ${JSON.stringify(model.text.slice(a, Math.max(a, b)).slice(0, 40))}`);
        }
      }
      const diags = problems.map((p) => toDiagnostic(model, p));
      codeActions(model, diags, undefined);
      codeActions(model, diags, [FIX_ALL_KIND]);
      // hover on every instruction's first character and keyword end
      for (const ins of model.instructions) {
        hover(model, ins.range.start, problems);
        hover(model, ins.range.end, problems);
      }
    } catch (e) {
      failures.push(`${f}: ${(e as Error).stack}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(badRanges, []);
});
