// Hover coverage over ../shared/corpus/real/: for each kind of token the hover promises to
// explain (images, variables, commands, flags of known commands, packages), the share that
// gets a non-empty hover about that token (its range inside the token's).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const corpusDir = process.env.DOCKERFILE_CORPUS ?? join(root, '..', 'shared', 'corpus', 'real');
if (!existsSync(corpusDir)) {
  console.log(`hover coverage skipped: corpus not found at ${corpusDir} (set DOCKERFILE_CORPUS)`);
  process.exit(0);
}
const ours = require(join(root, 'server', 'dist', 'index.js'));
await ours.initBashParser();

const kinds = ['images', 'variables', 'commands', 'flags of known commands', 'packages'];
const seen = Object.fromEntries(kinds.map((k) => [k, 0]));
const answered = Object.fromEntries(kinds.map((k) => [k, 0]));
const missed = Object.fromEntries(kinds.map((k) => [k, new Map()]));

const inside = (inner, outer) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

for (const name of readdirSync(corpusDir).filter((f) => f !== 'MANIFEST.tsv')) {
  const model = ours.parseDocument(readFileSync(join(corpusDir, name), 'utf8'), 'file:///' + name, 1);
  const lines = model.lines;
  const probe = (kind, range, label) => {
    seen[kind]++;
    const h = ours.hover(model, range.start, []);
    const ok = h && h.range && inside(h.range, range) && h.contents.value.trim();
    if (ok) answered[kind]++;
    else missed[kind].set(label, (missed[kind].get(label) ?? 0) + 1);
    return !!ok;
  };
  const stageNames = new Set(model.stages.map((s) => s.name?.toLowerCase()).filter(Boolean));
  for (const st of model.stages) {
    if (st.imageRange && st.image && !stageNames.has(st.image.toLowerCase())) probe('images', st.imageRange, st.image.split(':')[0]);
  }
  for (const ins of ours.allInstructions(model)) {
    for (const ref of ours.variableRefs(model, ins)) probe('variables', ref.range, ref.name);
    for (const cmd of ins.shell?.commands ?? []) {
      if (!cmd.name) continue;
      const nameRange = lines.range(cmd.name.start, cmd.name.end);
      const known = probe('commands', nameRange, cmd.name.text);
      const pkgs = new Set([...ours.osPackagesOf(cmd), ...ours.langPackagesOf(cmd)]);
      for (const w of pkgs) if (!w.text.includes('$')) probe('packages', lines.range(w.start, w.end), w.text);
      if (!known) continue;
      for (const a of cmd.args) if (/^-/.test(a.text) && !pkgs.has(a)) probe('flags of known commands', lines.range(a.start, a.end), `${cmd.name.text} ${a.text.split('=')[0]}`);
    }
  }
}
console.log('hover coverage over the corpus (tokens with a non-empty hover about them):');
for (const k of kinds) {
  const pct = seen[k] ? ((100 * answered[k]) / seen[k]).toFixed(1) : '-';
  console.log(`  ${k.padEnd(24)} ${String(answered[k]).padStart(6)} / ${String(seen[k]).padEnd(6)} ${pct}%`);
  if (process.argv.includes('--missed')) {
    const top = [...missed[k]].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([l, n]) => `${l} (${n})`);
    if (top.length) console.log(`      most missed: ${top.join(', ')}`);
  }
}
