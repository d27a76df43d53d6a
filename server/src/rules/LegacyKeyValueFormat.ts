import doc from './LegacyKeyValueFormat.md';
import { defineRule, type Fix } from './rule';
import { Env, Label } from 'dockerfile-ast';
import type { Property } from 'dockerfile-ast';
import { readableProperty, type DocModel, type Instruction } from '../model/document';

export default defineRule({
  id: 'LegacyKeyValueFormat',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    const { model } = ctx;
    // ONBUILD triggers included: the builder reads them the same way in the image built from this one.
    for (const ins of ctx.instructions('ENV', 'LABEL')) {
      const ast = ins.ast;
      const props = ast instanceof Env || ast instanceof Label ? ast.getProperties() : [];
      // The legacy form is one `key value` pair: the first word has no `=`.
      const [p] = props;
      if (props.length !== 1 || !readableProperty(p) || p.getAssignmentOperator() !== null || p.getValue() === null || !p.getValueRange()) continue;
      const key = text(model, p.getNameRange().start, p.getNameRange().end);
      ctx.report({
        range: { start: p.getNameRange().start, end: p.getValueRange()!.end },
        message: `\`${ins.keywordText} ${key} <value>\` is the legacy form, separated by whitespace; write \`${ins.keywordText} ${key}=<value>\`.`,
        instruction: ins,
        fix: toKeyValue(model, ins, p),
      });
    }
  },
});

function text(model: DocModel, start: { line: number; character: number }, end: { line: number; character: number }): string {
  return model.text.slice(model.lines.offsetAt(start), model.lines.offsetAt(end));
}

/**
 * `ENV key value` → `ENV key=value`. The legacy value is everything after the key, so when it has
 * unquoted whitespace it is wrapped in double quotes — only when it contains no quotes or
 * escapes (other than line continuations) whose meaning would change inside them.
 */
function toKeyValue(model: DocModel, ins: Instruction, p: Property): Fix | undefined {
  const nameEnd = model.lines.offsetAt(p.getNameRange().end);
  const valueRange = p.getValueRange()!;
  const valueStart = model.lines.offsetAt(valueRange.start);
  const valueEnd = model.lines.offsetAt(valueRange.end);
  const raw = model.text.slice(valueStart, valueEnd);
  const esc = model.escapeChar;
  const escRe = esc.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  // The value as the builder joins it: continuation lines (and comment lines after them) dropped.
  const joined = raw.replace(new RegExp(`${escRe}[ \\t]*\\r?\\n(?:[ \\t]*(?:#[^\\n]*)?\\r?\\n)*`, 'g'), '');
  let value = raw;
  if (needsQuotes(joined, esc)) {
    // Inside double quotes, quotes and escapes would mean something else: leave those to the user.
    if (/["']/.test(joined) || joined.includes(esc)) return undefined;
    value = `"${raw}"`;
  }
  return {
    title: `Write ${ins.keywordText} ${p.getName()}=…`,
    edits: [{ range: model.lines.range(nameEnd, valueEnd), newText: `=${value}` }],
    safe: true,
  };
}

/** Whether a value has whitespace outside quotes (so `key=value` would split it into several words). */
function needsQuotes(value: string, esc: string): boolean {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === esc && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === esc) i++;
    else if (c === '"' || c === "'") quote = c;
    else if (/\s/.test(c)) return true;
  }
  return false;
}
