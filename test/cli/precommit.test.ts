/** The pre-commit hook runs the CLI on the same files its directory walk picks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isDockerfileName } from '../../server/src/cli/files';

function root(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'server'))) dir = join(dir, '..');
  return dir;
}

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
}

const hooks = parse(readFileSync(join(root(), '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** pre-commit's patterns are Python regexes searched in the path; `(?i)` becomes JavaScript's `i` flag. */
function pyRegex(p: string): RegExp {
  return p.startsWith('(?i)') ? new RegExp(p.slice(4), 'i') : new RegExp(p);
}

test('.pre-commit-hooks.yaml: one node hook that runs `dockerfile-explained lint` on the files', () => {
  assert.deepEqual(
    hooks.map((h) => [h.id, h.entry, h.language]),
    [['dockerfile-explained', 'dockerfile-explained lint', 'node']],
  );
});

test('the hook selects the file names the directory walk lints, in any folder', () => {
  const [hook] = hooks;
  const files = pyRegex(hook.files);
  const exclude = pyRegex(hook.exclude);
  const selected = (path: string) => files.test(path) && !exclude.test(path);
  const paths = [
    'Dockerfile',
    'svc/Dockerfile',
    'svc/dockerfile.prod',
    'a/b/API.Dockerfile',
    'Containerfile',
    'x/containerfile.arm64',
    'x/base.containerfile',
    'svc/Dockerfile.dockerignore',
    'svc/.dockerignore',
    'svc/MyDockerfile',
    'Dockerfiles/README.md',
    'docker-compose.yml',
    'Dockerfile/notes.txt',
  ];
  const basename = (p: string) => p.split('/').pop()!;
  assert.deepEqual(
    paths.filter(selected),
    paths.filter((p) => isDockerfileName(basename(p))),
  );
  assert.deepEqual(paths.filter(selected), ['Dockerfile', 'svc/Dockerfile', 'svc/dockerfile.prod', 'a/b/API.Dockerfile', 'Containerfile', 'x/containerfile.arm64', 'x/base.containerfile']);
});
