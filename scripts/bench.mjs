// Benchmark: lint every file of ../shared/corpus/real/ in one process with our
// service and, in the same run, dockerfile-utils' validate() (the Docker extension's
// validator) on the same files. Prints medians, the ratio and files/s.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const corpusDir = process.env.DOCKERFILE_CORPUS ?? join(root, '..', 'shared', 'corpus', 'real');
if (!existsSync(corpusDir)) {
  console.log(`bench skipped: corpus not found at ${corpusDir} (set DOCKERFILE_CORPUS to a folder of Dockerfiles)`);
  process.exit(0);
}
const ours = require(join(root, 'server', 'dist', 'index.js'));
const utils = require('dockerfile-utils');

if (!(await ours.initBashParser())) {
  console.error('tree-sitter-bash did not load');
  process.exit(1);
}

const files = readdirSync(corpusDir)
  .filter((f) => f !== 'MANIFEST.tsv' && !f.endsWith('.md'))
  .map((f) => ({ name: f, text: readFileSync(join(corpusDir, f), 'utf8') }));
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runOurs() {
  let findings = 0;
  const perFile = [];
  const t0 = performance.now();
  for (const f of files) {
    const a = performance.now();
    findings += ours.lint(ours.parseDocument(f.text, 'file:///' + f.name, 1)).length;
    perFile.push(performance.now() - a);
  }
  return { total: performance.now() - t0, perFile, findings };
}

function runUtils() {
  let findings = 0;
  const perFile = [];
  const t0 = performance.now();
  for (const f of files) {
    const a = performance.now();
    findings += utils.validate(f.text).length;
    perFile.push(performance.now() - a);
  }
  return { total: performance.now() - t0, perFile, findings };
}

// The first round of each is cold: JIT warm-up, and for us an empty shell-parse cache
// (every RUN body parsed by tree-sitter). Later rounds are what re-linting while typing costs.
const oursCold = runOurs();
const utilsCold = runUtils();
// Uncounted rounds until the JIT has settled (ours has ~150 rule functions to optimise).
const warmup = Number(process.env.BENCH_WARMUP ?? 3);
for (let i = 0; i < warmup; i++) {
  runOurs();
  runUtils();
}
const oursRuns = [];
const utilsRuns = [];
for (let i = 0; i < rounds; i++) {
  oursRuns.push(runOurs());
  utilsRuns.push(runUtils());
}
const oursTotal = median(oursRuns.map((r) => r.total));
const utilsTotal = median(utilsRuns.map((r) => r.total));
const oursFile = median(oursRuns[oursRuns.length - 1].perFile);
const utilsFile = median(utilsRuns[utilsRuns.length - 1].perFile);
const fmt = (ms) => `${ms.toFixed(1)} ms`;

console.log(`corpus: ${files.length} files from ${corpusDir}; 1 cold round, ${warmup} uncounted warm-up rounds, then ${rounds} measured rounds, alternating`);
console.log('');
console.log(`cold (first round): dockerfile-explained ${fmt(oursCold.total)}, dockerfile-utils ${fmt(utilsCold.total)}, ratio ${(oursCold.total / utilsCold.total).toFixed(2)}×`);
console.log('');
console.log('warm rounds:');
console.log('                      whole corpus (median)   per file (median)   files/s   findings');
console.log(`dockerfile-explained  ${fmt(oursTotal).padStart(21)}   ${fmt(oursFile).padStart(17)}   ${String(Math.round(files.length / (oursTotal / 1000))).padStart(7)}   ${oursRuns[0].findings}`);
console.log(`dockerfile-utils      ${fmt(utilsTotal).padStart(21)}   ${fmt(utilsFile).padStart(17)}   ${String(Math.round(files.length / (utilsTotal / 1000))).padStart(7)}   ${utilsRuns[0].findings}`);
console.log('');
console.log(`ratio (ours / dockerfile-utils), whole corpus: ${(oursTotal / utilsTotal).toFixed(2)}×  (${oursTotal < utilsTotal ? 'faster' : 'slower'})`);
console.log(`ratio (ours / dockerfile-utils), per-file median: ${(oursFile / utilsFile).toFixed(2)}×`);

// Findings per rule over the corpus (for false-positive review).
const counts = new Map();
for (const f of files) for (const p of ours.lint(ours.parseDocument(f.text, 'file:///' + f.name, 1))) counts.set(p.rule.id, (counts.get(p.rule.id) ?? 0) + 1);
console.log('');
console.log('findings per rule over the corpus:');
for (const [id, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(22)} ${n}`);

// Hover latency: every token of the 20 largest corpus files, server-side (model and findings
// cached, as the server has them), against dockerfile-language-service's computeHover (the
// Docker extension's hover) on the same positions, in the same run.
const { DockerfileLanguageServiceFactory } = require('dockerfile-language-service');
const peer = DockerfileLanguageServiceFactory.createLanguageService();
const largest = [...files].sort((a, b) => b.text.length - a.text.length).slice(0, 20);
const TOKEN = /[^\s"'=,:;[\]{}()|&<>]+/g;
const positions = largest.map((f) => {
  const out = [];
  f.text.split('\n').forEach((line, l) => {
    for (const m of line.matchAll(TOKEN)) out.push({ line: l, character: m.index });
  });
  return out;
});
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
function hoverTimes(fn) {
  const times = [];
  let answered = 0;
  largest.forEach((f, i) => {
    const ctx = fn.prepare(f);
    for (const pos of positions[i]) {
      const a = performance.now();
      const h = fn.hover(ctx, pos);
      times.push(performance.now() - a);
      if (h) answered++;
    }
  });
  return { times, answered };
}
const oursHover = {
  prepare: (f) => {
    const model = ours.parseDocument(f.text, 'file:///' + f.name, 1);
    return { model, problems: ours.lint(model) };
  },
  hover: (c, pos) => ours.hover(c.model, pos, c.problems),
};
const peerHover = { prepare: (f) => f.text, hover: (text, pos) => peer.computeHover(text, pos) };
hoverTimes(oursHover); // warm-up: JIT and lazily loaded docs
hoverTimes(peerHover);
const oh = hoverTimes(oursHover);
const ph = hoverTimes(peerHover);
const total = oh.times.length;
console.log('');
console.log(`hover over every token of the ${largest.length} largest files (${total} positions):`);
console.log('                          p50        p95        max   answered');
const row = (name, r) =>
  `${name.padEnd(24)} ${percentile(r.times, 50).toFixed(3).padStart(6)} ms ${percentile(r.times, 95).toFixed(3).padStart(6)} ms ${Math.max(...r.times).toFixed(2).padStart(7)} ms   ${((100 * r.answered) / total).toFixed(1)}%`;
console.log(row('dockerfile-explained', oh));
console.log(row('dockerfile-lang-service', ph));
console.log(`ratio (ours / dockerfile-language-service), p95: ${(percentile(oh.times, 95) / percentile(ph.times, 95)).toFixed(2)}×`);

// ---------------------------------------------------------------------------------------
// Semantic tokens and formatting on generated files of 1k, 4k and 16k lines (issue 9), with
// dockerfile-language-service's computeSemanticTokens and format (the Docker extension's
// server) on the same files. Both sides start from the text, as each new document version
// does (their API parses on every call; we parse once per version and every feature shares
// the model). Times are CPU time of this process (the bench machine may be busy), per call,
// the median of several batches. The peer runs in a worker thread and is stopped after
// BENCH_PEER_TIMEOUT_MS (default 60 s) per call: its semantic tokens grow about
// quadratically with the number of multi-line instructions.
{
  const { Worker } = await import('node:worker_threads');
  const SIZES = [1000, 4000, 16000];
  const PEER_TIMEOUT_MS = Number(process.env.BENCH_PEER_TIMEOUT_MS ?? 60000);
  const FORMAT_SETTINGS = { formatKeywordCase: 'upper', formatContinuationIndent: '4 spaces', formatTrimTrailingWhitespace: true };
  const FORMAT_OPTIONS = { tabSize: 4, insertSpaces: true };

  /** A realistic multi-stage file of `lines` lines: every block differs (no cache can help). */
  const generate = (lines) => {
    const out = ['# syntax=docker/dockerfile:1', 'ARG BASE_TAG=3.12-slim', ''];
    for (let i = 0; out.length < lines; i++) {
      const port = 8000 + (i % 1000);
      out.push(
        `# stage ${i}: build and run app${i}`,
        `FROM --platform=$BUILDPLATFORM python:\${BASE_TAG} AS build${i}`,
        `ARG VERSION_${i}=1.${i}.0`,
        `ENV APP_HOME=/opt/app${i} PATH="/opt/venv${i}/bin:$PATH"`,
        `WORKDIR $APP_HOME`,
        `RUN --mount=type=cache,target=/root/.cache/pip${i} \\`,
        `    set -eux; \\`,
        `    if [ -f requirements-${i}.txt ]; then \\`,
        `        pip install --no-cache-dir -r requirements-${i}.txt; \\`,
        `    fi; \\`,
        `# system packages`,
        `    apt-get update && apt-get install -y --no-install-recommends \\`,
        `        curl \\`,
        `        ca-certificates; \\`,
        `    rm -rf /var/lib/apt/lists/* /tmp/build-${i}`,
        `COPY --from=build${i} --chown=app:app /opt/venv${i} /opt/venv${i}`,
        `RUN <<EOF`,
        `echo "step ${i}" > /etc/step-${i}`,
        `EOF`,
        `LABEL org.opencontainers.image.version="1.${i}"`,
        `EXPOSE ${port}/tcp`,
        `HEALTHCHECK --interval=30s CMD curl -f http://localhost:${port}/ || exit 1`,
        `CMD ["gunicorn", "--bind", "0.0.0.0:${port}", "app${i}:app"]`,
        '',
      );
    }
    return out.slice(0, lines).join('\n') + '\n';
  };

  // Shared by both sides (the worker gets the same source): CPU ms per call, repeating the
  // call until `minMs` of CPU is spent, median of `rounds` batches; a call slower than
  // `slowMs` is measured once.
  const MEASURE_SOURCE = `(f, minMs = 300, rounds = 5, slowMs = 2000) => {
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const a0 = cpu(); f(); const first = cpu() - a0;
    if (first > slowMs) return first;
    const out = [];
    for (let r = 0; r < rounds; r++) {
      let n = 0; const a = cpu();
      do { f(); n++; } while (cpu() - a < minMs);
      out.push((cpu() - a) / n);
    }
    out.sort((x, y) => x - y);
    return out[rounds >> 1];
  }`;
  const measure = eval(MEASURE_SOURCE);

  const peerWorkerSource = `
    const { parentPort } = require('node:worker_threads');
    const { createRequire } = require('node:module');
    const req = createRequire(${JSON.stringify(join(root, 'package.json'))});
    const { DockerfileLanguageServiceFactory } = req('dockerfile-language-service');
    const peer = DockerfileLanguageServiceFactory.createLanguageService();
    const measure = ${MEASURE_SOURCE};
    const options = ${JSON.stringify(FORMAT_OPTIONS)};
    parentPort.on('message', ({ feature, text }) => {
      const f = feature === 'tokens' ? () => peer.computeSemanticTokens(text) : () => peer.format(text, options);
      parentPort.postMessage(measure(f));
    });`;

  /** The peer's time for one call (ms), or null when stopped after PEER_TIMEOUT_MS. */
  const peerWorker = { current: null };
  const peerTime = (feature, text) =>
    new Promise((resolve, reject) => {
      const w = (peerWorker.current ??= new Worker(peerWorkerSource, { eval: true }));
      const timer = setTimeout(() => {
        w.removeAllListeners();
        void w.terminate();
        peerWorker.current = null;
        resolve(null);
      }, PEER_TIMEOUT_MS);
      w.once('message', (ms) => {
        clearTimeout(timer);
        w.removeAllListeners('error');
        resolve(ms);
      });
      w.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  const askPeer = (feature, text) => {
    const p = peerTime(feature, text);
    peerWorker.current?.postMessage({ feature, text });
    return p;
  };

  const texts = SIZES.map(generate);
  const oursFns = {
    tokens: (text) => () => ours.semanticTokens(ours.parseDocument(text)),
    format: (text) => () => ours.formatDocument(ours.parseDocument(text), FORMAT_SETTINGS, FORMAT_OPTIONS, text),
  };
  measure(oursFns.tokens(texts[0])); // warm-up (JIT)
  measure(oursFns.format(texts[0]));
  const results = {};
  for (const feature of ['tokens', 'format']) {
    results[feature] = { ours: texts.map((t) => measure(oursFns[feature](t))), peer: [] };
    await askPeer(feature, texts[0]); // warm-up
    let stopped = false;
    for (const t of texts) {
      // once a size was stopped, the larger ones would be too
      const ms = stopped ? null : await askPeer(feature, t);
      if (ms === null) stopped = true;
      results[feature].peer.push(ms);
    }
  }
  await peerWorker.current?.terminate();

  // With the model already parsed (the server's cache), the feature alone.
  const models = texts.map((t) => ours.parseDocument(t));
  const cached = {
    tokens: models.map((m) => measure(() => ours.semanticTokens({ ...m }))), // a copy: results are cached per model
    format: models.map((m) => measure(() => ours.formatDocument(m, FORMAT_SETTINGS, FORMAT_OPTIONS, m.text))),
  };

  const ms = (v) => (v === null ? `> ${(PEER_TIMEOUT_MS / 1000).toFixed(0)} s` : v >= 10000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
  const perLineRatio = (xs) => {
    const [a, , c] = xs;
    if (a === null) return '—';
    if (c === null) return `≥ ${((PEER_TIMEOUT_MS / SIZES[2]) / (a / SIZES[0])).toFixed(1)}`;
    return ((c / SIZES[2]) / (a / SIZES[0])).toFixed(2);
  };
  console.log('');
  console.log(`semantic tokens and formatting, generated files (${SIZES.map((n) => `${n / 1000}k`).join(', ')} lines), CPU time per call from the text (parse included):`);
  console.log(`${''.padEnd(44)}${SIZES.map((n) => `${n / 1000}k lines`.padStart(12)).join('')}   time/line 16k ÷ 1k`);
  const line = (label, xs) => console.log(`${label.padEnd(44)}${xs.map((v) => ms(v).padStart(12)).join('')}   ${perLineRatio(xs)}`);
  line('semantic tokens  dockerfile-explained', results.tokens.ours);
  line('semantic tokens  dockerfile-language-service', results.tokens.peer);
  line('formatting       dockerfile-explained', results.format.ours);
  line('formatting       dockerfile-language-service', results.format.peer);
  console.log(`with the model already parsed (the server parses once per version): tokens ${cached.tokens.map(ms).join(' / ')}, formatting ${cached.format.map(ms).join(' / ')}`);
  console.log(`target for dockerfile-explained: time/line 16k ÷ 1k ≤ 1.5 (formatting settings: ${JSON.stringify(FORMAT_SETTINGS)})`);
}
