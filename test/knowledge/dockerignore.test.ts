import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanPath, ignoredBy, isIgnored, parseDockerignore } from '../../server/src/knowledge/dockerignore';

const ignored = (file: string, ...paths: string[]) => {
  const di = parseDockerignore(file);
  return paths.filter((p) => isIgnored(di, p));
};

test('dockerignore: comments, blank lines, BOM, CRLF, leading slash and ./ are read as the builder reads them', () => {
  const di = parseDockerignore('\uFEFF# build output\r\n\r\n  /dist/  \r\n./tmp/x\r\n !keep \r\n');
  assert.deepEqual(
    di.patterns.map((p) => [p.pattern, p.exclusion]),
    [
      ['dist', false],
      ['tmp/x', false],
      ['keep', true],
    ],
  );
  assert.equal(di.hasExclusions, true);
  assert.equal(di.error, undefined);
  // Only a `#` in the first column starts a comment.
  assert.deepEqual(
    parseDockerignore(' #notacomment\n').patterns.map((p) => p.pattern),
    ['#notacomment'],
  );
});

test('dockerignore: * and ? stay within one directory, ** crosses directories', () => {
  assert.deepEqual(ignored('*.log', 'a.log', 'dir/a.log', 'a.txt'), ['a.log']);
  assert.deepEqual(ignored('**/*.log', 'a.log', 'dir/a.log', 'x/y/z.log', 'a.txt'), ['a.log', 'dir/a.log', 'x/y/z.log']);
  assert.deepEqual(ignored('*/tmp/*', 'tmp/a', 'x/tmp/a', 'x/y/tmp/a'), ['x/tmp/a']);
  assert.deepEqual(ignored('file?.txt', 'file1.txt', 'file12.txt', 'file/.txt'), ['file1.txt']);
  assert.deepEqual(ignored('docs/**', 'docs', 'docs/a', 'docs/a/b'), ['docs/a', 'docs/a/b']);
  assert.deepEqual(ignored('**', 'a', 'a/b', '.'), ['a', 'a/b', '.']);
});

test('dockerignore: a directory pattern also excludes everything below it', () => {
  assert.deepEqual(ignored('node_modules', 'node_modules', 'node_modules/x/index.js', 'src/node_modules/y'), ['node_modules', 'node_modules/x/index.js']);
  assert.deepEqual(ignored('build/', 'build/out.bin', 'builder/x'), ['build/out.bin']);
});

test('dockerignore: the last matching line wins; ! puts files back', () => {
  assert.deepEqual(ignored('*.md\n!README.md', 'CHANGES.md', 'README.md'), ['CHANGES.md']);
  assert.deepEqual(ignored('!README.md\n*.md', 'README.md'), ['README.md']);
  assert.deepEqual(ignored('docs\n!docs/keep.txt', 'docs/a.txt', 'docs/keep.txt'), ['docs/a.txt']);
});

test('dockerignore: dots, pluses and brackets; escapes', () => {
  assert.deepEqual(ignored('.env', '.env', 'xenv', '.env.local'), ['.env']);
  assert.deepEqual(ignored('c++', 'c++', 'cc'), ['c++']);
  assert.deepEqual(ignored('log[0-9].txt', 'log1.txt', 'logx.txt'), ['log1.txt']);
  assert.deepEqual(ignored('log[^0-9].txt', 'log1.txt', 'logx.txt'), ['logx.txt']);
  assert.deepEqual(ignored('a\\*b', 'a*b', 'axb'), ['a*b']);
  assert.deepEqual(ignored('a]b', 'a]b'), ['a]b']);
});

test('dockerignore: malformed files are flagged, not trusted', () => {
  assert.match(parseDockerignore('!\n').error ?? '', /`!`/);
  assert.match(parseDockerignore('log[0-9\n').error ?? '', /malformed/);
  assert.equal(parseDockerignore('a\n').error, undefined);
});

test('dockerignore: cleanPath is Go filepath.Clean for slash paths', () => {
  assert.equal(cleanPath('./a//b/'), 'a/b');
  assert.equal(cleanPath('a/../b'), 'b');
  assert.equal(cleanPath('../a'), '../a');
  assert.equal(cleanPath('/../a'), '/a');
  assert.equal(cleanPath('./'), '.');
  assert.equal(cleanPath('/'), '/');
  assert.equal(cleanPath(''), '.');
});

test('dockerignore: ignoredBy names the pattern that decides', () => {
  const di = parseDockerignore('*.md\ndocs\n!docs/keep.md\n');
  assert.equal(ignoredBy(di, 'CHANGES.md')?.pattern, '*.md');
  assert.equal(ignoredBy(di, 'docs/a/b.txt')?.pattern, 'docs');
  assert.equal(ignoredBy(di, 'docs/keep.md'), undefined);
  assert.equal(ignoredBy(di, 'src/main.go'), undefined);
});
