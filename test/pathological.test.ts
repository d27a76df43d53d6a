/**
 * Catastrophic-backtracking guard: 50,000-character runs of the characters our regular
 * expressions care about (blanks, backslashes, `$`, `{`, quotes, `=`, `-`…), on one line and
 * over many continuation lines, in every instruction, through lint, hover, completion,
 * signature help, formatting, semantic tokens and explain. Each call must return within a
 * bound far above linear work and far below a hang.
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../server/src/model/document';
import { lint } from '../server/src/service/lint';
import { hover } from '../server/src/service/hover';
import { completion } from '../server/src/service/completion';
import { signatureHelp } from '../server/src/service/signature';
import { formatDocument } from '../server/src/service/format';
import { semanticTokens } from '../server/src/service/semanticTokens';
import { explain } from '../server/src/explain';
import { normalizeSettings } from '../server/src/settings';
import { capDiagnostics, toDiagnostic } from '../server/src/service/diagnostics';

const N = 50_000;
/** Per call, for a 50k-character document: linear work takes milliseconds; backtracking takes minutes. */
const BOUND_MS = 3_000;
const RUNS = [' ', '\t', '\\', '$', '{', '}', '"', "'", '=', '-', '$(', '${', '\\ ', '= ', '-- ', 'a=', '"a" ', '# ', '\\\\', '`', ':', ',', '<<'];
const HEADS = ['RUN ', 'RUN echo ', 'ENV A=', 'ENV ', 'ARG ', 'LABEL a=', 'COPY ', 'COPY --from=', 'FROM ', 'EXPOSE ', 'HEALTHCHECK CMD ', 'CMD [', 'SHELL [', 'USER ', 'WORKDIR ', '# hadolint ignore=', '# escape='];

function documents(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  RUNS.forEach((run, r) => {
    const body = run.repeat(Math.ceil(N / run.length)).slice(0, N);
    // Every run after a few instruction heads (rotating, so that every head meets several runs).
    for (let h = 0; h < 4; h++) {
      const head = HEADS[(r * 4 + h) % HEADS.length];
      out.push({ name: `${JSON.stringify(head)} + ${JSON.stringify(run)}×`, text: `FROM debian\n${head}${body}\n` });
    }
    // The same run over 500 continuation lines.
    const line = run.repeat(Math.ceil(100 / run.length)).slice(0, 100);
    out.push({ name: `RUN over lines of ${JSON.stringify(run)}`, text: `FROM debian\nRUN x ${Array(500).fill(line).join(' \\\n')}\n` });
    out.push({ name: `ENV over lines of ${JSON.stringify(run)}`, text: `FROM debian\nENV A=${Array(500).fill(line).join(' \\\n')}\n` });
  });
  // Slow paths found by this test, kept whole: explain with 25,000 findings on one line, hover on 25,000 unclosed `${`.
  out.push({ name: 'EXPOSE + "= "×', text: `FROM debian\nEXPOSE ${'= '.repeat(N / 2)}\n` });
  out.push({ name: 'LABEL a= + "= "×', text: `FROM debian\nLABEL a=${'= '.repeat(N / 2)}\n` });
  out.push({ name: 'USER + "${"×', text: `FROM debian\nUSER ${'\${'.repeat(N / 2)}\n` });
  out.push({ name: 'FROM + ":"×', text: `FROM ${':'.repeat(N)}\n` });
  return out;
}

function timed(what: string, f: () => unknown): number {
  const t0 = performance.now();
  f();
  const ms = performance.now() - t0;
  assert.ok(ms < BOUND_MS, `${what} took ${ms.toFixed(0)} ms`);
  return ms;
}

test('adversarial 50k-character runs: every feature returns within the bound', () => {
  const settings = normalizeSettings({ formatContinuationIndent: '2 spaces' });
  let slowest = { ms: 0, what: '' };
  for (const { name, text } of documents()) {
    const model = parseDocument(text);
    const ruleErrors: string[] = [];
    const problems = lint(model, { onRuleError: (rule, e) => ruleErrors.push(`${rule.id}: ${(e as Error)?.message}`) });
    assert.deepEqual(ruleErrors, [], `rules failed on ${name}`);
    const second = { line: 1, character: 0 };
    const mid = { line: 1, character: 20_000 };
    const end = model.lines.positionAt(text.length - 1);
    const calls: [string, () => unknown][] = [
      ['parse', () => parseDocument(text)],
      ['lint', () => lint(model)],
      ['hover', () => [second, mid, end].map((p) => hover(model, p, problems))],
      ['completion', () => [second, mid, end].map((p) => completion(model, p, { snippets: true }))],
      ['signatureHelp', () => [mid, end].map((p) => signatureHelp(model, p))],
      ['format', () => formatDocument(model, settings, { tabSize: 2, insertSpaces: true }, text)],
      ['semanticTokens', () => semanticTokens(model)],
      ['explain', () => explain(model, { problems, onError: (part, e) => assert.fail(`explain ${part} failed on ${name}: ${(e as Error)?.message}`) })],
    ];
    for (const [what, f] of calls) {
      const ms = timed(`${what} on ${name}`, f);
      if (ms > slowest.ms) slowest = { ms, what: `${what} on ${name}` };
    }
  }
  console.log(`slowest call on adversarial input: ${slowest.ms.toFixed(0)} ms (${slowest.what})`);
});

test('limits: a 100,000-line document and a 10 MB document are linted within a bound', () => {
  const kinds = ['RUN apt-get install -y curl', 'ENV A=1', 'COPY . /app', 'RUN echo $A && cd /x', '# comment', 'LABEL a=b', 'EXPOSE 80'];
  const lines = ['FROM debian:12 AS base'];
  for (let i = 0; lines.length < 100_000; i++) lines.push(kinds[i % kinds.length]);
  const big = [
    { name: '100,000 lines', text: `${lines.join('\n')}\n` },
    { name: '10 MB on one RUN line', text: `FROM debian\nRUN echo ${'x'.repeat(10 * 1024 * 1024)}\n` },
  ];
  for (const { name, text } of big) {
    const t0 = performance.now();
    const problems = lint(parseDocument(text));
    const ms = performance.now() - t0;
    console.log(`${name}: parse + lint ${ms.toFixed(0)} ms, ${problems.length} findings`);
    assert.ok(ms < 60_000, `${name} took ${ms.toFixed(0)} ms`);
    if (name === '100,000 lines') {
      // The server publishes at most 1,000 diagnostics, then one that says how many were dropped.
      const model = parseDocument(text);
      const published = capDiagnostics(problems.map((p) => toDiagnostic(model, p)));
      assert.equal(published.length, 1001);
      assert.equal(published[1000].code, undefined);
      assert.match(published[1000].message, /^42,859 findings in this file: the first 1,000 are shown and 41,859 more were dropped\./);
    }
  }
});
