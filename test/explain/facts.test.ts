/** What the document infers about a file's stages: purpose, final images, copy edges, build arguments. */
import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/document';
import { fileFacts, isDevServer, manifestInstall, buildStep, testStep, copyKind, type PurposeKind } from '../../server/src/explain/facts';

function purposes(text: string): Record<string, PurposeKind> {
  const facts = fileFacts(parseDocument(text));
  return Object.fromEntries(facts.stages.map((s) => [s.label, s.purpose]));
}

const GO = `ARG GO_VERSION=1.22
FROM golang:\${GO_VERSION} AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app ./cmd/app

FROM builder AS test
RUN go test ./...

FROM gcr.io/distroless/static-debian12 AS runtime
COPY --from=builder /out/app /app
EXPOSE 8080
USER nonroot
ENTRYPOINT ["/app"]
`;

test('a Go builder, a test stage and a distroless runtime: build, test, production; finals are test and runtime', () => {
  assert.deepEqual(purposes(GO), { builder: 'build', test: 'test', runtime: 'production' });
  const facts = fileFacts(parseDocument(GO));
  assert.deepEqual(facts.finals.map((f) => f.label), ['test', 'runtime']);
  const runtime = facts.stages[2];
  assert.equal(runtime.isDefault, true);
  assert.deepEqual(runtime.copiesFrom.map((c) => `${c.kind} ${c.text} → ${c.stage?.name}`), ['copy builder → builder']);
  assert.deepEqual(runtime.ports.map((p) => `${p.port}/${p.proto}`), ['8080/tcp']);
  assert.equal(runtime.user?.name, 'nonroot');
  // The global ARG its chain's FROM lines do not use is not a build argument of the runtime image.
  assert.deepEqual(runtime.buildArgs, []);
  assert.deepEqual(facts.stages[1].buildArgs.map((a) => `${a.name}=${a.value}`), ['GO_VERSION=1.22']);
});

test('a Node app: dependencies from the lock file, a dev server stage, a production stage', () => {
  const text = `FROM node:20-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS dev
COPY . .
CMD ["npm", "run", "dev"]

FROM deps AS prod
COPY . .
RUN npm run build
EXPOSE 3000
CMD ["node", "dist/server.js"]
`;
  assert.deepEqual(purposes(text), { deps: 'dependencies', dev: 'development', prod: 'production' });
  const facts = fileFacts(parseDocument(text));
  assert.deepEqual(facts.stages[0].manifestInstalls.map((m) => m.what), ['npm packages from `package-lock.json`']);
  assert.equal(facts.stages[1].start?.dev, true);
  assert.equal(facts.stages[2].start?.dev, false);
});

test('a single stage without a command is an image; one that only gets copied from is a build stage', () => {
  assert.deepEqual(purposes('FROM debian:12\nRUN apt-get update && apt-get install -y curl\n'), { 'stage 1': 'image' });
  assert.deepEqual(purposes('FROM alpine AS assets\nRUN echo hi > /a\nFROM scratch\nCOPY --from=assets /a /a\n'), { assets: 'build', 'stage 2': 'runtime' });
});

test('stage names hint at the purpose when the content does not tell', () => {
  assert.deepEqual(purposes('FROM alpine AS base\nENV A=1\nFROM base AS tools\nRUN true\nFROM base\nCMD ["sh"]\n').base, 'base');
});

test('development servers are told from production ones by their command', () => {
  assert.equal(isDevServer(['flask', 'run', '--host=0.0.0.0']), true);
  assert.equal(isDevServer(['uvicorn', 'app:app', '--reload']), true);
  assert.equal(isDevServer(['python', 'manage.py', 'runserver', '0.0.0.0:8000']), true);
  assert.equal(isDevServer(['npm', 'run', 'dev']), true);
  assert.equal(isDevServer(['gunicorn', '--bind', '0.0.0.0:8000', 'app:app']), false);
  assert.equal(isDevServer(['npm', 'start']), false);
  assert.equal(isDevServer(['node', 'server.js']), false);
});

test('installs from a manifest, build steps and test steps are recognised by their words', () => {
  assert.equal(manifestInstall(['pip', 'install', '--no-cache-dir', '-r', 'requirements.txt']), 'Python packages from `requirements.txt`');
  assert.equal(manifestInstall(['pip', 'install', 'flask']), undefined);
  assert.equal(manifestInstall(['npm', 'ci', '--omit=dev']), 'npm packages from `package-lock.json`');
  assert.equal(manifestInstall(['bundle', 'install']), 'Ruby gems from `Gemfile.lock`');
  assert.equal(manifestInstall(['go', 'mod', 'download']), 'Go modules from `go.mod`');
  assert.equal(buildStep(['go', 'build', '-o', '/out/app', '.']), '`go build`');
  assert.equal(buildStep(['npm', 'run', 'build']), '`npm run build`');
  assert.equal(buildStep(['mvn', '-B', 'package']), '`mvn package`');
  assert.equal(buildStep(['make', 'test']), undefined);
  assert.equal(testStep(['pytest', '-q']), '`pytest`');
  assert.equal(testStep(['go', 'test', './...']), '`go test`');
  assert.equal(testStep(['npm', 'test']), '`npm test`');
  assert.equal(testStep(['go', 'build']), undefined);
});

test('what a COPY brings: dependency manifests only, the whole context, some files, or files of another stage', () => {
  const model = parseDocument('FROM alpine AS a\nCOPY requirements.txt .\nCOPY package*.json ./\nCOPY . .\nCOPY src/ /app/src\nCOPY --from=a /x /y\n');
  assert.deepEqual(
    model.instructions.slice(1).map((i) => copyKind(model, i)),
    ['manifest', 'manifest', 'context', 'files', 'from'],
  );
});
