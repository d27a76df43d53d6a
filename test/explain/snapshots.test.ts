/**
 * Snapshots of the explain document for varied Dockerfiles (test/fixtures/explain/): a Go
 * multi-stage build to `scratch` with cache and bind mounts and a test stage, and a one-stage
 * Node app on Alpine with a heredoc RUN, tini and a shell-form CMD. Each snapshot was read
 * and reviewed by hand once; a change to the document shows up here as a diff to review again.
 * Regenerate: DX_UPDATE_SNAPSHOTS=1 node --test dist-test/explain/snapshots.test.js
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explained, repoRoot } from './helpers';

for (const name of ['go-scratch', 'node-alpine']) {
  test(`explain snapshot: ${name}.Dockerfile`, () => {
    const dir = join(repoRoot(), 'test', 'fixtures', 'explain');
    const { md, errors } = explained(readFileSync(join(dir, `${name}.Dockerfile`), 'utf8'), { fileName: `${name}.Dockerfile`, imageName: 'myapp' });
    assert.deepEqual(errors, []);
    const file = join(dir, `${name}.explained.md`);
    if (process.env.DX_UPDATE_SNAPSHOTS) writeFileSync(file, md);
    assert.equal(md, readFileSync(file, 'utf8'));
  });
}
