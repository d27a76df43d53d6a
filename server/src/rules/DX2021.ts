import doc from './DX2021.md';
import { defineRule } from './rule';
import { builderRange, execFormStart } from './util';
import { allInstructions } from '../model/document';
import { execFormRepair, scanExecForm } from '../knowledge/flags';

export default defineRule({
  id: 'DX2021',
  severity: 'warning',
  fixable: true,
  fixSafety: 'depends',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of allInstructions(model)) {
      if (ins.keyword === 'SHELL') continue; // SHELL without valid JSON is an error: DX2024
      const at = execFormStart(model, ins);
      if (!at) continue;
      const text = at.bt.text.slice(at.start);
      const scan = scanExecForm(text);
      if (!scan.jsonLike) continue;
      try {
        JSON.parse(text);
        continue; // valid JSON (a non-string element is DX2020's)
      } catch {
        // not JSON: the builder falls back to shell form
      }
      const repair = execFormRepair(text);
      let why: string;
      if (scan.items.some((it) => it.quote && !it.closed)) why = 'a string is never closed';
      else if (scan.close < 0) why = 'the closing `]` is missing';
      else if (repair?.kinds.has('quotes')) why = 'JSON strings need double quotes, not single quotes';
      else if (repair?.kinds.has('backslashes')) why = 'a backslash must be doubled in JSON (`C:\\\\app`)';
      else if (repair?.kinds.has('comma')) why = 'JSON allows no comma before `]`';
      else why = 'it is not valid JSON';
      const shellForm = ['COPY', 'ADD', 'VOLUME'].includes(ins.keyword)
        ? 'reads the words as paths, brackets and quotes included'
        : 'runs the whole text through `/bin/sh -c` instead of starting the program directly';
      ctx.report({
        range: builderRange(model, at.bt, at.start, at.bt.text.length),
        message: `This looks like the JSON form, but ${why}: the builder treats it as shell form and ${shellForm}.`,
        instruction: ins,
        fix: repair
          ? {
              title: repair.safe ? 'Use double quotes' : 'Make it valid JSON',
              edits: repair.edits.map((e) => ({ range: builderRange(model, at.bt, at.start + e.start, at.start + e.end), newText: e.newText })),
              safe: repair.safe,
            }
          : undefined,
      });
    }
  },
});
