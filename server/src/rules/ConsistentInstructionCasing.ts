import doc from './ConsistentInstructionCasing.md';
import { defineRule } from './rule';
import type { Instruction } from '../model/document';

/** The instructions the builder knows; anything else stops the build before this check matters. */
const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export default defineRule({
  id: 'ConsistentInstructionCasing',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    // The builder counts the instructions of its stages: ARGs before the first FROM are left
    // out, and so is the instruction inside an ONBUILD.
    const counted = ctx.model.instructions.filter((i) => i.stage && KEYWORDS.has(i.keyword));
    let lower = 0;
    let upper = 0;
    for (const ins of counted) {
      if (ins.keywordText === ins.keywordText.toLowerCase()) lower++;
      else if (ins.keywordText === ins.keywordText.toUpperCase()) upper++;
    }
    // A tie goes to uppercase.
    const majorityLower = lower > upper;
    for (const ins of counted) {
      const want = majorityLower ? ins.keywordText.toLowerCase() : ins.keywordText.toUpperCase();
      if (ins.keywordText === want) continue;
      ctx.report({
        range: ins.keywordRange,
        message: message(ins, want, majorityLower),
        instruction: ins,
        fix: { title: `Write "${want}"`, edits: [{ range: ins.keywordRange, newText: want }], safe: true },
      });
    }
  },
});

function message(ins: Instruction, want: string, majorityLower: boolean): string {
  const written = ins.keywordText;
  const mixed = written !== written.toLowerCase() && written !== written.toUpperCase();
  const casing = majorityLower ? 'lowercase' : 'uppercase';
  return mixed
    ? `\`${written}\` mixes upper- and lowercase; the instructions of this file are mostly ${casing}, so write \`${want}\`.`
    : `\`${written}\` is not ${casing} like most instructions of this file; write \`${want}\`.`;
}
