/**
 * The stage-flow diagrams: a Mermaid `flowchart` and a plain-text box diagram. Both show which
 * stage is built FROM which (and from which image), what is copied or mounted across stages,
 * and the `docker build --target` of each final stage. The box diagram draws the FROM tree
 * (each stage has one base, so the tree never crosses itself) and names copy sources inside the
 * boxes; when the tree is too wide for a page it falls back to an indented tree.
 */
import type { FileFacts, StageFacts } from './facts';
import { plain } from './markdown';

/** `docker build --target name` for a final stage (`docker build .` for an unnamed last stage). */
export function targetCommand(f: StageFacts): string {
  if (f.stage.name) return `docker build --target ${f.stage.name.toLowerCase()}`;
  return f.isDefault ? 'docker build .' : '(no name: add AS <name> to build it)';
}

// ---------------------------------------------------------------------------------------------
// Mermaid

function mermaidText(s: string): string {
  return s.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

export function mermaid(facts: FileFacts): string {
  const lines = ['flowchart TD'];
  const images = new Map<string, string>();
  const imageId = (ref: string) => {
    let id = images.get(ref);
    if (!id) {
      id = `img${images.size}`;
      images.set(ref, id);
      lines.push(`  ${id}["${mermaidText(ref)}"]`);
    }
    return id;
  };
  const edges: string[] = [];
  const seen = new Set<string>();
  const edge = (e: string) => {
    if (!seen.has(e)) {
      seen.add(e);
      edges.push(`  ${e}`);
    }
  };
  for (const f of facts.stages) {
    const id = `s${f.stage.index}`;
    const parts = [f.label];
    if (f.final) parts.push(f.stage.name ? `${f.isDefault ? 'default target: ' : ''}--target ${f.stage.name.toLowerCase()}` : f.isDefault ? 'default target' : 'final, unnamed');
    lines.push(`  ${id}["${parts.map(mermaidText).join('<br/>')}"]`);
    if (f.parent) edge(`s${f.parent.index} --> ${id}`);
    else if (f.image) edge(`${imageId(f.imageValue ?? f.image)} --> ${id}`);
  }
  for (const f of facts.stages) {
    for (const c of f.copiesFrom) {
      const from = c.stage ? `s${c.stage.index}` : imageId(c.text);
      edge(`${from} -.->|"${c.kind === 'copy' ? `${c.ins.keyword} --from` : 'RUN --mount'}"| s${f.stage.index}`);
    }
  }
  lines.push(...edges);
  if (images.size) lines.push('  classDef image fill:#eef3fb,stroke:#7a9cc6', `  class ${[...images.values()].join(',')} image`);
  const finals = facts.finals.map((f) => `s${f.stage.index}`);
  if (finals.length) lines.push('  classDef final stroke-width:3px', `  class ${finals.join(',')} final`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Boxes

const MAX_TEXT = 38;
const GAP = 3;
const MAX_WIDTH = 110;
const MAX_BULLETS = 5;

interface Block {
  lines: string[];
  width: number;
  /** Column of the top box's centre, where the arrow from the base stage arrives. */
  anchor: number;
}

function clip(s: string, max = MAX_TEXT): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - s.length));
}

function put(line: string, col: number, text: string): string {
  const base = pad(line, col + text.length);
  return base.slice(0, col) + text + base.slice(col + text.length);
}

function boxLines(f: StageFacts): string[] {
  const out = [`Stage: ${f.stage.name ?? `${f.stage.index + 1} (unnamed)`}`];
  if (!f.parent && f.image) out.push(`from ${f.imageValue ?? f.image}`);
  for (const h of f.highlights.slice(0, MAX_BULLETS)) out.push(`• ${plain(h)}`);
  if (f.highlights.length > MAX_BULLETS) out.push(`• …and ${f.highlights.length - MAX_BULLETS} more`);
  return out.map((l) => clip(l));
}

function layout(facts: FileFacts, f: StageFacts, depth: number): Block {
  const content = boxLines(f);
  const inner = Math.max(...content.map((l) => l.length));
  const w = inner + 4;
  const center = Math.floor((w - 1) / 2);
  const kids = depth < 30 ? f.children.map((c) => facts.byStage.get(c)!).filter(Boolean) : [];
  const box = [
    `┌${'─'.repeat(w - 2)}┐`,
    ...content.map((l) => `│ ${pad(l, inner)} │`),
    kids.length ? `└${'─'.repeat(center - 1)}┬${'─'.repeat(w - center - 2)}┘` : `└${'─'.repeat(w - 2)}┘`,
  ];
  if (!kids.length) {
    const labels = f.final ? [targetCommand(f), ...(f.isDefault && f.stage.name ? ['(default target)'] : [])] : [];
    const width = Math.max(w, ...labels.map((l) => l.length));
    return { lines: [...box, ...labels], width, anchor: center };
  }
  const blocks = kids.map((k) => layout(facts, k, depth + 1));
  const xs: number[] = [];
  let x = 0;
  for (const b of blocks) {
    xs.push(x);
    x += b.width + GAP;
  }
  const rowWidth = x - GAP;
  const anchors = blocks.map((b, i) => xs[i] + b.anchor);
  const mid = Math.floor((anchors[0] + anchors[anchors.length - 1]) / 2);
  let px = mid - center;
  let shift = 0;
  if (px < 0) {
    shift = -px;
    px = 0;
  }
  const width = Math.max(px + w, shift + rowWidth);
  const pc = px + center;
  const lines = box.map((l) => put('', px, l));
  lines.push(put('', pc, '│'));
  const at = anchors.map((a) => a + shift);
  if (at.length > 1) {
    let conn = put('', at[0], '─'.repeat(at[at.length - 1] - at[0] + 1));
    at.forEach((a, i) => (conn = put(conn, a, i === 0 ? '┌' : i === at.length - 1 ? '┐' : '┬')));
    conn = put(conn, pc, at.includes(pc) ? (pc === at[0] ? '├' : pc === at[at.length - 1] ? '┤' : '┼') : '┴');
    lines.push(conn);
  }
  let arrows = '';
  for (const a of at) arrows = put(arrows, a, '▼');
  lines.push(arrows);
  const height = Math.max(...blocks.map((b) => b.lines.length));
  for (let r = 0; r < height; r++) {
    let row = '';
    blocks.forEach((b, i) => {
      if (b.lines[r]) row = put(row, shift + xs[i], b.lines[r]);
    });
    lines.push(row);
  }
  return { lines: lines.map((l) => l.trimEnd()), width, anchor: pc };
}

/** The box diagram, or an indented tree when the boxes would be wider than a page. */
export function boxDiagram(facts: FileFacts): string {
  const roots = facts.stages.filter((f) => !f.parent);
  const blocks = roots.map((r) => layout(facts, r, 0));
  const width = blocks.reduce((sum, b) => sum + b.width, 0) + GAP * Math.max(0, blocks.length - 1);
  if (!blocks.length) return 'No stages: the file has no FROM line.';
  if (width > MAX_WIDTH) return treeDiagram(facts);
  const rows: string[] = [];
  const height = Math.max(...blocks.map((b) => b.lines.length));
  for (let r = 0; r < height; r++) {
    let row = '';
    let x = 0;
    for (const b of blocks) {
      if (b.lines[r]) row = put(row, x, b.lines[r]);
      x += b.width + GAP;
    }
    rows.push(row.trimEnd());
  }
  const title = facts.stages.length > 1 ? 'Multi-stage build flow' : 'Build flow';
  const inner = Math.max(width, title.length) + 4;
  return [
    `┌${'─'.repeat(inner)}┐`,
    `│  ${pad(title, inner - 2)}│`,
    `├${'─'.repeat(inner)}┤`,
    `│${' '.repeat(inner)}│`,
    ...rows.map((r) => `│  ${pad(r, inner - 2)}│`),
    `│${' '.repeat(inner)}│`,
    `└${'─'.repeat(inner)}┘`,
  ].join('\n');
}

/** The FROM tree as indented text, for files with many stages. */
export function treeDiagram(facts: FileFacts): string {
  const out: string[] = [];
  const byImage = new Map<string, StageFacts[]>();
  const orphans: StageFacts[] = [];
  for (const f of facts.stages) {
    if (f.parent) continue;
    const ref = f.imageValue ?? f.image;
    if (!ref) orphans.push(f);
    else byImage.set(ref, [...(byImage.get(ref) ?? []), f]);
  }
  const describe = (f: StageFacts) => {
    const parts: string[] = [];
    for (const c of f.copiesFrom) parts.push(`◀ ${c.kind === 'copy' ? 'copies' : 'mounts'} from ${c.stage ? (c.stage.name ?? `stage ${c.stage.index + 1}`) : c.text}`);
    if (f.final) parts.push(`final: ${targetCommand(f)}${f.isDefault ? ' (default)' : ''}`);
    return `${f.stage.name ?? `stage ${f.stage.index + 1} (unnamed)`}${parts.length ? `  ${[...new Set(parts)].join(' · ')}` : ''}`;
  };
  const walk = (f: StageFacts, prefix: string, last: boolean, depth: number) => {
    out.push(`${prefix}${last ? '└── ' : '├── '}${describe(f)}`);
    const kids = depth < 30 ? f.children.map((c) => facts.byStage.get(c)!).filter(Boolean) : [];
    kids.forEach((k, i) => walk(k, prefix + (last ? '    ' : '│   '), i === kids.length - 1, depth + 1));
  };
  for (const [ref, stages] of byImage) {
    out.push(ref);
    stages.forEach((s, i) => walk(s, '', i === stages.length - 1, 0));
  }
  for (const f of orphans) walk(f, '', true, 0);
  return out.join('\n');
}
