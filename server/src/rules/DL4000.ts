import doc from './DL4000.md';
import { defineRule } from './rule';
import type { DocModel, Instruction } from '../model/document';

export default defineRule({
  id: 'DL4000',
  aliases: ['MaintainerDeprecated'],
  severity: 'error',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('MAINTAINER')) {
      if (ins.onbuild) continue; // `ONBUILD MAINTAINER` is DL3043's business
      const label = ins.keywordText === ins.keywordText.toLowerCase() ? 'label' : 'LABEL';
      const value = authorValue(ctx.model, ins);
      ctx.report({
        range: ins.keywordRange,
        message: 'MAINTAINER is deprecated; record the author with the `org.opencontainers.image.authors` label.',
        instruction: ins,
        fix:
          value === undefined
            ? undefined
            : {
                title: 'Replace with LABEL org.opencontainers.image.authors',
                edits: [{ range: ins.range, newText: `${label} org.opencontainers.image.authors=${value}` }],
                safe: true,
              },
      });
    }
  },
});

/** The MAINTAINER text as one double-quoted LABEL value; undefined when there is none. */
function authorValue(model: DocModel, ins: Instruction): string | undefined {
  if (!ins.argsRange) return undefined;
  const raw = model.text.slice(model.lines.offsetAt(ins.argsRange.start), model.lines.offsetAt(ins.argsRange.end));
  // Continuation lines: Docker joins them (dropping comment lines); we join with one space.
  const esc = model.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const text = raw
    .replace(new RegExp(`[ \\t]*${esc}[ \\t]*\\r?\\n(?:[ \\t]*(?:#[^\\n]*)?\\r?\\n)*[ \\t]*`, 'g'), ' ')
    .trim();
  if (!text) return undefined;
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) return text;
  return `"${text.replace(/[\\"$]/g, '\\$&')}"`;
}
