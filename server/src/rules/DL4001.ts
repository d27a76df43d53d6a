import doc from './DL4001.md';
import { defineRule } from './rule';
import { wordRange } from './util';
import type { Instruction, Stage } from '../model/document';
import { baseName } from '../model/shell';

const TOOLS = ['curl', 'wget'];

export default defineRule({
  id: 'DL4001',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    // Per stage (ONBUILD triggers apart, as they run in another build): which tools RUNs used so far.
    const seen = new Map<Stage | undefined, Map<string, Instruction>>();
    const triggerSeen = new Map<Stage | undefined, Map<string, Instruction>>();
    for (const ins of ctx.instructions('RUN')) {
      const used = (ins.onbuild ? triggerSeen : seen).get(ins.stage) ?? new Map<string, Instruction>();
      (ins.onbuild ? triggerSeen : seen).set(ins.stage, used);
      const here = (ins.shell?.commands ?? []).filter((c) => c.name && TOOLS.includes(baseName(c)));
      if (!here.length) continue;
      for (const c of here) if (!used.has(baseName(c))) used.set(baseName(c), ins);
      if (used.size < 2) continue;
      const first = here[0];
      const tool = baseName(first);
      const other = tool === 'curl' ? 'wget' : 'curl';
      const where = used.get(other) === ins ? 'in this RUN' : `on line ${used.get(other)!.range.start.line + 1}`;
      ctx.report({
        range: wordRange(ctx.model, first.name!),
        message: `This stage downloads with both \`${tool}\` and \`${other}\` (${where}); pick one and use it everywhere, so the image needs only one of them.`,
        instruction: ins,
      });
    }
  },
});
