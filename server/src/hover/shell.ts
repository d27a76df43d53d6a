/**
 * Hover inside shell bodies (RUN, shell-form CMD/ENTRYPOINT, HEALTHCHECK CMD) and exec-form
 * argument lists: the command under the cursor, its subcommand, a flag (`--flag=value`,
 * `-sSL` letter by letter, the value after `-o`), an operand a doc describes (chmod's mode),
 * and the idioms a command takes part in (`rm -rf /var/lib/apt/lists/*` after an install).
 * Also `&&`, `|`, `||`, `;` and line continuations between commands, and the target path of a
 * `RUN --mount=type=cache`. The words come from the shell model (`ins.shell`); the text from
 * `server/docs/commands/*.md` and `server/docs/idioms.md` (see commandDocs.ts).
 */
import type { HoverAnswer, HoverProvider, HoverQuery } from './types';
import type { DocModel, Instruction } from '../model/document';
import type { ShellCommand } from '../model/shell';
import { commandDoc, commandKey, idiomDoc, type CommandDoc, type FlagDoc } from './commandDocs';
import type { DocSection } from '../docs';

/** A word of a command, in document offsets. */
interface W {
  text: string;
  start: number;
  end: number;
}

/** A command: from the shell model, or from an exec-form JSON array. */
interface Cmd {
  name: W;
  args: W[];
  /** The shell model's command (absent for exec form and wrapped commands). */
  raw?: ShellCommand;
}

/** One flag of a word: `-s` of `-sSL`, or `--bind` of `--bind=0.0.0.0`. */
interface FlagPart {
  spelling: string;
  doc?: FlagDoc;
  /** A value glued to it: `4` of `-j4`, `dev` of `--omit=dev`. */
  value?: string;
}

type Role =
  | { kind: 'flag'; parts: FlagPart[]; cluster: boolean }
  | { kind: 'value'; flag: FlagPart; flagWord: W }
  | { kind: 'sub'; key: string; section: DocSection }
  | { kind: 'operand'; index: number }
  | { kind: 'dashdash' };

interface Walk {
  roles: Role[];
  sub?: { key: string; section: DocSection; words: W[] };
  /** A command this one runs (`gosu app gunicorn …`, `python -m pip …`, `find -exec rm …`). */
  inner?: { cmd: Cmd; viaFlag?: FlagPart };
}

/**
 * Commands that run another command given in their arguments: after `skip` operands
 * (`gosu <user> cmd…`), after a subcommand (`bundle exec cmd…`), as the value of a flag
 * (`python -m pip …`), or between a flag and `;`/`+` (`find -exec rm {} +`).
 */
const WRAPPERS: Record<string, { skip?: number; afterSub?: string[]; moduleFlag?: string; execFlags?: string[] }> = {
  gosu: { skip: 1 },
  'su-exec': { skip: 1 },
  tini: { skip: 0 },
  xargs: { skip: 0 },
  npx: { skip: 0 },
  bundle: { afterSub: ['exec'] },
  python: { moduleFlag: '-m' },
  find: { execFlags: ['-exec', '-execdir', '-ok'] },
};

/** Commands without a doc that only run the rest of their words (`env X=1 cmd`, `nohup cmd`). */
const BARE_WRAPPERS = new Set(['env', 'nohup', 'exec', 'time', 'command']);

export const shellHover: HoverProvider = (q) => {
  const { ins, offset } = q;
  if (ins.keyword === 'RUN') {
    const mount = cacheMountHover(q);
    if (mount) return mount;
  }
  const cmds = commandsOf(q.model, ins);
  if (!cmds.length) return undefined;
  const hit = wordAt(cmds, offset);
  if (hit) return explainWord(q, hit.cmd, hit.word);
  return ins.shell ? operatorHover(q) : undefined;
};

// ---------------------------------------------------------------------------------------------
// Finding the commands and the word under the cursor

function commandsOf(model: DocModel, ins: Instruction): Cmd[] {
  const kw = ins.keyword;
  if (kw !== 'RUN' && kw !== 'CMD' && kw !== 'ENTRYPOINT' && kw !== 'HEALTHCHECK') return [];
  const sh = ins.shell;
  if (sh) {
    const out: Cmd[] = [];
    for (const c of sh.commands) if (c.name) out.push({ name: c.name, args: c.args, raw: c });
    return out;
  }
  const words = execWords(model, ins);
  if (!words.length) return [];
  // `CMD ["--bind", …]` gives arguments to an exec-form ENTRYPOINT of the same stage.
  if (kw === 'CMD' && words[0].text.startsWith('-') && ins.stage) {
    const entry = [...ins.stage.instructions].reverse().find((i) => i.keyword === 'ENTRYPOINT' && i.index < ins.index);
    const ew = entry ? execWords(model, entry) : [];
    if (ew.length) return [{ name: ew[0], args: [...ew.slice(1), ...words] }];
  }
  return [{ name: words[0], args: words.slice(1) }];
}

/** The strings of an exec-form array (`CMD ["a", "b"]`, `HEALTHCHECK CMD ["a"]`), with their quotes' offsets. */
function execWords(model: DocModel, ins: Instruction): W[] {
  const at = (p: { line: number; character: number }) => model.lines.offsetAt(p);
  if (ins.isJson) return ins.args.map((a) => ({ text: a.value, start: at(a.range.start), end: at(a.range.end) }));
  if (ins.keyword !== 'HEALTHCHECK' || ins.args[0]?.value.toUpperCase() !== 'CMD' || !ins.args[1]) return [];
  const start = at(ins.args[1].range.start);
  if (model.text[start] !== '[') return [];
  return jsonStrings(model.text, start + 1, at(ins.range.end));
}

/** The string literals of a JSON array written between `start` and `end`. */
function jsonStrings(text: string, start: number, end: number): W[] {
  const out: W[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === ']') break;
    if (c !== '"') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    const raw = text.slice(i, j + 1);
    let value: string;
    try {
      value = JSON.parse(raw.replace(/\\\r?\n/g, '')) as string;
    } catch {
      value = raw.slice(1, -1);
    }
    out.push({ text: value, start: i, end: Math.min(j + 1, end) });
    i = j + 1;
  }
  return out;
}

/** The smallest word holding the offset (a command inside `$(…)` wins over the word around it). */
function wordAt(cmds: Cmd[], offset: number): { cmd: Cmd; word: W } | undefined {
  let best: { cmd: Cmd; word: W } | undefined;
  let bestLen = Infinity;
  let touching: { cmd: Cmd; word: W } | undefined;
  for (const cmd of cmds) {
    if (cmd.raw && (offset < cmd.raw.start || offset > cmd.raw.end)) continue;
    for (const word of [cmd.name, ...cmd.args]) {
      if (offset >= word.start && offset < word.end && word.end - word.start < bestLen) {
        best = { cmd, word };
        bestLen = word.end - word.start;
      } else if (offset === word.end && !touching) {
        touching = { cmd, word };
      }
    }
  }
  return best ?? touching;
}

// ---------------------------------------------------------------------------------------------
// Reading a command's arguments with its doc

const isFlagWord = (t: string) => t.length > 1 && t.startsWith('-') && !/^-\d+$/.test(t);

/** The flags a word stands for, as the doc reads it. */
function readFlag(doc: CommandDoc, t: string): { parts: FlagPart[]; cluster: boolean; valueNext?: FlagPart } {
  const eq = t.indexOf('=');
  const name = eq < 0 ? t : t.slice(0, eq);
  const whole = doc.flags.get(name) ?? (t.startsWith('--') ? doc.prefixFlags.find((f) => f.names.some((n) => name.startsWith(n))) : undefined);
  if (t.startsWith('--') || whole) {
    const part: FlagPart = { spelling: name, doc: whole, value: eq < 0 ? undefined : t.slice(eq + 1) };
    return { parts: [part], cluster: false, valueNext: whole?.takesValue && eq < 0 ? part : undefined };
  }
  if (doc.noClusters) {
    // `-Xmx512m`, `-Dkey=value`: the longest documented flag the word starts with.
    let best: FlagDoc | undefined;
    let bestName = '';
    for (const [n, f] of doc.flags) {
      // A glued value only after a flag that takes one (`-vettool` is not `-v` + `ettool`).
      const glued = t.length === n.length || f.takesValue || t[n.length] === '=';
      if (!n.startsWith('--') && t.startsWith(n) && glued && n.length > bestName.length) [best, bestName] = [f, n];
    }
    if (best) return { parts: [{ spelling: bestName, doc: best, value: t.slice(bestName.length).replace(/^=/, '') || undefined }], cluster: false };
    return { parts: [{ spelling: name }], cluster: false };
  }
  // A cluster of short flags: `-sSL`, `-eux`; the first one that takes a value ends it (`-j4`).
  const parts: FlagPart[] = [];
  let valueNext: FlagPart | undefined;
  for (let j = 1; j < t.length; j++) {
    const f = doc.flags.get(`-${t[j]}`);
    const part: FlagPart = { spelling: `-${t[j]}`, doc: f };
    parts.push(part);
    if (f?.takesValue) {
      if (j < t.length - 1) part.value = t.slice(j + 1).replace(/^=/, '');
      else valueNext = part;
      break;
    }
  }
  return { parts, cluster: parts.length > 1, valueNext };
}

function walk(cmd: Cmd, doc: CommandDoc | undefined): Walk {
  const args = cmd.args;
  const roles: Role[] = new Array(args.length);
  const out: Walk = { roles };
  const wrap = doc ? WRAPPERS[doc.name] : BARE_WRAPPERS.has(cmd.name.text) ? { skip: 0 } : undefined;
  let operands = 0;
  let dashdash = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const t = a.text;
    if (!dashdash && t === '--') {
      roles[i] = { kind: 'dashdash' };
      dashdash = true;
      continue;
    }
    // tar's old style: letters without a dash as the first word (`tar xzf app.tgz`).
    const oldTar = i === 0 && doc?.name === 'tar' && /^[A-Za-z]*[xctru][A-Za-z]*$/.test(t);
    if (!dashdash && (isFlagWord(t) || oldTar)) {
      if (!doc) continue;
      const r = readFlag(doc, oldTar ? `-${t}` : t);
      if (oldTar) for (const p of r.parts) p.spelling = p.spelling.slice(1);
      roles[i] = { kind: 'flag', parts: r.parts, cluster: r.cluster };
      if (wrap?.execFlags?.includes(t)) {
        let j = i + 1;
        while (j < args.length && args[j].text !== ';' && args[j].text !== '+') j++;
        if (j > i + 1) out.inner ??= { cmd: { name: args[i + 1], args: args.slice(i + 2, j) } };
        i = j;
        continue;
      }
      if (r.valueNext && i + 1 < args.length) {
        i++;
        roles[i] = { kind: 'value', flag: r.valueNext, flagWord: a };
        if (wrap?.moduleFlag === r.valueNext.spelling && commandDoc(args[i].text)) {
          out.inner = { cmd: { name: args[i], args: args.slice(i + 1) }, viaFlag: r.valueNext };
          return out;
        }
      }
      continue;
    }
    // An operand: the subcommand first, then what the doc calls <operands>.
    if (operands === 0 && !out.sub && doc?.subcommands.size) {
      const next = args[i + 1];
      const two = next && !isFlagWord(next.text) ? doc.subcommands.get(`${t} ${next.text}`) : undefined;
      const one = two ? undefined : doc.subcommands.get(t);
      if (two || one) {
        const words = two ? [a, next] : [a];
        const key = words.map((w) => w.text).join(' ');
        out.sub = { key, section: (two ?? one)!, words };
        for (let k = 0; k < words.length; k++) roles[i + k] = { kind: 'sub', key, section: out.sub.section };
        i += words.length - 1;
        if (wrap?.afterSub?.includes(key) && i + 1 < args.length) {
          out.inner = { cmd: { name: args[i + 1], args: args.slice(i + 2) } };
          return out;
        }
        continue;
      }
    }
    if (wrap && wrap.skip !== undefined && operands === wrap.skip && !(BARE_WRAPPERS.has(cmd.name.text) && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t))) {
      out.inner = { cmd: { name: a, args: args.slice(i + 1) } };
      return out;
    }
    if (BARE_WRAPPERS.has(cmd.name.text)) continue; // env's VAR=value
    roles[i] = { kind: 'operand', index: operands++ };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Answers

function explainWord(q: HoverQuery, cmd: Cmd, word: W, via?: string): HoverAnswer | undefined {
  const doc = commandDoc(cmd.name.text);
  if (!doc && !BARE_WRAPPERS.has(cmd.name.text)) return undefined;
  const w = walk(cmd, doc);
  const inner = w.inner;
  if (inner && (word === inner.cmd.name || inner.cmd.args.includes(word))) {
    const prefix = inner.viaFlag ? `${displayName(cmd.name)} ${inner.viaFlag.spelling}` : undefined;
    return explainWord(q, inner.cmd, word, prefix);
  }
  if (!doc) return undefined;
  const name = via ? `${via} ${displayName(cmd.name)}` : displayName(cmd.name);
  const range = q.model.lines.range(word.start, word.end);
  const ctx: IdiomContext = { q, cmd, doc, walk: w };

  if (word === cmd.name) {
    let md = `**${name}**\n\n${doc.intro.markdown}`;
    if (w.sub) md += `\n\n**${displayName(cmd.name)} ${w.sub.key}**\n\n${w.sub.section.markdown}`;
    return { markdown: md + idiomsMarkdown(ctx, word), range };
  }
  const i = cmd.args.indexOf(word);
  const role = w.roles[i];
  // A flag written after the subcommand reads as part of it: `flask run --reload`.
  const subName = w.sub && word.start > w.sub.words[0].start ? `${name} ${w.sub.key}` : name;
  if (role?.kind === 'dashdash' && doc.flags.get('--')) {
    return { markdown: `**${name} --**\n\n${doc.flags.get('--')!.section.markdown}`, range };
  }
  if (!role || role.kind === 'dashdash') return withIdiomsOnly(ctx, word, `**${name}** ${code(word.text)}`, range);
  switch (role.kind) {
    case 'sub':
      return { markdown: `**${name} ${role.key}**\n\n${role.section.markdown}` + idiomsMarkdown(ctx, word), range };
    case 'flag': {
      const known = role.parts.filter((p) => p.doc);
      if (!known.length) return withIdiomsOnly(ctx, word, `**${name}** ${code(word.text)}`, range);
      let md: string;
      if (role.cluster) {
        const lines = role.parts.map((p) => {
          const value = p.value !== undefined ? ` ${code(p.value)}` : '';
          const long = p.doc?.names.find((n) => n.startsWith('--'));
          const also = long && long !== p.spelling ? ` (\`${long}\`)` : '';
          return p.doc ? `- \`${p.spelling}\`${value}${also}: ${p.doc.section.summary}` : `- \`${p.spelling}\`: not described here.`;
        });
        md = `**${subName} ${word.text}**\n\nShort flags written together, each one explained:\n\n${lines.join('\n')}`;
      } else {
        const p = role.parts[0];
        const value = p.value !== undefined && p.value !== '' ? ` ${code(p.value)}` : '';
        md = `**${subName} ${p.spelling}**${value}${otherNames(p.doc!, p.spelling)}\n\n${p.doc!.section.markdown}`;
      }
      return { markdown: md + idiomsMarkdown(ctx, word), range };
    }
    case 'value': {
      const p = role.flag;
      // A shell's `-c` script is a program of its own, not a value to explain here.
      if (!p.doc || (doc.name === 'sh' && p.spelling === '-c')) {
        return withIdiomsOnly(ctx, word, `**${name}** ${code(word.text)}`, range);
      }
      const md = `**${subName} ${p.spelling}** ${code(word.text)}${otherNames(p.doc, p.spelling)}\n\n${p.doc.section.markdown}`;
      return { markdown: md + idiomsMarkdown(ctx, word), range };
    }
    case 'operand': {
      // Operand docs describe a command used without a subcommand (`chmod 755 f`, `dotnet app.dll`).
      const section = w.sub ? undefined : doc.operands[role.index];
      if (!section) return withIdiomsOnly(ctx, word, `**${name}** ${code(word.text)}`, range);
      const what = section.name.replace(/^<(.*)>$/, '$1');
      return { markdown: `**${name}** ${code(word.text)} (${what})\n\n${section.markdown}` + idiomsMarkdown(ctx, word), range };
    }
  }
}

/** An answer made of the idioms a word is part of, if any (`/var/lib/apt/lists/*` of an `rm`). */
function withIdiomsOnly(ctx: IdiomContext, word: W, title: string, range: HoverAnswer['range']): HoverAnswer | undefined {
  const ids = idiomsOf(ctx, word);
  if (!ids.length) return undefined;
  return { markdown: title + idiomsMarkdown(ctx, word, ids).replace(/^\n\n---/, ''), range };
}

/** Inline code for any text, even one holding backticks; long texts are shortened. */
function code(text: string): string {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  const ticks = /`+/g.test(t) ? '`'.repeat(Math.max(...t.match(/`+/g)!.map((m) => m.length)) + 1) : '`';
  const pad = ticks.length > 1 ? ' ' : '';
  return `${ticks}${pad}${t}${pad}${ticks}`;
}

function displayName(w: W): string {
  const t = w.text;
  return t.slice(t.lastIndexOf('/') + 1) || t;
}

/** ` · same as \`--yes\`, \`--assume-yes\`` for a flag with other spellings. */
function otherNames(doc: FlagDoc, spelling: string): string {
  if (doc.prefix) return '';
  const others = doc.names.filter((n) => n !== spelling);
  return others.length ? ` · same as ${others.map((n) => `\`${n}\``).join(', ')}` : '';
}

function idiomsMarkdown(ctx: IdiomContext, word: W, ids = idiomsOf(ctx, word)): string {
  let md = '';
  for (const id of ids) {
    const s = idiomDoc(id);
    if (s) md += `\n\n---\n\n**Idiom:** ${s.markdown}`;
  }
  return md;
}

// ---------------------------------------------------------------------------------------------
// Idioms: patterns a command takes part in, with the words that show them

interface IdiomContext {
  q: HoverQuery;
  cmd: Cmd;
  doc: CommandDoc;
  walk: Walk;
}

/** The word that carries a flag (any of its spellings), if the command has it. */
function flagWord(ctx: IdiomContext, spelling: string): W | undefined {
  const target = ctx.doc.flags.get(spelling);
  const { roles } = ctx.walk;
  for (let i = 0; i < roles.length; i++) {
    const r = roles[i];
    if (r?.kind !== 'flag') continue;
    if (r.parts.some((p) => (target ? p.doc === target : p.spelling === spelling))) return ctx.cmd.args[i];
  }
  return undefined;
}

/** The value of a flag, glued (`--omit=dev`) or as the next word (`--omit dev`). */
function flagValue(ctx: IdiomContext, spelling: string): { value: string; words: W[] } | undefined {
  const target = ctx.doc.flags.get(spelling);
  const { roles } = ctx.walk;
  for (let i = 0; i < roles.length; i++) {
    const r = roles[i];
    if (r?.kind !== 'flag') continue;
    const p = r.parts.find((x) => (target ? x.doc === target : x.spelling === spelling));
    if (!p) continue;
    if (p.value !== undefined) return { value: p.value, words: [ctx.cmd.args[i]] };
    const next = roles[i + 1];
    if (next?.kind === 'value') return { value: ctx.cmd.args[i + 1].text, words: [ctx.cmd.args[i], ctx.cmd.args[i + 1]] };
  }
  return undefined;
}

function operandWords(ctx: IdiomContext): W[] {
  return ctx.cmd.args.filter((_, i) => ctx.walk.roles[i]?.kind === 'operand');
}

/** The other commands of the same instruction. */
function siblings(ctx: IdiomContext): ShellCommand[] {
  return ctx.q.ins.shell?.commands ?? [];
}

const keyOf = (c: ShellCommand) => (c.name ? commandKey(c.name.text) : undefined);
const subOf = (c: ShellCommand) => c.args.find((a) => !a.text.startsWith('-'))?.text;

type Idiom = { id: string; anchors: (ctx: IdiomContext) => (W | undefined)[] | undefined };

const words = (...ws: (W | undefined)[]) => ws;

const IDIOMS: Idiom[] = [
  {
    id: 'apt-lists-cleanup',
    anchors: (ctx) => {
      if (ctx.doc.name !== 'rm') return undefined;
      const lists = operandWords(ctx).find((w) => w.text.startsWith('/var/lib/apt/lists'));
      return lists && words(ctx.cmd.name, lists);
    },
  },
  {
    id: 'apt-get-clean',
    anchors: (ctx) => (isApt(ctx) && ctx.walk.sub?.key === 'clean' ? words(ctx.cmd.name, ...ctx.walk.sub.words) : undefined),
  },
  {
    id: 'apt-update-install',
    anchors: (ctx) => {
      if (!isApt(ctx) || ctx.walk.sub?.key !== 'update') return undefined;
      const installs = siblings(ctx).some((c) => (keyOf(c) === 'apt-get' || keyOf(c) === 'apt') && subOf(c) === 'install');
      return installs ? words(...ctx.walk.sub.words) : undefined;
    },
  },
  {
    id: 'apt-purge-auto-remove',
    anchors: (ctx) => {
      const sub = ctx.walk.sub?.key;
      if (!isApt(ctx) || !sub) return undefined;
      const flag = flagWord(ctx, '--auto-remove');
      if (sub === 'autoremove' || ((sub === 'purge' || sub === 'remove') && flag)) return words(ctx.cmd.name, ...ctx.walk.sub!.words, flag);
      return undefined;
    },
  },
  {
    id: 'apt-mark-auto',
    anchors: (ctx) => (ctx.doc.name === 'apt-mark' && ctx.walk.sub ? words(ctx.cmd.name, ...ctx.walk.sub.words) : undefined),
  },
  {
    id: 'apk-no-cache',
    anchors: (ctx) => {
      const flag = ctx.doc.name === 'apk' ? flagWord(ctx, '--no-cache') : undefined;
      return flag && words(ctx.cmd.name, flag);
    },
  },
  {
    id: 'virtual-build-deps',
    anchors: (ctx) => {
      if (ctx.doc.name !== 'apk') return undefined;
      const virtual = flagValue(ctx, '--virtual');
      if (virtual) return words(ctx.cmd.name, ...virtual.words);
      if (ctx.walk.sub?.key !== 'del') return undefined;
      const names = new Set<string>();
      for (const c of siblings(ctx)) {
        if (keyOf(c) !== 'apk') continue;
        c.args.forEach((a, i) => {
          if (a.text === '--virtual' || a.text === '-t') names.add(c.args[i + 1]?.text ?? '');
          else if (a.text.startsWith('--virtual=')) names.add(a.text.slice(10));
        });
      }
      const del = operandWords(ctx).filter((w) => names.has(w.text) || w.text.startsWith('.'));
      return del.length ? words(ctx.cmd.name, ...ctx.walk.sub.words, ...del) : undefined;
    },
  },
  {
    id: 'pip-no-cache-dir',
    anchors: (ctx) => {
      const flag = ctx.doc.name === 'pip' ? flagWord(ctx, '--no-cache-dir') : undefined;
      return flag && words(ctx.cmd.name, flag);
    },
  },
  {
    id: 'npm-ci-omit-dev',
    anchors: (ctx) => {
      if (ctx.doc.name !== 'npm' || !ctx.walk.sub) return undefined;
      const omit = flagValue(ctx, '--omit');
      const only = flagValue(ctx, '--only');
      const flag =
        (omit?.value === 'dev' ? omit.words[0] : undefined) ??
        (only && /^prod/.test(only.value) ? only.words[0] : undefined) ??
        flagWord(ctx, '--production');
      return flag && words(ctx.cmd.name, ...ctx.walk.sub.words, flag);
    },
  },
  {
    id: 'set-strict',
    anchors: (ctx) => {
      if (ctx.doc.name !== 'set') return undefined;
      const strict = ['-e', '-u', '-x'].some((f) => flagWord(ctx, f)) || flagValue(ctx, '-o')?.value === 'pipefail';
      return strict ? words(ctx.cmd.name) : undefined;
    },
  },
  {
    id: 'non-root-user',
    anchors: (ctx) => {
      const n = ctx.doc.name;
      if (n === 'useradd' || n === 'adduser') return words(ctx.cmd.name);
      if (n === 'chown' && siblings(ctx).some((c) => keyOf(c) === 'useradd' || keyOf(c) === 'adduser')) return words(ctx.cmd.name);
      return undefined;
    },
  },
  {
    id: 'pipe-to-shell',
    anchors: (ctx) => {
      const raw = ctx.cmd.raw;
      if (!raw) return undefined;
      const list = siblings(ctx);
      const i = list.indexOf(raw);
      if (ctx.doc.name === 'sh' && raw.joinedBy === '|' && i > 0 && ['curl', 'wget'].includes(keyOf(list[i - 1]) ?? '')) return words(ctx.cmd.name);
      const next = list[i + 1];
      if ((ctx.doc.name === 'curl' || ctx.doc.name === 'wget') && next?.joinedBy === '|' && keyOf(next) === 'sh') return words(ctx.cmd.name);
      return undefined;
    },
  },
  {
    id: 'update-ca-certificates',
    anchors: (ctx) => (ctx.doc.name === 'update-ca-certificates' ? words(ctx.cmd.name) : undefined),
  },
  {
    id: 'log-to-stdout',
    anchors: (ctx) => {
      if (ctx.doc.name !== 'ln') return undefined;
      const ops = operandWords(ctx);
      const dev = ops.findIndex((w) => w.text === '/dev/stdout' || w.text === '/dev/stderr');
      return dev >= 0 ? words(ctx.cmd.name, ops[dev], ops[dev + 1]) : undefined;
    },
  },
  {
    id: 'delete-pyc',
    anchors: (ctx) => {
      if (ctx.doc.name !== 'find') return undefined;
      const pattern = ctx.cmd.args.find((w) => /^\*\.py[co[\]]*$|^__pycache__$/.test(w.text));
      return pattern && words(ctx.cmd.name, pattern, flagWord(ctx, '-delete'));
    },
  },
  {
    id: 'checksum-verify',
    anchors: (ctx) => {
      const flag = ctx.doc.name === 'sha256sum' ? flagWord(ctx, '-c') : undefined;
      return flag && words(ctx.cmd.name, flag);
    },
  },
  {
    id: 'healthcheck-exit',
    anchors: (ctx) =>
      ctx.q.ins.keyword === 'HEALTHCHECK' && ctx.doc.name === 'exit' && ctx.cmd.raw?.joinedBy === '||' ? words(ctx.cmd.name, ...ctx.cmd.args) : undefined,
  },
];

function isApt(ctx: IdiomContext): boolean {
  return ctx.doc.name === 'apt-get' || ctx.doc.name === 'apt';
}

function idiomsOf(ctx: IdiomContext, word: W): string[] {
  const out: string[] = [];
  for (const idiom of IDIOMS) {
    const anchors = idiom.anchors(ctx);
    if (anchors?.includes(word)) out.push(idiom.id);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Between the words: operators and line continuations

function operatorHover(q: HoverQuery): HoverAnswer | undefined {
  const { model, ins, offset } = q;
  const sh = ins.shell!;
  if (offset < sh.start || offset >= sh.end) return undefined;
  const text = model.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (text.slice(lineStart, offset).trimStart().startsWith('#')) return undefined;
  const c = text[offset];
  let id: string | undefined;
  let start = offset;
  let end = offset + 1;
  if (c === '&' || c === '|') {
    if (text[offset + 1] === c) end++;
    else if (text[offset - 1] === c) start--;
    const op = text.slice(start, end);
    if (op === '&&') id = 'and-chain';
    else if (op === '||') id = ins.keyword === 'HEALTHCHECK' ? 'healthcheck-exit' : 'or-fallback';
    else if (op === '|') id = 'pipe';
  } else if (c === ';') {
    id = 'and-chain';
  } else if (c === model.escapeChar && /^[ \t]*\r?\n/.test(text.slice(offset + 1, offset + 40))) {
    id = 'line-continuation';
  }
  const s = id ? idiomDoc(id) : undefined;
  if (!s) return undefined;
  return { markdown: `**\`${text.slice(start, end)}\`** in a shell command\n\n${s.markdown}`, range: model.lines.range(start, end) };
}

// ---------------------------------------------------------------------------------------------
// RUN --mount=type=cache,target=<path>: the path of a cache mount

function cacheMountHover(q: HoverQuery): HoverAnswer | undefined {
  const { model, ins, offset } = q;
  for (const f of ins.flags) {
    if (f.name.toLowerCase() !== 'mount' || !f.valueRange) continue;
    const vs = model.lines.offsetAt(f.valueRange.start);
    const ve = model.lines.offsetAt(f.valueRange.end);
    if (offset < vs || offset > ve) continue;
    const raw = model.text.slice(vs, ve);
    let type = 'bind';
    let target: { path: string; start: number; end: number } | undefined;
    let pos = 0;
    for (const part of raw.split(',')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : part.slice(eq + 1);
      if (key === 'type') type = value.trim().toLowerCase();
      if ((key === 'target' || key === 'dst' || key === 'destination') && value) {
        target = { path: value.trim().replace(/^(["'])(.*)\1$/, '$2'), start: vs + pos + eq + 1, end: vs + pos + part.length };
      }
      pos += part.length + 1;
    }
    if (type !== 'cache' || !target || offset < target.start || offset > target.end) return undefined;
    const apt = /^\/var\/(?:cache|lib)\/apt(?:\/|$)/.test(target.path);
    const s = idiomDoc(apt ? 'cache-mount-apt' : 'cache-mount');
    if (!s) return undefined;
    return {
      markdown: `**RUN --mount** · cache at ${code(target.path)}\n\n${s.markdown}`,
      range: model.lines.range(target.start, target.end),
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// For the explain document: every command of an instruction read as the hover reads it

/** A documented flag or operand of a command, with its value and the first paragraph of its doc. */
export interface CommandPart {
  /** `--bind`, `-y`, or the operand as written (`run:app`). */
  text: string;
  value?: string;
  /** For an operand, what the doc calls it (`APP_MODULE`). */
  what?: string;
  summary: string;
}

/** One command of an instruction: `apt-get install`, `python -m pip install`, `gunicorn`. */
export interface CommandSummary {
  /** The name as the hover titles it, with its subcommand: `apt-get install`. */
  name: string;
  /** The command's words as written, continuations removed. */
  text: string;
  /** The first paragraph of the subcommand's doc, else of the command's; undefined when no doc knows the command. */
  summary?: string;
  flags: CommandPart[];
  operands: CommandPart[];
  /** The idioms the command takes part in (ids of `idioms.md`). */
  idioms: string[];
}

/**
 * The commands of a RUN, CMD, ENTRYPOINT or HEALTHCHECK (shell or exec form), each with the
 * doc summaries of its subcommand, flags and documented operands; a wrapper's command
 * (`gosu app gunicorn …`, `python -m pip …`) follows its wrapper.
 */
export function commandSummaries(model: DocModel, ins: Instruction): CommandSummary[] {
  const out: CommandSummary[] = [];
  const q: HoverQuery = { model, ins, pos: ins.range.start, offset: model.lines.offsetAt(ins.range.start) };
  for (const cmd of commandsOf(model, ins)) summarize(q, cmd, undefined, out, 0);
  return out;
}

function summarize(q: HoverQuery, cmd: Cmd, via: string | undefined, out: CommandSummary[], depth: number): void {
  const doc = commandDoc(cmd.name.text);
  const words = [cmd.name, ...cmd.args];
  const text = words.map((w) => w.text).join(' ');
  if (!doc && !BARE_WRAPPERS.has(cmd.name.text)) {
    out.push({ name: displayName(cmd.name), text, flags: [], operands: [], idioms: [] });
    return;
  }
  const w = walk(cmd, doc);
  // `python -m pip install …`: the module is the command; `python -m` only launches it.
  if (doc && !w.inner?.viaFlag) {
    const base = via ? `${via} ${displayName(cmd.name)}` : displayName(cmd.name);
    const flags: CommandPart[] = [];
    const operands: CommandPart[] = [];
    w.roles.forEach((role, i) => {
      if (role?.kind === 'flag') {
        for (const p of role.parts) {
          if (!p.doc) continue;
          const next = w.roles[i + 1];
          const value = p.value ?? (next?.kind === 'value' && next.flag === p ? cmd.args[i + 1].text : undefined);
          flags.push({ text: p.spelling, value, summary: p.doc.section.summary });
        }
      } else if (role?.kind === 'operand' && !w.sub) {
        const section = doc.operands[role.index];
        if (section) operands.push({ text: cmd.args[i].text, what: section.name.replace(/^<(.*)>$/, '$1'), summary: section.summary });
      }
    });
    const ctx: IdiomContext = { q, cmd, doc, walk: w };
    const idioms = IDIOMS.filter((idiom) => idiom.anchors(ctx)?.some((a) => a !== undefined)).map((idiom) => idiom.id);
    out.push({
      name: w.sub ? `${base} ${w.sub.key}` : base,
      text,
      summary: w.sub ? w.sub.section.summary : doc.intro.summary,
      flags,
      operands,
      idioms,
    });
  }
  if (w.inner && depth < 3) summarize(q, w.inner.cmd, w.inner.viaFlag ? `${displayName(cmd.name)} ${w.inner.viaFlag.spelling}` : undefined, out, depth + 1);
}
