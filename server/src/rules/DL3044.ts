import doc from './DL3044.md';
import { defineRule, type Fix } from './rule';
import { Env } from 'dockerfile-ast';
import type { DocModel, Instruction } from '../model/document';
import { indentOf } from './util';

type Property = ReturnType<Env['getProperties']>[number];

/** `$NAME` or `${NAME…}` (any modifier), with the name. */
const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export default defineRule({
  id: 'DL3044',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('ENV')) {
      if (!(ins.ast instanceof Env)) continue;
      const props = ins.ast.getProperties();
      if (props.length < 2) continue;
      // Names set by an earlier ARG or ENV anywhere in the file (as hadolint tracks them):
      // there a reference reads that earlier value, which may well be intended.
      const defined = definedBefore(model, ins.onbuild ?? ins);
      props.forEach((prop, i) => {
        for (const ref of references(model, prop)) {
          const j = props.findIndex((p, k) => k !== i && p.getName() === ref.name);
          if (j < 0 || defined.has(ref.name)) continue;
          ctx.report({
            range: model.lines.range(ref.start, ref.end),
            message: `\`${ref.text}\` does not see \`${ref.name}\` set in this same ENV: every value here is expanded with the variables as they were before the instruction. Set ${ref.name} in an earlier ENV.`,
            instruction: ins,
            fix: j < i ? splitFix(model, ins, props, i) : undefined,
          });
        }
      });
    }
  },
});

/** ARG and ENV names defined by top-level instructions before `ins`. */
function definedBefore(model: DocModel, ins: Instruction): Set<string> {
  const names = new Set<string>();
  for (const d of model.globalArgs) if (d.instruction.index < ins.index) names.add(d.name);
  for (const s of model.stages) for (const d of s.vars) if (d.instruction.index < ins.index) names.add(d.name);
  return names;
}

/** Variable references in a property's value as written; not after the escape character, not inside single quotes. */
function references(model: DocModel, prop: Property): { name: string; text: string; start: number; end: number }[] {
  const range = prop.getValueRange();
  if (!range) return [];
  const start = model.lines.offsetAt(range.start);
  const raw = model.text.slice(start, model.lines.offsetAt(range.end));
  const out: { name: string; text: string; start: number; end: number }[] = [];
  for (const m of raw.matchAll(REFERENCE)) {
    const at = m.index!;
    if (at > 0 && raw[at - 1] === model.escapeChar) continue;
    if (inSingleQuotes(raw, at, model.escapeChar)) continue;
    out.push({ name: m[1] ?? m[2], text: m[0], start: start + at, end: start + at + m[0].length });
  }
  return out;
}

function inSingleQuotes(raw: string, at: number, esc: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < at; i++) {
    const c = raw[i];
    if (c === esc && quote !== "'") i++;
    else if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
  }
  return quote === "'";
}

/**
 * Splits the ENV right before the property that holds the reference, so that it sees the value
 * set by the properties before it. Not for ONBUILD, nor when a comment line sits in between.
 */
function splitFix(model: DocModel, ins: Instruction, props: Property[], i: number): Fix | undefined {
  if (ins.onbuild) return undefined;
  const gapStart = model.lines.offsetAt(props[i - 1].getRange().end);
  const gapEnd = model.lines.offsetAt(props[i].getRange().start);
  if (model.text.slice(gapStart, gapEnd).includes('#')) return undefined;
  const indent = indentOf(model, ins.keywordRange.start.line);
  return {
    title: `Start a new ENV at ${props[i].getName()}`,
    edits: [{ range: model.lines.range(gapStart, gapEnd), newText: `${model.lines.eol}${indent}${ins.keywordText} ` }],
    safe: false,
  };
}
