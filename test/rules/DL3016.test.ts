import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3016: flags each unpinned npm package, on the package word', () => {
  const text = 'FROM node:20\nRUN npm install -g typescript\n';
  assert.deepEqual(findings(text, 'DL3016'), ['2:20-2:30']);
  assert.deepEqual(messages(text, 'DL3016'), ['`typescript` has no version: write `typescript@<version>` so every build installs the same one.']);
  assert.deepEqual(findings('FROM node:20\nRUN npm install -g typescript@5.4.5 @types/node\n', 'DL3016'), ['2:37-2:48']);
});

test('DL3016: npm i and npm add are installs too; @latest is not a pin', () => {
  const text = 'FROM node:20\nRUN npm i -g npm@latest\n';
  assert.deepEqual(findings(text, 'DL3016'), ['2:14-2:24']);
  assert.deepEqual(messages(text, 'DL3016'), ['`npm@latest` follows every new release: name a version, `npm@<version>`, so every build installs the same one.']);
  assert.deepEqual(findings('FROM node:20\nRUN npm add left-pad\n', 'DL3016'), ['2:13-2:21']);
});

test('DL3016: pins, git refs, tarballs and paths are fine; so are npm ci and a bare npm install', () => {
  for (const pkgs of ['typescript@5.4.5', '@types/node@20.11.0', 'eslint@^8', 'git+https://github.com/org/repo.git#v1.0.0',
    './local-pkg', '/src/pkg', 'pkg-1.0.0.tgz', 'file:../pkg']) {
    assert.deepEqual(findings(`FROM node:20\nRUN npm install ${pkgs}\n`, 'DL3016'), [], pkgs);
  }
  assert.deepEqual(findings('FROM node:20\nRUN npm install && npm ci --omit=dev && npm install --production\n', 'DL3016'), []);
  assert.deepEqual(findings('FROM node:20\nRUN npm install git+https://github.com/org/repo.git\n', 'DL3016'), ['2:17-2:52']);
});

test('DL3016: values of options are not packages; other tools are not npm', () => {
  assert.deepEqual(findings('FROM node:20\nRUN npm install --registry https://r.example lodash\n', 'DL3016'), ['2:46-2:52']);
  assert.deepEqual(findings('FROM node:20\nRUN npm --loglevel warn install --prefix /opt lodash@4.17.21\n', 'DL3016'), []);
  assert.deepEqual(findings('FROM node:20\nRUN yarn add lodash && pnpm add lodash\n', 'DL3016'), []);
  assert.deepEqual(findings('FROM node:20\nRUN sh -c "npm install -g typescript"\n', 'DL3016'), []);
});

test('DL3016: variables, continuation lines, ONBUILD', () => {
  assert.deepEqual(findings('FROM node:20\nARG TS=typescript@5.4.5\nRUN npm install -g $TS\n', 'DL3016'), []);
  assert.deepEqual(findings('FROM node:20\nARG TS=typescript\nRUN npm install -g $TS\n', 'DL3016'), ['3:20-3:23']);
  assert.deepEqual(findings('FROM node:20\nRUN npm install -g \\\n      pnpm \\\n      turbo@2.0.4\n', 'DL3016'), ['3:7-3:11']);
  assert.deepEqual(findings('FROM node:20\nONBUILD RUN npm install -g typescript\n', 'DL3016'), ['2:28-2:38']);
});

test('DL3016: honours ignore pragmas and the rules setting', () => {
  assert.deepEqual(findings('FROM node:20\n# hadolint ignore=DL3016\nRUN npm install -g typescript\n', 'DL3016'), []);
  assert.deepEqual(findings('FROM node:20\nRUN npm install -g typescript\n', 'DL3016', { rules: { DL3016: 'off' } }), []);
});
