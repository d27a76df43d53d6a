/**
 * Inlay hints: after each word the builder expands (the image of `FROM` and its `--platform`,
 * COPY/ADD paths and flag values, WORKDIR, USER, VOLUME, EXPOSE, STOPSIGNAL, the values of ENV,
 * LABEL and ARG, RUN `--mount` options), the value it gets once its variables are resolved —
 * when that value is known and differs from the text. `WORKDIR /srv/$APP` shows
 * `= /srv/web`; `ENV URL=http://$HOST:$PORT` shows the value only, `= http://db:5432`.
 *
 * Values are resolved as the builder resolves them: the ARGs and ENVs in effect at the
 * instruction (global ARGs in FROM lines; an ENV wins over a later ARG of the same name; an
 * `ARG NAME` without default takes the global default), each expanded where it was defined.
 * Nothing is shown when a value is set only at build time (`--build-arg`, BuildKit's platform
 * ARGs), for a name no ARG or ENV defines, inside single quotes, or in ONBUILD triggers.
 */
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { DocModel, Instruction, VarDef } from '../model/document';
import { stageChain } from '../model/document';
import { AUTOMATIC_PLATFORM_ARGS, expand, type Lookup } from '../model/variables';
import { expandedWords, type ExpandedWord } from '../rules/util';

/** Longest value shown; the tooltip has it whole. */
const MAX_LABEL = 60;

export function inlayHints(model: DocModel, range?: Range): InlayHint[] {
  const out: InlayHint[] = [];
  const resolver = new Resolver(model);
  for (const ins of model.instructions) {
    if (range && (ins.range.end.line < range.start.line || ins.range.start.line > range.end.line)) continue;
    if (ins.keyword === 'ONBUILD' || !hasDollar(model, ins)) continue;
    try {
      out.push(...hintsOf(model, ins, resolver));
    } catch {
      // A half-typed instruction: no hint.
    }
  }
  return range ? out.filter((h) => h.position.line >= range.start.line && h.position.line <= range.end.line) : out;
}

function hasDollar(model: DocModel, ins: Instruction): boolean {
  const i = model.text.indexOf('$', model.lines.offsetAt(ins.range.start));
  return i >= 0 && i < model.lines.offsetAt(ins.range.end);
}

function hintsOf(model: DocModel, ins: Instruction, resolver: Resolver): InlayHint[] {
  const out: InlayHint[] = [];
  const keyValue = ins.keyword === 'ENV' || ins.keyword === 'LABEL' || ins.keyword === 'ARG';
  for (const w of expandedWords(model, ins)) {
    if (!w.text.includes('$') || w.text.includes("'")) continue;
    let text = w.text;
    if (keyValue) {
      const eq = w.text.indexOf('=');
      if (eq < 0 || w.text.slice(0, eq).includes('$')) continue;
      text = w.text.slice(eq + 1);
      if (!text.includes('$')) continue;
    }
    const lookup = resolver.lookup(ins, ins.keyword === 'ARG' ? wordStart(w) : undefined);
    const used: string[] = [];
    const e = expand(text, (name) => {
      const v = lookup(name);
      if (!used.includes(name)) used.push(name);
      return v;
    }, model.escapeChar);
    if (!e.complete || e.undefinedNames.length) continue;
    const value = w.quotes ? unquote(e.value) : e.value;
    if (value === (w.quotes ? unquote(text) : text)) continue;
    const end = w.offsets[w.text.length - 1] + 1;
    out.push({
      position: model.lines.positionAt(end),
      label: `= ${value.length > MAX_LABEL ? `${value.slice(0, MAX_LABEL - 1)}…` : value}`,
      paddingLeft: true,
      tooltip: tooltip(value, used, lookup),
    });
  }
  return out;
}

function wordStart(w: ExpandedWord): number {
  return w.offsets[0];
}

function tooltip(value: string, names: string[], lookup: Lookup): string {
  const lines = names.map((n) => {
    const v = lookup(n);
    return `${n} = ${v === undefined ? '(not defined: empty)' : v === null ? '(set when building)' : JSON.stringify(v)}`;
  });
  return `Resolved value: ${value}\n\n${lines.join('\n')}`;
}

/** Double quotes removed the way the builder removes them (single-quoted words are not hinted). */
function unquote(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '"') {
      out += '"';
      i++;
    } else if (c !== '"') out += c;
  }
  return out;
}

interface Binding {
  def: VarDef;
  /** The value as the builder has it there (null: known only when building). */
  value: string | null;
}

/** The values of the variables in effect at an instruction, each expanded where it was defined. */
class Resolver {
  private values = new Map<VarDef, string | null>();
  private depth = 0;

  constructor(private model: DocModel) {}

  /** The lookup for an instruction; for an ARG, `offset` is where the word being read starts (earlier words are declared). */
  lookup(ins: Instruction, offset?: number): Lookup {
    const scope = this.scope(ins, offset);
    const inFrom = !ins.stage || ins === ins.stage.from;
    return (name) => {
      const b = scope.get(name);
      if (b) return b.value;
      if (inFrom && AUTOMATIC_PLATFORM_ARGS.includes(name)) return null;
      return undefined;
    };
  }

  private scope(ins: Instruction, offset?: number): Map<string, Binding> {
    const model = this.model;
    const out = new Map<string, Binding>();
    const at = (d: VarDef) => model.lines.offsetAt(d.nameRange.start);
    const visible = (d: VarDef) => d.instruction.index < ins.index || (d.instruction === ins && offset !== undefined && at(d) < offset);
    const stage = ins.stage;
    if (!stage || ins === stage.from) {
      for (const d of model.globalArgs) if (visible(d)) out.set(d.name, { def: d, value: this.valueOf(d) });
      return out;
    }
    for (const s of stageChain(stage).reverse()) {
      for (const d of s.vars) {
        if (s === stage && !visible(d)) break;
        const prev = out.get(d.name);
        if (d.kind === 'ARG' && prev?.def.kind === 'ENV') continue; // an ENV wins over an ARG
        if (d.kind === 'ARG' && d.value === null) {
          const global = prev ? undefined : [...model.globalArgs].reverse().find((g) => g.name === d.name);
          out.set(d.name, { def: d, value: prev ? prev.value : global ? this.valueOf(global) : null });
          continue;
        }
        out.set(d.name, { def: d, value: this.valueOf(d) });
      }
    }
    return out;
  }

  /** A definition's value with its variables expanded where it is defined; null when unknown. */
  private valueOf(d: VarDef): string | null {
    if (this.values.has(d)) return this.values.get(d)!;
    let value: string | null = d.value;
    if (value !== null && value.includes('$') && !this.singleQuoted(d)) {
      if (this.depth > 16) value = null;
      else {
        this.depth++;
        try {
          const lookup = this.lookup(d.instruction, d.kind === 'ARG' ? this.model.lines.offsetAt(d.nameRange.start) : undefined);
          const e = expand(value, lookup, this.model.escapeChar);
          value = e.complete ? e.value : null;
        } finally {
          this.depth--;
        }
      }
    }
    this.values.set(d, value);
    return value;
  }

  /** `ENV A='$B'`: the builder keeps single-quoted text as written. */
  private singleQuoted(d: VarDef): boolean {
    const end = this.model.lines.offsetAt(d.nameRange.end);
    return /^[=\s]+'/.test(this.model.text.slice(end, end + 4));
  }
}
