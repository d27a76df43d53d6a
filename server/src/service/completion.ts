/**
 * Completion: what may be written at the cursor, from the document model and our knowledge —
 * instruction keywords (as snippets, cased like the file), every flag of every instruction and
 * its values (`--mount` types and each type's options, `--network`, `--platform`, `--chmod`…),
 * stage names, the variables in scope after `$`/`${` (BuildKit's automatic ARGs included),
 * parser directives and their values, HEALTHCHECK `CMD`/`NONE`, rule codes in `# hadolint
 * ignore=` and BuildKit check names in `# check=skip=`, common images after FROM.
 *
 * Items stay small: the documentation of an item is added by `resolveCompletion` from the
 * item's `data` (completionItem/resolve), from the same Markdown docs hover shows.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type Command,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver-types';
import type { DocModel, Stage, VarDef } from '../model/document';
import { variablesAt, varDefs } from '../model/document';
import { AUTOMATIC_PLATFORM_ARGS, PREDEFINED_ARGS } from '../model/variables';
import { INSTRUCTIONS, MOUNT_OPTIONS, MOUNT_TYPES, flagInfo, flagsOf, mountOption, type FlagInfo, type MountType } from '../knowledge/flags';
import {
  BUILDKIT_BUILD_ARGS,
  CACHE_MOUNT_TARGETS,
  CHECK_KEYS,
  CHMOD_MODES,
  ESCAPE_CHARS,
  FLAG_VALUE_NOTES,
  HADOLINT_SHELLS,
  HEALTHCHECK_VALUES,
  MOUNT_SHARING_NOTES,
  OCI_LABELS,
  PLATFORMS,
  SYNTAX_FRONTENDS,
  type ValueNote,
} from '../knowledge/build-values';
import { FORMS, KEYWORD_SNIPPETS } from '../knowledge/instruction-forms';
import { directiveDoc, flagDoc, instructionDoc } from '../docs';
import { imageDoc, parseSections } from '../hover/images';
import { PLATFORM_ARG_MEANING, markdownSections, wellKnownVariable } from '../hover/variables';
import { rules, findRule } from '../rules';
import { BUILDKIT_CHECKS } from '../rules/catalog';
import { ruleDocUrl } from './diagnostics';
import { markdownToPlainText } from './plaintext';
import { cursorAt, instructionNear, typedPart, type CommentCursor, type CursorWord, type InstructionCursor } from './cursor';
import IMAGES_MD from '../../docs/images/images.md';
import SIGNALS_MD from '../../docs/arguments/signals.md';

export interface CompletionOptions {
  /** The client inserts snippets (`completionItem.snippetSupport`). */
  snippets?: boolean;
  /** The client runs `editor.action.triggerSuggest` (VS Code): items that need a value reopen the list. */
  retrigger?: boolean;
  /** The character that triggered the request, if any. */
  triggerCharacter?: string;
}

export interface ResolveOptions {
  /** The client shows plain text only. */
  plainText?: boolean;
}

/** What `resolveCompletion` needs to find an item's documentation. */
export type CompletionData =
  | { doc: 'instruction'; name: string }
  | { doc: 'flag'; ins: string; name: string }
  | { doc: 'directive'; name: string }
  | { doc: 'rule'; name: string }
  | { doc: 'image'; name: string }
  | { doc: 'variable'; name: string }
  | { doc: 'signal'; name: string };

/** Characters after which the client should ask for completion. */
export const COMPLETION_TRIGGERS = [' ', '=', '$', '{', '-', ',', ';'];

const RETRIGGER: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

const isFlagWord = (w: CursorWord) => w.text.startsWith('--') && w.text !== '--';
const pad = (n: number) => String(n).padStart(3, '0');
/** Text for a plain-text `detail`: Markdown backticks dropped. */
const plain = (s: string) => s.replace(/`/g, '');

interface Ctx {
  model: DocModel;
  options: CompletionOptions;
  items: CompletionItem[];
}

function add(ctx: Ctx, label: string, kind: CompletionItemKind, from: number, to: number, newText: string, extra: Partial<CompletionItem> = {}): void {
  const item: CompletionItem = { label, kind, textEdit: { range: ctx.model.lines.range(from, to), newText } };
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && (key !== 'command' || ctx.options.retrigger)) (item as unknown as Record<string, unknown>)[key] = value;
  }
  ctx.items.push(item);
}

/** The completion items at a position; empty where nothing can be offered (never throws on half-typed text). */
export function completion(model: DocModel, pos: Position, options: CompletionOptions = {}): CompletionItem[] {
  const ctx: Ctx = { model, options, items: [] };
  const c = cursorAt(model, pos);
  if (c.kind === 'comment') commentItems(ctx, c);
  else if (c.kind === 'instruction') instructionItems(ctx, c);
  return ctx.items;
}

// ---------------------------------------------------------------------------------------
// Instructions

function instructionItems(ctx: Ctx, c: InstructionCursor): void {
  const w = c.words[c.at];
  const typed = typedPart(c);
  if (c.at === c.keywordAt) {
    if (/^[A-Za-z]*$/.test(typed)) keywordItems(ctx, c);
    return;
  }
  if (variableItems(ctx, c)) return;
  const args = c.words.slice(c.keywordAt + 1, c.at);
  const flagCount = args.findIndex((a) => !isFlagWord(a));
  const inFlagZone = flagCount < 0 && !args.some((a) => a.text === '--');
  const argIndex = inFlagZone ? 0 : args.length - flagCount;
  // A flag being typed, or the cursor on one: flags come before the arguments only.
  if (typed.startsWith('-') || isFlagWord(w)) {
    if (!inFlagZone) return;
    if (typed.includes('=')) flagValueItems(ctx, c, w);
    else flagNameItems(ctx, c, w);
    return;
  }
  if (inFlagZone && w.text === '' && ctx.options.triggerCharacter !== ' ') flagNameItems(ctx, c, w);
  argumentItems(ctx, c, w, typed, argIndex);
}

/** Whether the file's instruction keywords are mostly lowercase (the line being typed left out). */
function lowercaseFile(model: DocModel, exceptLine: number): boolean {
  let upper = 0;
  let lower = 0;
  for (const ins of model.instructions) {
    for (const i of ins.trigger ? [ins, ins.trigger] : [ins]) {
      if (i.range.start.line === exceptLine) continue;
      if (!(INSTRUCTIONS as readonly string[]).includes(i.keyword)) continue;
      if (i.keywordText === i.keyword) upper++;
      else if (i.keywordText === i.keyword.toLowerCase()) lower++;
    }
  }
  return lower > upper;
}

/** A word cased like the keyword it follows (`as` after `from`). */
function casedLike(keywordText: string, word: string): string {
  return keywordText.length > 0 && keywordText === keywordText.toLowerCase() ? word.toLowerCase() : word;
}

function keywordItems(ctx: Ctx, c: InstructionCursor): void {
  const { model } = ctx;
  const w = c.words[c.at];
  const inTrigger = c.keywordAt === 1;
  const beforeFirstFrom = !model.stages.some((s) => s.from.range.start.line < c.startLine);
  const allowed = inTrigger
    ? INSTRUCTIONS.filter((k) => k !== 'ONBUILD' && k !== 'FROM' && k !== 'MAINTAINER')
    : beforeFirstFrom
      ? (['FROM', 'ARG'] as const)
      : INSTRUCTIONS;
  const lower = lowercaseFile(model, c.startLine);
  const case_ = (s: string) => (lower ? s.toLowerCase() : s);
  // Replacing the keyword of an instruction that has arguments: the keyword alone.
  const keywordOnly = c.words.length > c.at + 1;
  const snippets = !!ctx.options.snippets && !keywordOnly;
  const seen = new Set<string>();
  KEYWORD_SNIPPETS.forEach((s, i) => {
    if (!(allowed as readonly string[]).includes(s.keyword)) return;
    const keyword = case_(s.keyword);
    const label = s.label ? s.label.replace(s.keyword, keyword).replace(' NONE', casedLike(keyword, ' NONE')).replace(' AS ', casedLike(keyword, ' AS ')) : keyword;
    if (keywordOnly && s.label) return;
    let newText: string;
    let format: InsertTextFormat | undefined;
    if (snippets) {
      newText = `${keyword} ${s.snippet.replace(/\bNONE\b/, casedLike(keyword, 'NONE')).replace(/ AS /, casedLike(keyword, ' AS '))}`;
      format = InsertTextFormat.Snippet;
    } else {
      if (s.plain === undefined) return;
      newText = keywordOnly ? keyword : s.plain ? `${keyword} ${casedLike(keyword, s.plain)}` : `${keyword} `;
    }
    if (seen.has(label)) return;
    seen.add(label);
    const deprecated = s.keyword === 'MAINTAINER';
    add(ctx, label, CompletionItemKind.Keyword, w.start, w.end, newText, {
      insertTextFormat: format,
      detail: FORMS[s.keyword].find((f) => (s.label?.endsWith('NONE') ? f.name === 'none' : true))?.doc,
      sortText: `${deprecated ? 'z' : 'a'}${pad(i)}`,
      filterText: keyword,
      tags: deprecated ? [CompletionItemTag.Deprecated] : undefined,
      // ONBUILD is followed by a keyword; without snippets, FROM by an image: reopen the list.
      command: (s.keyword === 'ONBUILD' && !keywordOnly) || (!snippets && !keywordOnly && s.keyword === 'FROM' && !s.label) ? RETRIGGER : undefined,
      data: { doc: 'instruction', name: s.keyword } satisfies CompletionData,
    });
  });
}

// ---------------------------------------------------------------------------------------
// Variables

interface ScopeVar {
  name: string;
  detail: string;
  /** 0: declared in the file; 1: automatic; 2: predefined proxies. */
  rank: number;
}

function defDetail(d: VarDef): string {
  const where = `${d.kind} on line ${d.nameRange.start.line + 1}`;
  if (d.value === null && d.kind === 'ARG' && AUTOMATIC_PLATFORM_ARGS.includes(d.name)) return `${where}: ${plain(PLATFORM_ARG_MEANING[d.name] ?? '')}`;
  if (d.value === null) return d.kind === 'ARG' ? `${where}, set with --build-arg` : where;
  const v = d.value.length > 40 ? `${d.value.slice(0, 39)}…` : d.value;
  return `${where} = ${v}`;
}

/** The stage a line belongs to (the last FROM at or before it). */
function stageAtLine(model: DocModel, line: number): Stage | undefined {
  let found: Stage | undefined;
  for (const s of model.stages) if (s.from.range.start.line <= line) found = s;
  return found;
}

/** The variables an instruction may use, as the builder scopes them. */
function scopeVariables(model: DocModel, c: InstructionCursor): ScopeVar[] {
  const out: ScopeVar[] = [];
  const inFrom = c.keyword === 'FROM' && c.keywordAt === 0;
  const stage = stageAtLine(model, c.startLine);
  const global = inFrom || !stage;
  const declared = new Map<string, VarDef>();
  if (global) {
    for (const d of model.globalArgs) if (d.instruction.range.start.line < c.startLine) declared.set(d.name, d);
  } else if (c.ins) {
    for (const [name, d] of variablesAt(model, c.ins)) declared.set(name, d);
  } else {
    // The parser made no instruction of this line: the scope after the one before it.
    const prev = instructionNear(model, c.startLine - 1);
    if (prev && prev.stage === stage) {
      for (const [name, d] of variablesAt(model, prev)) declared.set(name, d);
      if (prev.keyword === 'ARG' || prev.keyword === 'ENV') for (const d of varDefs(prev)) declared.set(d.name, d);
    }
  }
  for (const d of declared.values()) out.push({ name: d.name, detail: defDetail(d), rank: 0 });
  if (global) {
    for (const name of AUTOMATIC_PLATFORM_ARGS) {
      if (!declared.has(name)) out.push({ name, detail: `automatic platform ARG: ${plain(PLATFORM_ARG_MEANING[name] ?? '')}`, rank: 1 });
    }
  }
  if (!global && c.keyword === 'RUN') {
    for (const name of PREDEFINED_ARGS) {
      if (!declared.has(name)) out.push({ name, detail: 'predefined ARG: a proxy setting, when passed with --build-arg', rank: 2 });
    }
  }
  return out;
}

/** Offers the variables in scope when the cursor follows `$` or `${`; false when it does not. */
function variableItems(ctx: Ctx, c: InstructionCursor): boolean {
  const { model } = ctx;
  const text = model.text;
  const w = c.words[c.at];
  let from = c.offset;
  while (from > w.start && /[A-Za-z0-9_]/.test(text[from - 1])) from--;
  let dollar: number;
  let braced = false;
  if (text[from - 1] === '$') dollar = from - 1;
  else if (text[from - 1] === '{' && text[from - 2] === '$') {
    dollar = from - 2;
    braced = true;
  } else return false;
  if (dollar < w.start || (dollar > 0 && text[dollar - 1] === model.escapeChar) || /^[0-9]/.test(text.slice(from, c.offset))) return false;
  let to = c.offset;
  while (to < w.end && /[A-Za-z0-9_]/.test(text[to])) to++;
  const close = braced && text[to] !== '}' ? '}' : '';
  for (const v of scopeVariables(model, c)) {
    add(ctx, v.name, CompletionItemKind.Variable, from, to, v.name + close, {
      detail: v.detail,
      sortText: `${v.rank}${v.name}`,
      data: { doc: 'variable', name: v.name } satisfies CompletionData,
    });
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Flags

/** Flags whose value completion can offer something: inserting them reopens the list. */
function flagHasValues(f: FlagInfo): boolean {
  return ['enum', 'platform', 'mount', 'source', 'chmod', 'chown', 'duration', 'integer'].includes(f.value);
}

function flagNameItems(ctx: Ctx, c: InstructionCursor, w: CursorWord): void {
  const eq = w.text.indexOf('=');
  const to = eq < 0 ? w.end : w.start + eq;
  const used = new Set(
    c.words
      .slice(c.keywordAt + 1)
      .filter((x) => x !== w && isFlagWord(x))
      .map((x) => x.text.slice(2).split('=')[0]),
  );
  flagsOf(c.keyword).forEach((f, i) => {
    if (f.kind !== 'strings' && used.has(f.name)) return;
    const withValue = f.kind !== 'bool' && eq < 0;
    const newText = `--${f.name}${withValue ? `=${f.value === 'mount' ? 'type=' : ''}` : ''}`;
    add(ctx, `--${f.name}`, CompletionItemKind.Property, w.start, to, newText, {
      detail: plain(f.summary),
      sortText: `b${pad(i)}`,
      command: withValue && flagHasValues(f) ? RETRIGGER : undefined,
      data: { doc: 'flag', ins: c.keyword, name: f.name } satisfies CompletionData,
    });
  });
}

function valueItems(ctx: Ctx, notes: readonly ValueNote[], from: number, to: number, kind: CompletionItemKind = CompletionItemKind.EnumMember, rank = 'c'): void {
  notes.forEach((n, i) => {
    add(ctx, n.value, kind, from, to, n.value, { detail: `${plain(n.summary)}${n.isDefault ? ' (default)' : ''}`, sortText: `${rank}${pad(i)}` });
  });
}

const BOOLEANS: readonly ValueNote[] = [
  { value: 'true', summary: 'on' },
  { value: 'false', summary: 'off' },
];

function flagValueItems(ctx: Ctx, c: InstructionCursor, w: CursorWord): void {
  const { model } = ctx;
  const eq = w.text.indexOf('=');
  const name = w.text.slice(2, eq);
  const info = flagInfo(c.keyword, name);
  if (!info) return;
  const from = w.start + eq + 1;
  const to = w.end;
  switch (info.value) {
    case 'mount':
      return mountItems(ctx, c, from, to);
    case 'enum':
      return valueItems(ctx, FLAG_VALUE_NOTES[`${c.keyword} ${name}`] ?? (info.values ?? []).map((value) => ({ value, summary: '' })), from, to);
    case 'platform': {
      add(ctx, '$BUILDPLATFORM', CompletionItemKind.Variable, from, to, '$BUILDPLATFORM', {
        detail: 'the platform of the machine running the build: compilers run natively and cross-compile',
        sortText: 'a0',
      });
      add(ctx, '$TARGETPLATFORM', CompletionItemKind.Variable, from, to, '$TARGETPLATFORM', {
        detail: 'the platform being built for; FROM uses it already when --platform is left out',
        sortText: 'a1',
      });
      return valueItems(ctx, PLATFORMS, from, to, CompletionItemKind.Value);
    }
    case 'source':
      return stageItems(ctx, c, from, to, false);
    case 'boolean':
      return valueItems(ctx, BOOLEANS, from, to);
    case 'chmod':
      return valueItems(ctx, CHMOD_MODES, from, to, CompletionItemKind.Value);
    case 'chown':
      return valueItems(ctx, knownOwners(model), from, to, CompletionItemKind.Value);
    case 'duration':
    case 'integer':
      return valueItems(ctx, HEALTHCHECK_VALUES[name] ?? [], from, to, CompletionItemKind.Value);
    default:
      return;
  }
}

/** Owners worth offering for `--chown`: the users of USER instructions and other `--chown` values, then root. */
function knownOwners(model: DocModel): ValueNote[] {
  const seen = new Map<string, string>();
  for (const ins of model.instructions) {
    const i = ins.trigger ?? ins;
    if (i.keyword === 'USER' && i.args[0] && !i.args[0].value.includes('$')) seen.set(i.args[0].value, `USER on line ${i.range.start.line + 1}`);
    for (const f of i.flags) {
      if (f.name === 'chown' && f.value && !f.value.includes('$')) seen.set(f.value, `--chown on line ${i.range.start.line + 1}`);
    }
  }
  seen.delete('root');
  return [...[...seen].map(([value, summary]) => ({ value, summary })), { value: 'root:root', summary: 'root user and group (the default)' }];
}

/** Stage names for `COPY --from=`, `--mount=…,from=` (`forFrom` false) or `FROM` (`forFrom` true): the earlier stages. */
function stageItems(ctx: Ctx, c: InstructionCursor, from: number, to: number, forFrom: boolean): void {
  const own = forFrom ? undefined : stageAtLine(ctx.model, c.startLine);
  for (const s of ctx.model.stages) {
    if (s.from.range.start.line >= c.startLine || s === own) continue;
    const label = s.name ?? String(s.index);
    add(ctx, label, CompletionItemKind.Reference, from, to, label, {
      detail: `stage ${s.index}${s.name ? '' : ' (unnamed)'}: FROM ${s.image ?? '…'} (line ${s.from.range.start.line + 1})`,
      sortText: `a${pad(s.index)}`,
    });
  }
}

// ---------------------------------------------------------------------------------------
// RUN --mount

function mountItems(ctx: Ctx, c: InstructionCursor, valueStart: number, valueEnd: number): void {
  const text = ctx.model.text;
  const value = text.slice(valueStart, valueEnd);
  const rel = c.offset - valueStart;
  const segStart = rel > 0 ? value.lastIndexOf(',', rel - 1) + 1 : 0;
  const nextComma = value.indexOf(',', rel);
  const segEnd = nextComma < 0 ? value.length : nextComma;
  const segment = value.slice(segStart, segEnd);
  const typedSeg = value.slice(segStart, rel);
  // The other options of this mount.
  const others = [...value.slice(0, segStart).split(','), ...value.slice(segEnd + 1).split(',')].filter((s) => s.length > 0);
  const used = new Set(others.map((s) => mountOption(s.split('=')[0])?.names[0] ?? s.split('=')[0].toLowerCase()));
  const typeText = others.find((s) => s.split('=')[0].toLowerCase() === 'type')?.split('=')[1];
  const type = (MOUNT_TYPES.find((t) => t.type === typeText?.toLowerCase())?.type ?? (typeText ? undefined : 'bind')) as MountType | undefined;
  const eq = typedSeg.indexOf('=');
  if (eq >= 0) {
    const key = typedSeg.slice(0, eq).toLowerCase();
    const option = mountOption(key);
    const from = valueStart + segStart + eq + 1;
    const to = valueStart + segEnd;
    if (!option) return;
    switch (option.value) {
      case 'type':
        MOUNT_TYPES.forEach((t, i) => add(ctx, t.type, CompletionItemKind.EnumMember, from, to, t.type, { detail: plain(t.summary), sortText: `c${pad(i)}` }));
        return;
      case 'sharing':
        return valueItems(ctx, MOUNT_SHARING_NOTES, from, to);
      case 'source':
        return stageItems(ctx, c, from, to, false);
      case 'boolean':
        return valueItems(ctx, BOOLEANS, from, to);
      case 'path': {
        if (option.names[0] !== 'target' || type !== 'cache') return;
        CACHE_MOUNT_TARGETS.forEach((t, i) => {
          const sharing = t.sharing && !used.has('sharing') ? `,sharing=${t.sharing}` : '';
          add(ctx, t.target, CompletionItemKind.Folder, from, to, t.target + sharing, { detail: `${t.tool}: ${plain(t.summary)}`, sortText: `c${pad(i)}`, filterText: t.target });
        });
        return;
      }
      default:
        return;
    }
  }
  // An option name.
  const from = valueStart + segStart;
  const keyEnd = segment.indexOf('=');
  const to = keyEnd < 0 ? valueStart + segEnd : from + keyEnd;
  const hasValue = keyEnd >= 0;
  if (!used.has('type')) {
    add(ctx, 'type', CompletionItemKind.Property, from, to, hasValue ? 'type' : 'type=', {
      detail: plain(MOUNT_OPTIONS[0].summary),
      sortText: 'a000',
      command: hasValue ? undefined : RETRIGGER,
    });
  }
  if (!type) return;
  MOUNT_OPTIONS.forEach((o, i) => {
    const key = o.names[0];
    if (key === 'type' || used.has(key) || !o.types.includes(type)) return;
    const reopen = !hasValue && !o.bare && (o.value === 'sharing' || o.value === 'source' || (key === 'target' && type === 'cache'));
    add(ctx, key, CompletionItemKind.Property, from, to, o.bare || hasValue ? key : `${key}=`, {
      detail: `${plain(o.summary)}${o.names.length > 1 ? ` (also ${o.names.slice(1).join(', ')})` : ''}`,
      sortText: `b${pad(i)}`,
      filterText: o.names.join(' '),
      command: reopen ? RETRIGGER : undefined,
    });
  });
}

// ---------------------------------------------------------------------------------------
// Arguments

let imageNames: string[] | undefined;
/** The images our knowledge describes, by the name people write (patterns left out). */
function images(): string[] {
  imageNames ??= parseSections(IMAGES_MD)
    .flatMap((s) => s.names)
    .filter((n) => !n.includes('*'));
  return imageNames;
}

let signalNames: string[] | undefined;
function signals(): string[] {
  signalNames ??= markdownSections(SIGNALS_MD).map((s) => s.heading.trim());
  return signalNames;
}

const SHELLS: readonly ValueNote[] = [
  { value: '["/bin/bash", "-o", "pipefail", "-c"]', summary: 'bash; a pipeline fails when any command in it fails (DL4006)' },
  { value: '["/bin/sh", "-c"]', summary: 'the default shell on Linux' },
  { value: '["/bin/ash", "-eo", "pipefail", "-c"]', summary: "Alpine's BusyBox shell, with pipefail" },
  { value: '["pwsh", "-Command"]', summary: 'PowerShell' },
  { value: '["cmd", "/S", "/C"]', summary: 'the default shell on Windows' },
];

function argumentItems(ctx: Ctx, c: InstructionCursor, w: CursorWord, typed: string, argIndex: number): void {
  const { model } = ctx;
  const more = c.words.length > c.at + 1;
  switch (c.keyword) {
    case 'FROM': {
      if (argIndex === 0) {
        if (/[:@$]/.test(typed)) return;
        stageItems(ctx, c, w.start, w.end, true);
        images().forEach((name, i) => {
          add(ctx, name, CompletionItemKind.Module, w.start, w.end, name, { sortText: `b${pad(i)}`, data: { doc: 'image', name } satisfies CompletionData });
        });
      } else if (argIndex === 1) {
        const as = casedLike(c.keywordText, 'AS');
        add(ctx, as, CompletionItemKind.Keyword, w.start, w.end, more ? as : `${as} `, { detail: 'names the stage' });
      }
      return;
    }
    case 'HEALTHCHECK': {
      if (argIndex !== 0) return;
      const cmd = casedLike(c.keywordText, 'CMD');
      const none = casedLike(c.keywordText, 'NONE');
      add(ctx, cmd, CompletionItemKind.Keyword, w.start, w.end, more ? cmd : `${cmd} `, { detail: 'the command that checks the container', sortText: 'a0' });
      add(ctx, none, CompletionItemKind.Keyword, w.start, w.end, none, { detail: 'turns off the health check of the base image', sortText: 'a1' });
      return;
    }
    case 'ARG': {
      if (typed.includes('=')) return;
      argNameItems(ctx, c, w);
      return;
    }
    case 'LABEL': {
      // A key (the value after `=` is the user's); keys already set are left out.
      if (typed.includes('=') || /["']/.test(typed)) return;
      const set = new Set(c.words.slice(c.keywordAt + 1).filter((x) => x !== w).map((x) => x.text.split('=')[0]));
      const eq = w.text.indexOf('=');
      OCI_LABELS.forEach((n, i) => {
        if (set.has(n.value)) return;
        add(ctx, n.value, CompletionItemKind.Property, w.start, eq < 0 ? w.end : w.start + eq, eq < 0 ? `${n.value}=` : n.value, { detail: plain(n.summary), sortText: `c${pad(i)}` });
      });
      return;
    }
    case 'STOPSIGNAL': {
      if (argIndex !== 0) return;
      signals().forEach((name, i) => {
        add(ctx, name, CompletionItemKind.EnumMember, w.start, w.end, name, { sortText: `c${pad(i)}`, data: { doc: 'signal', name } satisfies CompletionData });
      });
      return;
    }
    case 'SHELL': {
      if (argIndex !== 0 || (typed !== '' && !typed.startsWith('['))) return;
      const to = model.lines.lineEnd(model.lines.positionAt(c.offset).line);
      valueItems(ctx, SHELLS, w.start, more ? w.end : Math.max(to, w.end), CompletionItemKind.Value);
      return;
    }
    default:
      return;
  }
}

/** Names for an ARG inside a stage: global ARGs not yet redeclared, BuildKit's automatic ARGs, its built-in ones. */
function argNameItems(ctx: Ctx, c: InstructionCursor, w: CursorWord): void {
  const { model } = ctx;
  const stage = stageAtLine(model, c.startLine);
  const here = new Set<string>();
  if (stage) for (const d of stage.vars) if (d.kind === 'ARG' && d.instruction.range.start.line < c.startLine) here.add(d.name);
  const names: ScopeVar[] = [];
  if (stage) {
    for (const d of model.globalArgs) {
      if (here.has(d.name) || names.some((n) => n.name === d.name)) continue;
      names.push({ name: d.name, detail: `global ${defDetail(d)}: declare it here to use it in this stage`, rank: 0 });
    }
    for (const name of AUTOMATIC_PLATFORM_ARGS) {
      if (!here.has(name) && !names.some((n) => n.name === name)) names.push({ name, detail: `automatic platform ARG: ${plain(PLATFORM_ARG_MEANING[name] ?? '')}`, rank: 1 });
    }
  }
  for (const a of BUILDKIT_BUILD_ARGS) {
    if (!here.has(a.value) && !names.some((n) => n.name === a.value)) names.push({ name: a.value, detail: `BuildKit build argument: ${plain(a.summary)}`, rank: 2 });
  }
  names.forEach((n, i) => {
    add(ctx, n.name, CompletionItemKind.Variable, w.start, w.end, n.name, { detail: n.detail, sortText: `${n.rank}${pad(i)}`, data: { doc: 'variable', name: n.name } satisfies CompletionData });
  });
}

// ---------------------------------------------------------------------------------------
// Comments: parser directives and pragmas

/** BuildKit check names: the catalog's and our rules' BuildKit names. */
function buildkitNames(): { name: string; detail: string }[] {
  const out = new Map<string, string>();
  for (const check of BUILDKIT_CHECKS) out.set(check.name, findRule(check.name)?.title ?? check.meaning);
  for (const r of rules) {
    for (const n of [r.id, ...(r.aliases ?? [])]) if (!/^D[LX]\d+$/.test(n) && !out.has(n)) out.set(n, r.title);
  }
  return [...out].map(([name, detail]) => ({ name, detail: plain(detail) }));
}

/** The word around the cursor in a comment (a directive value, a rule code), as document offsets. */
function tokenAround(text: string, offset: number, lineEnd: number): { from: number; to: number } {
  let from = offset;
  while (from > 0 && /[A-Za-z0-9_.\/:-]/.test(text[from - 1])) from--;
  let to = offset;
  while (to < lineEnd && /[A-Za-z0-9_.\/:-]/.test(text[to])) to++;
  return { from, to };
}

function commentItems(ctx: Ctx, c: CommentCursor): void {
  const { model } = ctx;
  const text = model.text;
  const lineEnd = model.lines.lineEnd(c.line);
  const before = c.before;
  const tok = tokenAround(text, c.offset, lineEnd);
  const rest = text.slice(c.offset, lineEnd);

  // Directive names at the top of the file, and pragma starters anywhere.
  if (/^\s*[A-Za-z]*$/.test(before)) {
    const hasEq = /^[A-Za-z]*\s*=/.test(rest);
    if (c.directiveBlock) {
      const present = new Set(model.directives.filter((d) => d.range.start.line !== c.line).map((d) => d.name));
      ['syntax', 'escape', 'check'].forEach((name, i) => {
        if (present.has(name)) return;
        add(ctx, name, CompletionItemKind.Property, tok.from, tok.to, hasEq ? name : `${name}=`, {
          detail: 'parser directive',
          sortText: `a${i}`,
          command: hasEq ? undefined : RETRIGGER,
          data: { doc: 'directive', name } satisfies CompletionData,
        });
      });
    }
    if (!hasEq) {
      const starters: [string, string][] = [
        ['hadolint ignore=', 'ignore rules on the next instruction'],
        ['hadolint global ignore=', 'ignore rules in the whole file'],
        ['hadolint shell=', 'the shell RUN bodies are written for, from here on'],
      ];
      if (!c.directiveBlock) starters.push(['check=skip=', 'skip BuildKit checks on the next instruction']);
      starters.forEach(([label, detail], i) => {
        add(ctx, label, CompletionItemKind.Snippet, tok.from, tok.to, label, { detail, sortText: `b${i}`, filterText: label, command: RETRIGGER });
      });
    }
    return;
  }

  // Directive values.
  const directive = c.directiveBlock ? /^\s*(syntax|escape|check)\s*=\s*/i.exec(before) : null;
  if (directive) {
    const name = directive[1].toLowerCase();
    const valueStart = c.bodyStart + directive[0].length;
    if (name === 'check') return checkItems(ctx, c, valueStart, lineEnd);
    const to = valueStart + text.slice(valueStart, lineEnd).search(/\s|$/);
    valueItems(ctx, name === 'syntax' ? SYNTAX_FRONTENDS : ESCAPE_CHARS, valueStart, Math.max(to, c.offset), CompletionItemKind.Value);
    return;
  }

  let m: RegExpExecArray | null;
  if ((m = /^\s*hadolint\s+([a-z]*)$/i.exec(before))) {
    [
      ['ignore=', 'ignore rules on the next instruction'],
      ['global ignore=', 'ignore rules in the whole file'],
      ['shell=', 'the shell RUN bodies are written for'],
    ].forEach(([label, detail], i) => add(ctx, label, CompletionItemKind.Keyword, tok.from, tok.to, label, { detail, sortText: `a${i}`, command: RETRIGGER }));
    return;
  }
  if ((m = /^\s*hadolint\s+global\s+([a-z]*)$/i.exec(before))) {
    add(ctx, 'ignore=', CompletionItemKind.Keyword, tok.from, tok.to, 'ignore=', { detail: 'ignore rules in the whole file', command: RETRIGGER });
    return;
  }
  if ((m = /^\s*hadolint\s+(?:global\s+)?ignore\s*=\s*((?:[A-Za-z0-9]+\s*,\s*)*)([A-Za-z0-9]*)$/i.exec(before))) {
    // Codes listed on the line already, the one under the cursor aside.
    const listed = new Set(text.slice(c.bodyStart, lineEnd).replace(/^[^=]*=/, '').split('#')[0].split(',').map((s) => s.trim()));
    listed.delete(text.slice(tok.from, tok.to));
    const ordered = [...rules].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
    ordered.forEach((r, i) => {
      if (listed.has(r.id)) return;
      add(ctx, r.id, CompletionItemKind.Value, tok.from, tok.to, r.id, { detail: plain(r.title), sortText: `c${pad(i)}`, data: { doc: 'rule', name: r.id } satisfies CompletionData });
    });
    return;
  }
  if ((m = /^\s*hadolint\s+shell\s*=\s*(\S*)$/i.exec(before))) {
    valueItems(ctx, HADOLINT_SHELLS, tok.from, tok.to, CompletionItemKind.Value);
    return;
  }
  if ((m = /^\s*check\s*=\s*/i.exec(before))) checkItems(ctx, c, c.bodyStart + m[0].length, lineEnd);
}

/** Sort rank of a rule code: hadolint codes, then ours, then BuildKit names. */
function rank(id: string): number {
  return id.startsWith('DL') ? 0 : /^DX\d/.test(id) ? 1 : 2;
}

/** `check=skip=A,B;error=true;experimental=C`: keys, check names, booleans. */
function checkItems(ctx: Ctx, c: CommentCursor, valueStart: number, lineEnd: number): void {
  const text = ctx.model.text;
  const before = text.slice(valueStart, c.offset);
  const partStart = valueStart + before.lastIndexOf(';') + 1;
  const part = text.slice(partStart, c.offset);
  const eq = part.indexOf('=');
  const tok = tokenAround(text, c.offset, lineEnd);
  const whole = text.slice(valueStart, lineEnd);
  if (eq < 0) {
    const used = new Set(whole.split(';').map((p) => p.split('=')[0].trim().toLowerCase()));
    CHECK_KEYS.forEach((k, i) => {
      if (used.has(k.value) && k.value !== part.trim().toLowerCase()) return;
      add(ctx, k.value, CompletionItemKind.Property, tok.from, tok.to, `${k.value}=`, { detail: plain(k.summary), sortText: `a${i}`, command: RETRIGGER });
    });
    return;
  }
  const key = part.slice(0, eq).trim().toLowerCase();
  if (key === 'error') return valueItems(ctx, BOOLEANS, tok.from, tok.to);
  if (key !== 'skip' && key !== 'experimental') return;
  // Names listed in this part already, the one under the cursor aside.
  const partText = part + text.slice(c.offset, lineEnd).split(';')[0];
  const listed = new Set(partText.slice(eq + 1).split(',').map((s) => s.trim()).filter(Boolean));
  listed.delete(text.slice(tok.from, tok.to));
  const names = buildkitNames().filter((n) => key === 'skip' || BUILDKIT_CHECKS.some((b) => b.name === n.name && b.experimental));
  if (!listed.size) add(ctx, 'all', CompletionItemKind.Keyword, tok.from, tok.to, 'all', { detail: key === 'skip' ? 'every check' : 'every experimental check', sortText: 'a' });
  names.forEach((n, i) => {
    if (listed.has(n.name)) return;
    add(ctx, n.name, CompletionItemKind.Value, tok.from, tok.to, n.name, { detail: n.detail, sortText: `b${pad(i)}`, data: { doc: 'rule', name: n.name } satisfies CompletionData });
  });
}

// ---------------------------------------------------------------------------------------
// Resolve

/** Adds an item's documentation (Markdown, or plain text for clients that want it). */
export function resolveCompletion(item: CompletionItem, options: ResolveOptions = {}): CompletionItem {
  const data = item.data as CompletionData | undefined;
  if (!data || typeof data !== 'object' || item.documentation) return item;
  const md = documentation(data);
  if (md) item.documentation = options.plainText ? markdownToPlainText(md) : { kind: 'markdown', value: md };
  return item;
}

function documentation(data: CompletionData): string | undefined {
  switch (data.doc) {
    case 'instruction':
      return instructionDoc(data.name)?.markdown;
    case 'flag':
      return flagDoc(data.ins, data.name)?.markdown;
    case 'directive':
      return directiveDoc(data.name)?.markdown;
    case 'rule': {
      const rule = findRule(data.name);
      if (rule) return `**${rule.id}** · ${rule.title}\n\n${rule.summary}\n\n[Documentation](${ruleDocUrl(rule.id)})`;
      const check = BUILDKIT_CHECKS.find((b) => b.name === data.name);
      return check ? `**${check.name}** · ${check.meaning}` : undefined;
    }
    case 'image':
      return imageDoc(data.name)?.markdown;
    case 'variable':
      return wellKnownVariable(data.name)?.markdown;
    case 'signal':
      return markdownSections(SIGNALS_MD).find((s) => s.heading.trim() === data.name)?.body;
    default:
      return undefined;
  }
}
