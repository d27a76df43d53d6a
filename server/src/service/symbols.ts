/**
 * Document symbols: the outline as a hierarchy. Each stage is a symbol (its name, or `stage N`
 * when unnamed, with its `FROM` line as detail) holding its instructions; an `ARG` or `ENV`
 * holds the variables it defines. Global ARGs and parser directives sit at the top level.
 * Each instruction is named by its keyword and a one-line summary of its arguments, so that
 * "Go to Symbol" finds `RUN apt-get …` by the command as well as by the keyword.
 */
import { SymbolKind, SymbolTag, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { DocModel, Instruction, Stage, VarDef } from '../model/document';
import { varDefs } from '../model/document';
import { builderText } from '../rules/util';

const INSTRUCTION_KIND: Record<string, SymbolKind> = {
  RUN: SymbolKind.Function,
  CMD: SymbolKind.Function,
  ENTRYPOINT: SymbolKind.Function,
  HEALTHCHECK: SymbolKind.Function,
  SHELL: SymbolKind.Function,
  COPY: SymbolKind.File,
  ADD: SymbolKind.File,
  ARG: SymbolKind.Variable,
  ENV: SymbolKind.Variable,
  LABEL: SymbolKind.Property,
  MAINTAINER: SymbolKind.Property,
  EXPOSE: SymbolKind.Interface,
  WORKDIR: SymbolKind.Namespace,
  VOLUME: SymbolKind.Namespace,
  USER: SymbolKind.Key,
  STOPSIGNAL: SymbolKind.Event,
  ONBUILD: SymbolKind.Event,
};

/** Longest instruction summary shown in a symbol name. */
const MAX_SUMMARY = 60;

export function documentSymbols(model: DocModel): DocumentSymbol[] {
  const out: (DocumentSymbol | undefined)[] = [];
  for (const d of model.directives) {
    out.push({ name: `# ${d.name}=${d.value}`, kind: SymbolKind.Property, range: d.range, selectionRange: d.nameRange });
  }
  for (const ins of model.instructions) {
    if (ins.stage) continue; // instructions of a stage go beneath it
    out.push(safe(() => instructionSymbol(model, ins)));
  }
  for (const stage of model.stages) out.push(safe(() => stageSymbol(model, stage)));
  return out.filter((s): s is DocumentSymbol => !!s).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function stageSymbol(model: DocModel, stage: Stage): DocumentSymbol {
  const children = stage.instructions.filter((i) => i !== stage.from).map((i) => instructionSymbol(model, i));
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  return {
    name: stage.name ?? `stage ${stage.index}`,
    detail: `FROM ${summary(model, stage.from)}`,
    kind: SymbolKind.Module,
    range: { start: stage.from.range.start, end: last.range.end },
    selectionRange: stage.nameRange ?? stage.imageRange ?? stage.from.keywordRange,
    children,
  };
}

function instructionSymbol(model: DocModel, ins: Instruction): DocumentSymbol {
  const text = summary(model, ins);
  const symbol: DocumentSymbol = {
    name: text ? `${ins.keyword} ${text}` : ins.keyword,
    kind: INSTRUCTION_KIND[ins.keyword] ?? SymbolKind.Key,
    range: ins.range,
    selectionRange: ins.keywordRange,
  };
  if (ins.keyword === 'MAINTAINER') symbol.tags = [SymbolTag.Deprecated];
  const defs = definitionsOf(model, ins);
  if (defs.length) {
    symbol.children = defs.map((d) => ({
      name: d.name,
      detail: d.value === null ? undefined : d.value,
      kind: SymbolKind.Variable,
      range: d.nameRange,
      selectionRange: d.nameRange,
    }));
  }
  return symbol;
}

/** The ARG/ENV definitions an instruction makes, in order (the model's own, when it has them). */
function definitionsOf(model: DocModel, ins: Instruction): VarDef[] {
  if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') return [];
  const own = (ins.stage ? ins.stage.vars : model.globalArgs).filter((d) => d.instruction === ins);
  return own.length ? own : safe(() => varDefs(ins)) ?? [];
}

/**
 * The arguments of an instruction on one line (continuations joined, blanks collapsed),
 * shortened. Flags are left out (the command tells more than `--mount=…`), except `--from`.
 */
function summary(model: DocModel, ins: Instruction): string {
  const bt = safe(() => builderText(model, ins));
  if (!bt) return '';
  const from = bt.flags.filter((f) => f.name === 'from').map((f) => bt.text.slice(f.start, f.end));
  const text = [...from, bt.text.slice(bt.argsStart)].join(' ').replace(/\s+/g, ' ').trim();
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1).trimEnd()}…` : text;
}

/** The same outline, flat, for clients without hierarchical document symbols. */
export function flatSymbols(symbols: DocumentSymbol[], uri: string, containerName?: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const s of symbols) {
    out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(containerName ? { containerName } : {}), ...(s.tags ? { tags: s.tags } : {}) });
    if (s.children) out.push(...flatSymbols(s.children, uri, s.name));
  }
  return out;
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
