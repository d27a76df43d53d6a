import doc from './InvalidDefinitionDescription.md';
import { defineRule } from './rule';
import { varDefs, type CommentLine, type DocModel, type Instruction } from '../model/document';

export default defineRule({
  id: 'InvalidDefinitionDescription',
  // Experimental in BuildKit: off unless switched on.
  severity: 'off',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    const { model } = ctx;
    const comments = new Map(model.comments.map((c) => [c.line, c]));
    for (const ins of model.instructions) {
      let keys: string[];
      let what: string;
      if (ins.keyword === 'FROM') {
        const name = ins.stage?.name;
        if (!name) continue;
        keys = [name];
        what = `stage \`${name}\``;
      } else if (ins.keyword === 'ARG') {
        keys = varDefs(ins).map((d) => d.name);
        if (!keys.length) continue;
        what = keys.length === 1 ? `build argument \`${keys[0]}\`` : 'build arguments';
      } else continue;
      const block = commentBlock(model, comments, ins);
      const last = block[block.length - 1];
      if (!last || isPragma(last.content)) continue;
      if (keys.includes(last.content.split(' ')[0])) continue;
      const example = keys.length === 1 ? keys[0] : '<name>';
      const at = { line: ins.range.start.line, character: 0 };
      ctx.report({
        range: last.range,
        message:
          keys.length === 1
            ? `The comment right above the ${what} is read as its description, but does not start with \`${keys[0]}\`: write \`# ${example} <description>\`, or put an empty line between them.`
            : `The comment right above these ${what} is read as the description of one of them, but does not start with a name (${keys.map((k) => `\`${k}\``).join(', ')}): write \`# ${example} <description>\`, or put an empty line between them.`,
        instruction: ins,
        fix: block.some((c) => isPragma(c.content))
          ? undefined
          : { title: 'Separate the comment with an empty line', edits: [{ range: { start: at, end: at }, newText: model.lines.eol }], safe: true },
      });
    }
  },
});

/**
 * The comment lines directly above an instruction, as the builder collects them: an empty line
 * or an empty `#` line ends the block. Parser directives are not part of it.
 */
function commentBlock(model: DocModel, comments: Map<number, CommentLine>, ins: Instruction): CommentLine[] {
  const out: CommentLine[] = [];
  for (let line = ins.range.start.line - 1; line >= 0; line--) {
    const c = comments.get(line);
    if (!c || !c.content || !/^\s*#/.test(model.lines.lineText(line))) break;
    out.unshift(c);
  }
  return out;
}

/** `# hadolint ignore=…`, `# check=skip=…` and the like: instructions to tools, not descriptions. */
function isPragma(content: string): boolean {
  return /^(hadolint\s|check\s*=|syntax\s*=|escape\s*=)/i.test(content);
}
