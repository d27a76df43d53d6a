import doc from './DX2017.md';
import { defineRule } from './rule';
import { closest, parseGoBool } from '../knowledge/flags';

export default defineRule({
  id: 'DX2017',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;

    /** `# check=skip=…;error=…;experimental=…`: the builder refuses other keys and non-boolean `error` values. */
    function checkOptions(d: (typeof model.directives)[number]): void {
      const raw = d.value;
      if (raw.trim() === '') return;
      // Split as the builder does: at most three parts, the last one keeps any further `;`.
      const pieces = raw.split(';');
      const parts = pieces.length > 3 ? [...pieces.slice(0, 2), pieces.slice(2).join(';')] : pieces;
      let at = 0;
      for (const part of parts) {
        const start = at;
        at += part.length + 1;
        const range = {
          start: { line: d.valueRange.start.line, character: d.valueRange.start.character + start },
          end: { line: d.valueRange.start.line, character: d.valueRange.start.character + start + part.length },
        };
        const eq = part.indexOf('=');
        const key = (eq < 0 ? part : part.slice(0, eq)).trim();
        if (eq < 0) {
          ctx.report({
            range: part === '' ? d.range : range,
            message: `\`${part}\` is not a \`key=value\` check option (\`skip=\`, \`error=\` or \`experimental=\`): the builder rejects the \`check\` directive.`,
          });
        } else if (!['skip', 'error', 'experimental'].includes(key)) {
          const guess = closest(key, ['skip', 'error', 'experimental']);
          ctx.report({
            range,
            message: `\`${key}\` is not a check option (\`skip\`, \`error\` or \`experimental\`): the builder rejects the \`check\` directive.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
          });
        } else if (key === 'error' && parseGoBool(part.slice(eq + 1).trim()) === undefined) {
          ctx.report({ range, message: `\`error\` takes \`true\` or \`false\`, not \`${part.slice(eq + 1).trim()}\`: the builder rejects the \`check\` directive.` });
        }
      }
    }
    const seen = new Set<string>();
    for (const d of model.directives) {
      if (seen.has(d.name)) {
        const line = d.range.start.line;
        // On the file's last line there is no next line to end at: take the line break before it.
        const last = line + 1 >= model.lines.lineCount && line > 0;
        const remove = last
          ? { start: { line: line - 1, character: model.lines.lineText(line - 1).length }, end: { line, character: model.lines.lineText(line).length } }
          : { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
        ctx.report({
          range: d.range,
          message: `A second \`${d.name}\` directive: the builder accepts each parser directive only once and rejects the Dockerfile.`,
          fix: { title: 'Remove the repeated directive', edits: [{ range: remove, newText: '' }], safe: false },
        });
        continue;
      }
      seen.add(d.name);
      if (d.name === 'check') checkOptions(d);
      if (d.name !== 'escape') continue;
      const value = d.value.trim();
      if (value === '\\' || value === '`') continue;
      const meant = value.includes('`') ? '`' : value.includes('\\') ? '\\' : undefined;
      ctx.report({
        range: value === '' ? d.range : d.valueRange,
        message: `\`escape=${value}\` is not a valid escape character: it must be a backslash or a backtick; the builder rejects the Dockerfile.`,
        fix: meant && value !== '' ? { title: `Change to escape=${meant}`, edits: [{ range: d.valueRange, newText: meant }], safe: false } : undefined,
      });
    }
  },
});
