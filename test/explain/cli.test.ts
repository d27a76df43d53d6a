/** `dockerfile-explained explain`: a file, standard input, `-o`, `--image`, and the errors a user can make. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tree } from '../cli/run';
import { repoRoot, example } from './helpers';

const dir = tree({ 'shop/Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n' });

test('explain FILE prints the document; the image is named after the folder', () => {
  const r = cli(['explain', 'shop/Dockerfile'], { cwd: dir });
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, '');
  assert.match(r.out, /^# `Dockerfile` explained\n/);
  assert.ok(r.out.includes('```bash\ndocker build -t shop .\ndocker run -p 3000:3000 shop\n```'), r.out);
});

test('--image names the image; -o writes the file and prints nothing', () => {
  const r = cli(['explain', 'shop/Dockerfile', '--image', 'web', '-o', 'out.md'], { cwd: dir });
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, '');
  const written = readFileSync(join(dir, 'out.md'), 'utf8');
  assert.ok(written.includes('docker build -t web .'));
  const same = cli(['explain', '--output=out2.md', '--image=web', 'shop/Dockerfile'], { cwd: dir });
  assert.equal(same.code, 0);
  assert.equal(readFileSync(join(dir, 'out2.md'), 'utf8'), written);
});

test('- reads standard input', () => {
  const r = cli(['explain', '-'], { cwd: dir, stdin: 'FROM alpine:3.20\nRUN apk add curl\n' });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /\| `curl` \| not pinned \|/);
  assert.match(r.out, /docker build -t myapp \./);
});

test('usage errors exit with 2 and say what is wrong', () => {
  const none = cli(['explain'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.err, /^dockerfile-explained explain: give exactly one Dockerfile/);
  const two = cli(['explain', 'a', 'b'], { cwd: dir });
  assert.equal(two.code, 2);
  const missing = cli(['explain', 'nope/Dockerfile'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\/Dockerfile: no such file/);
  const folder = cli(['explain', 'shop'], { cwd: dir });
  assert.equal(folder.code, 2);
  assert.match(folder.err, /shop: is a directory/);
  const option = cli(['explain', '--frobnicate', 'shop/Dockerfile'], { cwd: dir });
  assert.equal(option.code, 2);
  assert.match(option.err, /unknown option "--frobnicate"/);
  assert.equal(cli(['explain', 'shop/Dockerfile', '-o'], { cwd: dir }).code, 2);
});

test('the usage text lists the explain command; lint and tour still work', () => {
  const help = cli(['--help']);
  assert.match(help.out, /dockerfile-explained explain <Dockerfile\|-> \[-o out\.md\] \[--image NAME\]/);
  assert.equal(cli(['explain', '--help']).code, 0);
  assert.equal(cli(['tour', 'shop/Dockerfile'], { cwd: dir }).code, 0);
  assert.equal(cli(['lint', 'shop/Dockerfile'], { cwd: dir }).code, 0);
});

test('examples/Dockerfile.explained.md is what the CLI writes today (regenerate it with the command in examples/README.md)', () => {
  const r = cli(['explain', 'examples/Dockerfile', '--image', 'myapp'], { cwd: repoRoot() });
  assert.equal(r.code, 0, r.err);
  assert.equal(example('Dockerfile.explained.md'), r.out, 'stale: run `node server/bin/dockerfile-explained.js explain examples/Dockerfile --image myapp -o examples/Dockerfile.explained.md`');
});
