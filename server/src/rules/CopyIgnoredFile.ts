import doc from './CopyIgnoredFile.md';
import { defineRule } from './rule';
import { variablesAt } from '../model/document';
import { cleanPath, ignoredBy, parseDockerignore, type DockerIgnore } from '../knowledge/dockerignore';
import { copyPaths, expandVars, unquote } from './util';

/** Patterns that exclude the whole context, and so also a source of `.` or `/`. */
const EVERYTHING = new Set(['*', '**', '**/*']);

export default defineRule({
  id: 'CopyIgnoredFile',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    // Without the ignore file we know nothing; with `!` exceptions, BuildKit does not judge either.
    if (ctx.dockerignore === undefined) return;
    const ignore = parseDockerignore(ctx.dockerignore);
    if (ignore.error || ignore.hasExclusions || !ignore.patterns.length) return;
    const { model } = ctx;
    for (const ins of ctx.instructions('COPY', 'ADD')) {
      // An ONBUILD trigger runs in a later build, with that build's context and ignore file.
      if (ins.onbuild) continue;
      if (ins.flags.some((f) => f.name.toLowerCase() === 'from')) continue;
      for (const source of copyPaths(model, ins).sources) {
        if (source.value.startsWith('<<')) continue; // a heredoc: written inline, not read from the context
        const written = unquote(source.value);
        const expanded = expandVars(written, variablesAt(model, ins));
        if (expanded === undefined) continue; // depends on a value we do not know
        const path = contextPath(expanded);
        if (path === undefined) continue;
        const pattern = excludedBy(ignore, path);
        if (pattern === undefined) continue;
        const shown = expanded === written ? `\`${written}\`` : `\`${written}\` (\`${expanded}\`)`;
        ctx.report({
          range: source.range,
          message:
            path === '.'
              ? `${shown} is the whole build context, and the .dockerignore pattern \`${pattern}\` excludes everything in it; this ${ins.keyword} gets nothing from the context.`
              : `${shown} is excluded from the build context by the .dockerignore pattern \`${pattern}\`, so this ${ins.keyword} cannot see it.`,
          instruction: ins,
        });
      }
    }
  },
});

/**
 * A source as a path relative to the context root (`./src/` → `src`, `/` → `.`); undefined for
 * what does not come from the context: URLs, git addresses, Windows drive paths, and paths that
 * climb out of it.
 */
function contextPath(source: string): string | undefined {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(source) || /^git@/.test(source) || /^[A-Za-z]:[\\/]/.test(source)) return undefined;
  const clean = cleanPath(source);
  if (clean === '..' || clean.startsWith('../')) return undefined;
  if (clean === '/') return '.';
  return clean.startsWith('/') ? clean.slice(1) : clean;
}

/** The pattern that leaves a context path out. The context root itself only counts when everything is excluded. */
function excludedBy(ignore: DockerIgnore, path: string): string | undefined {
  if (path === '.') return ignore.patterns.find((p) => EVERYTHING.has(p.pattern))?.pattern;
  return ignoredBy(ignore, path)?.pattern;
}
