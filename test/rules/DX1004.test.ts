import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const withInstall = (run: string, copy = 'COPY . .') => `FROM base:1\nWORKDIR /app\n${copy}\nRUN ${run}\n`;

test('DX1004: flags COPY . before a dependency install, on the `.` source', () => {
  const text = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n';
  assert.deepEqual(findings(text, 'DX1004'), ['3:6-3:7']);
  assert.deepEqual(messages(text, 'DX1004'), [
    '`COPY .` copies the whole build context before `pip install -r` (line 4), so any change to any file re-runs the install; copy the dependency manifests first, install, then copy the rest.',
  ]);
});

test('DX1004: quiet when the manifest is copied first and the install precedes COPY . .', () => {
  const text = 'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n';
  assert.deepEqual(findings(text, 'DX1004'), []);
});

test('DX1004: still flags an install after COPY . . even when the manifest was copied before', () => {
  const text = 'FROM node:20\nCOPY package*.json ./\nCOPY . .\nRUN npm ci\n';
  assert.deepEqual(findings(text, 'DX1004'), ['3:6-3:7']);
});

test('DX1004: recognises the manifest installs of the common package managers', () => {
  const cases: [string, string][] = [
    ['npm install', 'npm install'],
    ['npm i --no-audit', 'npm i'],
    ['npm ci --loglevel warn', 'npm ci'],
    ['yarn', 'yarn'],
    ['yarn install --frozen-lockfile', 'yarn install'],
    ['pnpm install --frozen-lockfile', 'pnpm install'],
    ['poetry install --no-root', 'poetry install'],
    ['pipenv install --system --deploy', 'pipenv install'],
    ['uv sync --frozen', 'uv sync'],
    ['bundle install', 'bundle install'],
    ['composer install --no-dev', 'composer install'],
    ['go mod download', 'go mod download'],
    ['cargo fetch', 'cargo fetch'],
    ['dotnet restore', 'dotnet restore'],
    ['mvn -B dependency:go-offline', 'mvn dependency:go-offline'],
    ['python -m pip install --requirement requirements.txt', 'python -m pip install -r'],
    ['cd web && npm ci && npm run build', 'npm ci'],
  ];
  for (const [run, label] of cases) {
    assert.deepEqual(findings(withInstall(run), 'DX1004'), ['3:6-3:7'], run);
    assert.ok(messages(withInstall(run), 'DX1004')[0].includes(`before \`${label}\` (line 4)`), run);
  }
});

test('DX1004: quiet for installs of named packages, builds, and installs that need the source', () => {
  for (const run of [
    'npm install express',
    'npm run build',
    'yarn add lodash',
    'yarn --version',
    'pnpm add zod',
    'pip install .',
    'pip install --no-cache-dir flask',
    'go build ./...',
    'bundle exec rake',
  ]) {
    assert.deepEqual(findings(withInstall(run), 'DX1004'), [], run);
  }
});

test('DX1004: COPY and ADD forms', () => {
  assert.deepEqual(findings(withInstall('npm ci', 'COPY --chown=app:app ./ /app'), 'DX1004'), ['3:22-3:24']);
  assert.deepEqual(findings(withInstall('npm ci', 'ADD . /src'), 'DX1004'), ['3:5-3:6']);
  assert.deepEqual(findings(withInstall('npm ci', 'COPY ["app.json", ".", "/src/"]'), 'DX1004'), ['3:19-3:22']);
  assert.deepEqual(findings(withInstall('npm ci', 'COPY --from=build . .'), 'DX1004'), []);
  assert.deepEqual(findings(withInstall('npm ci', 'COPY src/ .'), 'DX1004'), []);
});

test('DX1004: one finding per COPY, only within a stage', () => {
  const two = 'FROM node:20\nCOPY . .\nCOPY . /src\nRUN npm ci\nRUN npm install\n';
  assert.deepEqual(findings(two, 'DX1004'), ['2:6-2:7', '3:6-3:7']);
  const stages = 'FROM node:20 AS src\nCOPY . .\nFROM src\nRUN npm ci\n';
  assert.deepEqual(findings(stages, 'DX1004'), []);
});

test('DX1004: ONBUILD triggers are checked among themselves', () => {
  assert.deepEqual(findings('FROM node:20\nONBUILD COPY . /app\nONBUILD RUN npm install\n', 'DX1004'), ['2:14-2:15']);
  assert.deepEqual(findings('FROM node:20\nCOPY . /app\nONBUILD RUN npm install\n', 'DX1004'), []);
});

test('DX1004: honours ignore pragmas on the COPY and the rules setting', () => {
  assert.deepEqual(findings('FROM node:20\n# hadolint ignore=DX1004\nCOPY . .\nRUN npm ci\n', 'DX1004'), []);
  assert.deepEqual(findings('FROM node:20\nCOPY . .\n# hadolint ignore=DX1004\nRUN npm ci\n', 'DX1004'), ['2:6-2:7']);
  assert.deepEqual(findings('FROM node:20\nCOPY . .\nRUN npm ci\n', 'DX1004', { rules: { DX1004: 'off' } }), []);
});
