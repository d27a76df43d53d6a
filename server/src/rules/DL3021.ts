import doc from './DL3021.md';
import { defineRule } from './rule';
import { copyPaths, dropQuotes } from './util';

export default defineRule({
  id: 'DL3021',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('COPY')) {
      const { sources, dest } = copyPaths(model, ins);
      if (!dest || sources.length < 2) continue;
      const path = dropQuotes(dest.value);
      // A trailing backslash is a directory too on Windows (`C:\\dest\\`, or `C:\dest\` with `# escape=\``).
      if (path.endsWith('/') || path.endsWith('\\')) continue;
      // Insert inside the quotes of `"dest"` (and of the JSON string in exec form).
      const start = model.lines.offsetAt(dest.range.start);
      const end = model.lines.offsetAt(dest.range.end);
      const quoted = ins.isJson || (end - start >= 2 && /^(["']).*\1$/s.test(model.text.slice(start, end)));
      const at = model.lines.positionAt(quoted ? end - 1 : end);
      ctx.report({
        range: dest.range,
        message: `COPY of ${sources.length} sources needs a directory destination ending with \`/\`: write \`${path}/\`.`,
        instruction: ins,
        fix: { title: `Add a trailing / to ${path}`, edits: [{ range: { start: at, end: at }, newText: '/' }], safe: false },
      });
    }
  },
});
