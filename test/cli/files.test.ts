import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join, posix } from 'node:path';
import { expandInputs, globToRegExp, isDockerfileName, nodeFs, readDockerignore, type CliFs, type DirEntry } from '../../server/src/cli/files';
import { brief, cli, tree } from './run';

/** One DL4000 error on line 2, so every linted file shows up in the JSON report. */
const D = 'FROM debian:12\nMAINTAINER x\n';

test('names that count as Dockerfiles, in any case', () => {
  const yes = ['Dockerfile', 'dockerfile', 'DOCKERFILE', 'Dockerfile.prod', 'dockerfile.dev', 'api.dockerfile', 'API.Dockerfile', 'Containerfile', 'containerfile.arm64', 'base.containerfile'];
  const no = ['Dockerfile.dockerignore', 'Dockerfile.', '.dockerfile', 'Dockerfiles', 'MyDockerfile', 'docker-compose.yml', 'Containerfile.dockerignore', 'README.md', '.dockerignore'];
  assert.deepEqual(yes.filter((n) => !isDockerfileName(n)), []);
  assert.deepEqual(no.filter((n) => isDockerfileName(n)), []);
});

test('globs: * and ? within a segment, ** across segments, [..] classes, {a,b}; no match on a leading dot', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['**/Dockerfile*', ['Dockerfile', 'a/Dockerfile', 'a/b/c/Dockerfile.prod'], ['a/x.dockerfile', '.hidden/Dockerfile', 'a/.git/Dockerfile']],
    ['services/*/Dockerfile', ['services/api/Dockerfile'], ['services/Dockerfile', 'services/a/b/Dockerfile', 'other/api/Dockerfile', 'services/.x/Dockerfile']],
    ['*.dockerfile', ['api.dockerfile'], ['a/api.dockerfile', '.dockerfile']],
    ['svc-?/Dockerfile', ['svc-1/Dockerfile'], ['svc-10/Dockerfile', 'svc-/Dockerfile']],
    ['svc-[0-9]/Dockerfile', ['svc-1/Dockerfile'], ['svc-a/Dockerfile']],
    ['svc-[!0-9]/Dockerfile', ['svc-a/Dockerfile'], ['svc-1/Dockerfile']],
    ['{api,web}/Dockerfile', ['api/Dockerfile', 'web/Dockerfile'], ['db/Dockerfile']],
    ['docker/**', ['docker/a', 'docker/x/y'], ['docker', 'other/a', 'docker/.env']],
    ['a+b(1).dockerfile', ['a+b(1).dockerfile'], ['aab1.dockerfile']],
  ];
  for (const [glob, matches, misses] of cases) {
    const re = globToRegExp(glob);
    assert.deepEqual(matches.filter((p) => !re.test(p)), [], `${glob} should match`);
    assert.deepEqual(misses.filter((p) => re.test(p)), [], `${glob} should not match`);
  }
});

/** A tree with Dockerfiles in every naming style, some where the walk must not go, and other files. */
function project(): string {
  const root = tree({
    'Dockerfile': D,
    'api/Dockerfile.prod': D,
    'api/Dockerfile.prod.dockerignore': 'node_modules\n',
    'api/README.md': '# api\n',
    'web/app.dockerfile': D,
    'web/Containerfile': D,
    'lib/deep/er/containerfile.dev': D,
    'Lower/dockerfile': D,
    'node_modules/pkg/Dockerfile': D,
    '.git/Dockerfile': D,
    'docs/notes.txt': 'x\n',
  });
  symlinkSync(join(root, 'api'), join(root, 'api-link'), 'dir');
  return root;
}

test('a directory is walked for Dockerfiles, sorted, skipping node_modules, .git and linked folders', () => {
  const root = project();
  const r = cli(['lint', '-f', 'json', '.'], { cwd: root });
  assert.deepEqual(brief(r), [
    'Dockerfile:2 DL4000 error',
    'Lower/dockerfile:2 DL4000 error',
    'api/Dockerfile.prod:2 DL4000 error',
    'lib/deep/er/containerfile.dev:2 DL4000 error',
    'web/Containerfile:2 DL4000 error',
    'web/app.dockerfile:2 DL4000 error',
  ]);
  assert.equal(r.code, 1);
  assert.equal(r.err, '');
  // A sub-directory keeps the name as typed in front of what was found.
  assert.deepEqual(brief(cli(['lint', '-f', 'json', 'web/'], { cwd: root })), ['web/Containerfile:2 DL4000 error', 'web/app.dockerfile:2 DL4000 error']);
  // The same file named twice (directly and by the walk) is linted once.
  assert.deepEqual(brief(cli(['lint', '-f', 'json', 'web/Containerfile', 'web'], { cwd: root })), ['web/Containerfile:2 DL4000 error', 'web/app.dockerfile:2 DL4000 error']);
  // Names the walk skips are still linted when named.
  assert.deepEqual(brief(cli(['lint', '-f', 'json', 'node_modules/pkg/Dockerfile'], { cwd: root })), ['node_modules/pkg/Dockerfile:2 DL4000 error']);
});

test('a glob is expanded by the CLI, sorted; a glob that matches nothing exits 2', () => {
  const root = project();
  assert.deepEqual(brief(cli(['lint', '-f', 'json', '**/Dockerfile*'], { cwd: root })), [
    'Dockerfile:2 DL4000 error',
    'api/Dockerfile.prod:2 DL4000 error',
  ]);
  assert.deepEqual(brief(cli(['lint', '-f', 'json', 'web/*'], { cwd: root })), ['web/Containerfile:2 DL4000 error', 'web/app.dockerfile:2 DL4000 error']);
  assert.deepEqual(brief(cli(['lint', '-f', 'json', '{api,web}/*ile*'], { cwd: root })), [
    'api/Dockerfile.prod:2 DL4000 error',
    'web/Containerfile:2 DL4000 error',
    'web/app.dockerfile:2 DL4000 error',
  ]);
  assert.deepEqual(brief(cli(['lint', '-f', 'json', join(root, 'lib', '**', '*.dev')], { cwd: '/' })), [
    `${posix.join(root.split('\\').join('/'), 'lib/deep/er/containerfile.dev')}:2 DL4000 error`,
  ]);
  const none = cli(['lint', '-f', 'json', 'services/*/Dockerfile', 'Dockerfile'], { cwd: root });
  assert.equal(none.code, 2);
  assert.equal(none.err, 'dockerfile-explained lint: services/*/Dockerfile: no file matches this pattern\n');
  // The files that were found are still linted and reported.
  assert.deepEqual(brief(none), ['Dockerfile:2 DL4000 error']);
});

test('an argument that names nothing exits 2 with a message; the other files are still linted', () => {
  const root = tree({ 'Dockerfile': D, 'empty/.keep': '' });
  const r = cli(['lint', '-f', 'json', 'missing/Dockerfile', 'empty', 'Dockerfile'], { cwd: root });
  assert.equal(r.code, 2);
  assert.equal(
    r.err,
    'dockerfile-explained lint: missing/Dockerfile: no such file\n' +
      'dockerfile-explained lint: empty: no Dockerfile found in this directory (looked for Dockerfile, Dockerfile.*, *.dockerfile, Containerfile, Containerfile.*, *.containerfile)\n',
  );
  assert.deepEqual(brief(r), ['Dockerfile:2 DL4000 error']);
});

test('the CLI reads files only through the injected file system', () => {
  // An in-memory tree: nothing of it exists on disk.
  const files: Record<string, string> = { '/mem/svc/Dockerfile': D, '/mem/svc/b.dockerfile': D, '/mem/notes.md': '' };
  const dirs = new Set(['/mem', '/mem/svc']);
  const enoent = (p: string) => Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
  const fake: CliFs = {
    stat(p) {
      if (dirs.has(p)) return { kind: 'directory', size: 0 };
      if (p in files) return { kind: 'file', size: files[p].length };
      throw enoent(p);
    },
    readdir(p): DirEntry[] {
      if (!dirs.has(p)) throw enoent(p);
      const names = new Set<string>();
      for (const q of [...Object.keys(files), ...dirs]) if (q.startsWith(p + '/')) names.add(q.slice(p.length + 1).split('/')[0]);
      return [...names].map((name) => ({ name, kind: dirs.has(`${p}/${name}`) ? 'directory' : 'file', symlink: false }));
    },
    readFile(p) {
      if (!(p in files)) throw enoent(p);
      return files[p];
    },
    writeFile(p, text) {
      files[p] = text;
    },
  };
  if (process.platform === 'win32') return; // The fake uses POSIX paths.
  assert.deepEqual(expandInputs(['.'], '/mem', fake), {
    files: [
      { name: 'svc/Dockerfile', path: '/mem/svc/Dockerfile' },
      { name: 'svc/b.dockerfile', path: '/mem/svc/b.dockerfile' },
    ],
    errors: [],
  });
  assert.deepEqual(brief(cli(['lint', '-f', 'json', 'svc'], { cwd: '/mem', fs: fake })), ['svc/Dockerfile:2 DL4000 error', 'svc/b.dockerfile:2 DL4000 error']);
  // The real file system has no /mem.
  assert.deepEqual(expandInputs(['.'], '/mem', nodeFs).files, []);
});

test('the ignore file for a Dockerfile: <Dockerfile>.dockerignore beside it, else .dockerignore there', () => {
  const root = tree({
    'a/Dockerfile': D,
    'a/.dockerignore': 'from-dot\n',
    'b/api.Dockerfile': D,
    'b/.dockerignore': 'from-dot\n',
    'b/api.Dockerfile.dockerignore': 'from-named\n',
    'c/Dockerfile': D,
  });
  assert.equal(readDockerignore(join(root, 'a', 'Dockerfile'), nodeFs), 'from-dot\n');
  assert.equal(readDockerignore(join(root, 'b', 'api.Dockerfile'), nodeFs), 'from-named\n');
  assert.equal(readDockerignore(join(root, 'c', 'Dockerfile'), nodeFs), undefined);
});

test('an ignore file that is there but cannot be used is reported and passed over', () => {
  const root = tree({
    'big/Dockerfile': D,
    'big/Dockerfile.dockerignore': 'x'.repeat(1024 * 1024 + 1),
    'big/.dockerignore': 'from-dot\n',
    'dir/Dockerfile': D,
    'dir/.dockerignore/keep': '',
  });
  const heard: string[] = [];
  const onProblem = (p: string, why: string) => heard.push(`${p.slice(root.length + 1).split('\\').join('/')}: ${why}`);
  // Too large: the named one is passed over for .dockerignore.
  assert.equal(readDockerignore(join(root, 'big', 'Dockerfile'), nodeFs, onProblem), 'from-dot\n');
  assert.equal(readDockerignore(join(root, 'dir', 'Dockerfile'), nodeFs, onProblem), undefined);
  // Unreadable (a file system that refuses): told with the error code.
  const refusing: CliFs = {
    ...nodeFs,
    readFile: () => {
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    },
  };
  assert.equal(readDockerignore(join(root, 'big', 'Dockerfile'), refusing, onProblem), undefined);
  assert.deepEqual(heard, [
    'big/Dockerfile.dockerignore: larger than 1 MB',
    'dir/.dockerignore: not a file',
    'big/Dockerfile.dockerignore: larger than 1 MB',
    'big/.dockerignore: cannot be read (EACCES)',
  ]);
  // The CLI says so on stderr and lints on.
  const r = cli(['lint', 'dir/Dockerfile'], { cwd: root });
  assert.equal(r.code, 1); // MAINTAINER (DL4000) is an error
  assert.match(r.out, /DL4000/);
  assert.match(r.err, /dir\/\.dockerignore: not a file; CopyIgnoredFile runs as if there were no ignore file\n/);
});
