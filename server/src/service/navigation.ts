/**
 * Navigation: go to definition, find references, document highlight and rename for the three
 * kinds of names a Dockerfile has — build stages, ARG/ENV variables and heredoc delimiters.
 *
 * Every name is resolved once per document version into symbols, each with its occurrences
 * (definitions and references, as name ranges), the way the builder reads them:
 *
 * - Stages: `FROM … AS name` defines; `FROM name`, `COPY --from=name` (and `ADD`) and
 *   `RUN --mount=…,from=name` refer, without regard to case. A reference by index
 *   (`--from=0`) or through a variable (`--from=$STAGE`) is a reference too, but rename leaves
 *   its text alone: it keeps working. Stages with the same name (a mistake the builder rejects)
 *   share one symbol.
 * - Variables: a reference means the definition in effect where it is expanded: global ARGs in
 *   FROM lines; inside a stage, its ARGs and ENVs in order, plus those of the stage it is built
 *   FROM; `ARG NAME` without a default joins the global `ARG NAME` it takes its value from; a
 *   redefinition (`ENV PATH=/x:$PATH`) joins the variable it replaces. Shell-form CMD,
 *   ENTRYPOINT and HEALTHCHECK run in the container, where only ENVs exist. A `$NAME` after
 *   the script assigns `NAME` itself is the shell's own variable, and an expansion the builder
 *   never makes (a quoted heredoc given to COPY, SHELL, a flag it takes as written) is no
 *   reference. References to names defined nowhere in the file (`$HOME`) group by stage; they
 *   cannot be renamed.
 * - Heredocs: the opening `<<EOF` defines, the closing `EOF` line refers.
 *
 * ONBUILD triggers are left out: their names are resolved in the build that uses the image.
 */
import type { DocumentHighlight, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocModel, Heredoc, Instruction, Stage, VarDef } from '../model/document';
import { before, contains } from '../model/text';
import { AUTOMATIC_PLATFORM_ARGS, PREDEFINED_ARGS } from '../model/variables';
import { mountFroms, variableRefs, type VariableRef } from '../rules/util';
import { flagInfo } from '../knowledge/flags';
import { referenceAt, type Reference } from '../hover/stages';
import { assignedInScript } from '../hover/variables';

export type SymbolKind = 'stage' | 'variable' | 'heredoc';

export interface Occurrence {
  /** The name only (`builder` in `--from=builder`, `X` in `${X:-d}`). */
  range: Range;
  definition: boolean;
  symbol: NameSymbol;
  /** Definitions this occurrence leads to (go to definition); for a definition, itself. */
  targets: Occurrence[];
  /** False when rename must leave the text alone (`--from=0`, `--from=$STAGE`). */
  renamable: boolean;
}

export interface NameSymbol {
  kind: SymbolKind;
  /** The name as first written. */
  name: string;
  /** False for a variable no ARG or ENV of the file defines. */
  defined: boolean;
  occurrences: Occurrence[];
  /** Variables: the stages whose names the symbol lives among (undefined: the global scope, i.e. FROM lines and global ARGs). */
  scopes: Set<Stage | undefined>;
  /** Heredocs: the instruction and heredoc. */
  heredoc?: { ins: Instruction; doc: Heredoc };
}

interface Index {
  symbols: NameSymbol[];
  /** Every occurrence, in document order. */
  occurrences: Occurrence[];
}

const indexes = new WeakMap<DocModel, Index>();

/** The symbols of a document (built once per model). */
export function nameIndex(model: DocModel): Index {
  let index = indexes.get(model);
  if (!index) {
    index = buildIndex(model);
    indexes.set(model, index);
  }
  return index;
}

function buildIndex(model: DocModel): Index {
  const symbols: NameSymbol[] = [];
  const occurrences: Occurrence[] = [];
  const add = (symbol: NameSymbol, range: Range, definition: boolean, renamable = true): Occurrence => {
    const o: Occurrence = { range, definition, symbol, targets: [], renamable };
    if (definition) o.targets.push(o);
    symbol.occurrences.push(o);
    occurrences.push(o);
    return o;
  };
  const newSymbol = (kind: SymbolKind, name: string, defined = true): NameSymbol => {
    const s: NameSymbol = { kind, name, defined, occurrences: [], scopes: new Set() };
    symbols.push(s);
    return s;
  };
  safely(() => indexStages(model, newSymbol, add));
  safely(() => indexVariables(model, newSymbol, add));
  safely(() => indexHeredocs(model, newSymbol, add));
  occurrences.sort((a, b) => compare(a.range.start, b.range.start));
  return { symbols, occurrences };
}

type NewSymbol = (kind: SymbolKind, name: string, defined?: boolean) => NameSymbol;
type Add = (symbol: NameSymbol, range: Range, definition: boolean, renamable?: boolean) => Occurrence;

// ---------------------------------------------------------------------------------------------
// Stages

function indexStages(model: DocModel, newSymbol: NewSymbol, add: Add): void {
  const byKey = new Map<string, NameSymbol>();
  const defOf = new Map<Stage, Occurrence>();
  for (const stage of model.stages) {
    if (!stage.name || !stage.nameRange) continue;
    const key = stage.name.toLowerCase();
    let sym = byKey.get(key);
    if (!sym) {
      sym = newSymbol('stage', stage.name);
      byKey.set(key, sym);
    }
    defOf.set(stage, add(sym, stage.nameRange, true));
  }
  for (const ref of stageReferences(model)) {
    const def = ref.stage && defOf.get(ref.stage);
    if (!def) continue;
    const literal = !ref.byIndex && !ref.expansion;
    const o = add(def.symbol, ref.range, false, literal);
    o.targets.push(def);
  }
}

/** Every stage-or-image reference of the document (ONBUILD triggers excluded). */
export function stageReferences(model: DocModel): Reference[] {
  const out: Reference[] = [];
  const at = (ins: Instruction, range: Range) => {
    const ref = referenceAt({ model, ins, pos: range.start, offset: model.lines.offsetAt(range.start) });
    if (ref) out.push(ref);
  };
  for (const ins of model.instructions) {
    if (ins.keyword === 'FROM') {
      const stage = ins.stage;
      if (stage && stage.from === ins && stage.image && stage.imageRange) at(ins, stage.imageRange);
    } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      for (const f of ins.flags) if (f.name.toLowerCase() === 'from' && f.value && f.valueRange) at(ins, f.valueRange);
    } else if (ins.keyword === 'RUN') {
      for (const m of mountFroms(model, ins)) at(ins, m.range);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Variables

interface Binding {
  symbol: NameSymbol;
  /** ENV once any ENV of the name is in effect (an ENV wins over a later ARG). */
  kind: 'ARG' | 'ENV';
  /** The definition in effect. */
  def: Occurrence;
  /** For an ARG without default, the definition it takes its value from. */
  source?: Occurrence;
}

type Scope = Map<string, Binding>;

/** Who expands a reference: the builder, the shell of a RUN step, the shell of the container, or nobody. */
type Expander = 'builder' | 'run' | 'container' | 'none';

function indexVariables(model: DocModel, newSymbol: NewSymbol, add: Add): void {
  const globalScope: Scope = new Map();
  const undefinedSymbols = new Map<string, NameSymbol>();

  const refer = (scope: Scope, ref: VariableRef, where: Stage | undefined, envOnly = false) => {
    const b = scope.get(ref.name);
    if (b && (!envOnly || b.kind === 'ENV')) {
      const o = add(b.symbol, ref.nameRange, false);
      o.targets.push(b.def, ...(b.source ? [b.source] : []));
      b.symbol.scopes.add(where);
      return;
    }
    const key = `${where?.index ?? 'global'}:${ref.name}`;
    let sym = undefinedSymbols.get(key);
    if (!sym) {
      sym = newSymbol('variable', ref.name, false);
      undefinedSymbols.set(key, sym);
    }
    sym.scopes.add(where);
    add(sym, ref.nameRange, false, false);
  };

  const define = (scope: Scope, d: VarDef, where: Stage | undefined) => {
    const prev = scope.get(d.name);
    const fromGlobal = !prev && where && d.kind === 'ARG' && d.value === null ? globalScope.get(d.name) : undefined;
    const joined = prev ?? fromGlobal;
    const sym = joined?.symbol ?? newSymbol('variable', d.name);
    sym.scopes.add(where);
    const occ = add(sym, d.nameRange, true);
    if (prev?.kind === 'ENV' && d.kind === 'ARG') {
      // `ENV X` then `ARG X`: the ENV stays in effect.
      return;
    }
    const source = d.kind === 'ARG' && d.value === null && joined ? joined.def : undefined;
    scope.set(d.name, { symbol: sym, kind: d.kind === 'ENV' || prev?.kind === 'ENV' ? 'ENV' : 'ARG', def: occ, source });
  };

  /** Refs and definitions of one instruction, in the order the builder reads them. */
  const walk = (ins: Instruction, scope: Scope, where: Stage | undefined, defs: VarDef[], pending: VariableRef[]) => {
    const refs = classifiedRefs(model, ins);
    const now = refs.filter((r) => r.expander !== 'container').map((r) => r.ref);
    pending.push(...refs.filter((r) => r.expander === 'container').map((r) => r.ref));
    if (ins.keyword === 'ARG') {
      // Each word is declared before the next one's default is read (`ARG A=1 B=$A`).
      const starts = defs.map((d) => model.lines.offsetAt(d.nameRange.start));
      let next = 0;
      for (let i = 0; i < defs.length; i++) {
        const until = i + 1 < defs.length ? starts[i + 1] : Infinity;
        for (; next < now.length && now[next].offset < until; next++) refer(scope, now[next], where);
        define(scope, defs[i], where);
      }
      for (; next < now.length; next++) refer(scope, now[next], where);
      return;
    }
    // ENV reads its values with the variables in effect before it (`ENV A=1 B=$A` gives B the old A).
    for (const r of now) refer(scope, r, where);
    for (const d of defs) define(scope, d, where);
  };

  // Global ARGs (and anything else before the first FROM).
  const first = model.stages[0]?.from.index ?? Infinity;
  for (const ins of model.instructions) {
    if (ins.index >= first) break;
    if (ins.keyword === 'ONBUILD') continue;
    walk(ins, globalScope, undefined, model.globalArgs.filter((d) => d.instruction === ins), []);
  }
  const ends = new Map<Stage, Scope>();
  for (const stage of model.stages) {
    // FROM sees the global ARGs.
    for (const r of classifiedRefs(model, stage.from)) refer(globalScope, r.ref, undefined);
    const scope: Scope = new Map(stage.parent ? ends.get(stage.parent) : undefined);
    const pending: VariableRef[] = [];
    for (const ins of stage.instructions) {
      if (ins === stage.from || ins.keyword === 'ONBUILD') continue;
      walk(ins, scope, stage, stage.vars.filter((d) => d.instruction === ins), pending);
    }
    // The container's shell sees the ENVs of the finished stage.
    for (const r of pending) refer(scope, r, stage, true);
    ends.set(stage, scope);
  }
}

/** The references of an instruction that name an ARG or ENV, with who expands them. */
function classifiedRefs(model: DocModel, ins: Instruction): { ref: VariableRef; expander: Expander }[] {
  const out: { ref: VariableRef; expander: Expander }[] = [];
  for (const ref of variableRefs(model, ins)) {
    if (!ref.name) continue;
    const { expander, scriptStart } = expanderAt(model, ins, ref.offset);
    if (expander === 'none') continue;
    if ((expander === 'run' || expander === 'container') && scriptStart !== undefined) {
      // `for f in …; do echo $f`: the script's own variable, not an ARG or ENV.
      if (assignedInScript(model.text.slice(scriptStart, ref.offset), ref.name)) continue;
    }
    out.push({ ref, expander });
  }
  return out;
}

const NOT_EXPANDED = new Set(['SHELL', 'MAINTAINER', 'ONBUILD']);

function expanderAt(model: DocModel, ins: Instruction, offset: number): { expander: Expander; scriptStart?: number } {
  const off = (p: Position) => model.lines.offsetAt(p);
  for (let n = 0; n < ins.heredocs.length; n++) {
    const h = ins.heredocs[n];
    if (!h.contentRange || offset < off(h.contentRange.start) || offset > off(h.contentRange.end)) continue;
    const marker = model.text.slice(off(h.startRange.start), off(h.startRange.end));
    const quoted = /["']/.test(marker);
    const isScript = ins.keyword === 'RUN' && n === 0 && !!ins.args[0]?.value.startsWith('<<');
    if (ins.keyword === 'RUN' && (isScript || !quoted)) return { expander: 'run', scriptStart: off(h.contentRange.start) };
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && !quoted) return { expander: 'builder' };
    return { expander: 'none' };
  }
  for (const f of ins.flags) {
    if (offset < off(f.range.start) || offset >= off(f.range.end)) continue;
    return { expander: flagInfo(ins.keyword, f.name)?.expands ? 'builder' : 'none' };
  }
  const scriptStart = ins.argsRange ? off(ins.argsRange.start) : undefined;
  if (NOT_EXPANDED.has(ins.keyword)) return { expander: 'none' };
  if (ins.keyword === 'RUN') return { expander: 'run', scriptStart };
  if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') return { expander: 'container', scriptStart };
  if (ins.keyword === 'HEALTHCHECK') return ins.args[0]?.value.toUpperCase() === 'CMD' ? { expander: 'container', scriptStart } : { expander: 'none' };
  return { expander: 'builder' };
}

// ---------------------------------------------------------------------------------------------
// Heredocs

function indexHeredocs(model: DocModel, newSymbol: NewSymbol, add: Add): void {
  for (const ins of model.instructions) {
    for (const doc of ins.heredocs) {
      const open = nameIn(model, doc.startRange, doc.name, 2);
      if (!open) continue;
      const sym = newSymbol('heredoc', doc.name);
      sym.heredoc = { ins, doc };
      const def = add(sym, open, true);
      const close = doc.endRange && nameIn(model, doc.endRange, doc.name, 0);
      if (close) add(sym, close, false).targets.push(def);
    }
  }
}

/** The range of `name` inside `range` (searching from `from` characters in), if it is there. */
function nameIn(model: DocModel, range: Range, name: string, from: number): Range | undefined {
  if (!name) return undefined;
  const start = model.lines.offsetAt(range.start);
  const i = model.text.slice(start, model.lines.offsetAt(range.end)).indexOf(name, from);
  return i < 0 ? undefined : model.lines.range(start + i, start + i + name.length);
}

// ---------------------------------------------------------------------------------------------
// Queries

/** The occurrence under the cursor (a cursor just after a name counts); the innermost one wins. */
export function occurrenceAt(model: DocModel, pos: Position): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const o of nameIndex(model).occurrences) {
    if (before(pos, o.range.start)) break;
    if (!contains(o.range, pos)) continue;
    if (!best || size(model, o.range) < size(model, best.range)) best = o;
  }
  return best;
}

export function definition(model: DocModel, pos: Position): Location[] {
  const o = occurrenceAt(model, pos);
  if (!o) return [];
  return o.targets.map((t) => ({ uri: model.uri, range: t.range }));
}

export function references(model: DocModel, pos: Position, includeDeclaration = true): Location[] {
  const o = occurrenceAt(model, pos);
  if (!o) return [];
  return sorted(o.symbol.occurrences)
    .filter((x) => includeDeclaration || !x.definition)
    .map((x) => ({ uri: model.uri, range: x.range }));
}

export function documentHighlights(model: DocModel, pos: Position): DocumentHighlight[] {
  const o = occurrenceAt(model, pos);
  if (!o) return [];
  // DocumentHighlightKind: 2 = Read, 3 = Write.
  return sorted(o.symbol.occurrences).map((x) => ({ range: x.range, kind: x.definition ? 3 : 2 }));
}

export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string } | null;

/** What rename would change at a position: the name's range and text, an explanation why not, or null when there is no name there. */
export function prepareRename(model: DocModel, pos: Position): PrepareRenameResult {
  const o = occurrenceAt(model, pos);
  if (!o) return null;
  const refusal = cannotRename(model, o);
  if (refusal) return { error: refusal };
  return { range: o.range, placeholder: textOf(model, o.range) };
}

export type RenameResult = { edit: WorkspaceEdit } | { error: string } | null;

/** Renames the stage, variable or heredoc delimiter at a position everywhere it is used. */
export function rename(model: DocModel, pos: Position, newName: string): RenameResult {
  const o = occurrenceAt(model, pos);
  if (!o) return null;
  const refusal = cannotRename(model, o) ?? invalidNewName(model, o.symbol, newName);
  if (refusal) return { error: refusal };
  const edits: TextEdit[] = sorted(o.symbol.occurrences)
    .filter((x) => x.renamable)
    .map((x) => ({ range: x.range, newText: newName }));
  return { edit: { changes: { [model.uri]: edits } } };
}

function cannotRename(model: DocModel, o: Occurrence): string | undefined {
  const s = o.symbol;
  if (s.kind === 'variable' && !s.defined) {
    return `\`${s.name}\` is not defined by any ARG or ENV of this Dockerfile (the base image, the runtime or the build sets it): there is nothing to rename.`;
  }
  if (s.kind === 'variable' && (AUTOMATIC_PLATFORM_ARGS.includes(s.name) || PREDEFINED_ARGS.includes(s.name))) {
    return `\`${s.name}\` is set by BuildKit itself: under another name it would no longer receive its value.`;
  }
  if (!o.renamable) {
    return o.symbol.kind === 'stage'
      ? `This reference names the stage by ${/^\d+$/.test(textOf(model, o.range)) ? 'its index' : 'a variable'}: rename the stage at its \`AS\` name.`
      : 'This occurrence cannot be renamed.';
  }
  // Every occurrence rename would write must read exactly the name (a name split by a line continuation cannot be rewritten).
  for (const x of s.occurrences) {
    if (x.renamable && textOf(model, x.range).toLowerCase() !== textOf(model, o.range).toLowerCase()) {
      return `\`${s.name}\` is written across a line break on line ${x.range.start.line + 1}: join that line first.`;
    }
  }
  return undefined;
}

const STAGE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEREDOC_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why `newName` cannot replace the symbol's name, if it cannot. */
export function invalidNewName(model: DocModel, s: NameSymbol, newName: string): string | undefined {
  switch (s.kind) {
    case 'stage':
      return invalidStageName(model, s, newName);
    case 'variable':
      return invalidVariableName(model, s, newName);
    case 'heredoc':
      return invalidHeredocName(model, s, newName);
  }
}

function invalidStageName(model: DocModel, s: NameSymbol, newName: string): string | undefined {
  if (!STAGE_NAME.test(newName)) {
    return `\`${newName}\` is not a valid stage name: it must start with a letter and continue with letters, digits, \`-\`, \`_\` or \`.\`.`;
  }
  const key = newName.toLowerCase();
  if (key === s.name.toLowerCase()) return undefined;
  if (key === 'scratch') return '`scratch` is the empty image: a stage cannot take that name.';
  const twin = model.stages.find((st) => st.name?.toLowerCase() === key);
  if (twin) return `Line ${twin.from.range.start.line + 1} already defines a stage named \`${twin.name}\` (stage names compare without case).`;
  // A reference that names an image today would name the stage afterwards.
  for (const ref of stageReferences(model)) {
    if (ref.stage || ref.inTrigger || ref.expansion || ref.byIndex) continue;
    if (ref.text.toLowerCase() === key) {
      return `Line ${ref.range.start.line + 1} uses the image \`${ref.text}\`: after the rename it would name this stage instead.`;
    }
  }
  return undefined;
}

function invalidVariableName(model: DocModel, s: NameSymbol, newName: string): string | undefined {
  if (!VARIABLE_NAME.test(newName)) {
    return `\`${newName}\` is not a valid variable name: use letters, digits and \`_\`, not starting with a digit.`;
  }
  if (newName === s.name) return undefined;
  if (AUTOMATIC_PLATFORM_ARGS.includes(newName) || PREDEFINED_ARGS.includes(newName)) {
    return `\`${newName}\` is a name BuildKit sets itself: choose another one.`;
  }
  // The new name must be free wherever the variable is seen: its stages, the stages built
  // FROM them, and the global scope (FROM lines, global ARGs) when it lives there.
  const scopes = new Set(s.scopes);
  for (const st of model.stages) {
    for (let p: Stage | undefined = st.parent, n = 0; p && n < model.stages.length; p = p.parent, n++) {
      if (scopes.has(p)) scopes.add(st);
    }
  }
  for (const other of nameIndex(model).symbols) {
    if (other === s || other.kind !== 'variable' || other.name !== newName) continue;
    const clash = [...other.scopes].find((sc) => scopes.has(sc));
    if (clash !== undefined || (scopes.has(undefined) && other.scopes.has(undefined))) {
      const where = other.occurrences[0]?.range.start.line;
      return `\`${newName}\` is already used${where === undefined ? '' : ` on line ${where + 1}`}${clash ? ` in ${clash.name ? `stage \`${clash.name}\`` : `stage ${clash.index}`}` : ''}: the two variables would merge.`;
    }
  }
  return undefined;
}

function invalidHeredocName(model: DocModel, s: NameSymbol, newName: string): string | undefined {
  if (!HEREDOC_NAME.test(newName)) {
    return `\`${newName}\` is not a usable heredoc delimiter: use letters, digits and \`_\`, not starting with a digit.`;
  }
  const h = s.heredoc;
  if (!h || newName === s.name) return undefined;
  if (h.ins.heredocs.some((d) => d !== h.doc && d.name === newName)) {
    return `Another heredoc of this instruction is already delimited by \`${newName}\`.`;
  }
  if (h.doc.contentRange) {
    const body = textOf(model, h.doc.contentRange);
    if (body.split(/\r?\n/).some((line) => line.replace(/^\t+/, '') === newName)) {
      return `A line of the heredoc's body reads \`${newName}\`: it would end the heredoc there.`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

function textOf(model: DocModel, r: Range): string {
  return model.text.slice(model.lines.offsetAt(r.start), model.lines.offsetAt(r.end));
}

function size(model: DocModel, r: Range): number {
  return model.lines.offsetAt(r.end) - model.lines.offsetAt(r.start);
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function sorted(list: Occurrence[]): Occurrence[] {
  return [...list].sort((a, b) => compare(a.range.start, b.range.start));
}

function safely(f: () => void): void {
  try {
    f();
  } catch {
    // A half-typed document: keep what was indexed so far.
  }
}
