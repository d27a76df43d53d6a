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
