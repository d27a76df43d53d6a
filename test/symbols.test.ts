/**
 * The outline: document symbols as a tree (stages holding their instructions, ARG/ENV holding
 * their variables) and folding ranges (stages, multi-line instructions, heredocs, comment
 * blocks). Expected trees are written as indented lines `name · kind · range` (1-based
 * lines and columns, end exclusive).
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { parseDocument } from '../server/src/model/document';
import { documentSymbols, flatSymbols } from '../server/src/service/symbols';
import { foldingRanges } from '../server/src/service/folding';

const KIND: Record<number, string> = {
  [SymbolKind.File]: 'file',
  [SymbolKind.Module]: 'stage',
  [SymbolKind.Namespace]: 'path',
  [SymbolKind.Property]: 'property',
  [SymbolKind.Interface]: 'port',
  [SymbolKind.Function]: 'command',
  [SymbolKind.Variable]: 'variable',
  [SymbolKind.Key]: 'key',
  [SymbolKind.Event]: 'event',
};

const r = (x: Range) => `${x.start.line + 1}:${x.start.character + 1}-${x.end.line + 1}:${x.end.character + 1}`;

function tree(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [
    `${indent}${s.name}${s.detail ? ` (${s.detail})` : ''} · ${KIND[s.kind] ?? s.kind} · ${r(s.range)}${s.tags?.length ? ' · deprecated' : ''}`,
    ...tree(s.children ?? [], indent + '  '),
  ]);
}

const GO = [
  '# syntax=docker/dockerfile:1', //                                                           1
  'ARG GO_VERSION=1.22', //                                                                    2
  '', //                                                                                       3
  '# Build a static binary.', //                                                              4
  '# CGO is off so that the binary runs on scratch.', //                                      5
  'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build', //                   6
  'WORKDIR /src', //                                                                           7
  'COPY go.mod go.sum ./', //                                                                  8
  'RUN --mount=type=cache,target=/go/pkg/mod \\', //                                           9
  '    go mod download', //                                                                    10
  'COPY . .', //                                                                               11
  'ARG TARGETOS TARGETARCH', //                                                                12
  'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app', //     13
  '', //                                                                                       14
  'FROM scratch', //                                                                           15
  'COPY --from=build /out/app /app', //                                                        16
  'COPY <<EOF /etc/passwd', //                                                                 17
  'app:x:10001:10001::/:/app', //                                                              18
  'EOF', //                                                                                    19
  'ENV TZ=UTC \\', //                                                                          20
  '    LANG=C.UTF-8', //                                                                       21
  'EXPOSE 8080', //                                                                            22
  'USER 10001', //                                                                             23
  'ENTRYPOINT ["/app"]', //                                                                    24
  '',
].join('\n');

test('the outline: directive and global ARG on top, each stage with its instructions and their variables beneath', () => {
  assert.deepEqual(tree(documentSymbols(parseDocument(GO))), [
    '# syntax=docker/dockerfile:1 · property · 1:1-1:29',
    'ARG GO_VERSION=1.22 · variable · 2:1-2:20',
    '  GO_VERSION (1.22) · variable · 2:5-2:15',
    'build (FROM golang:${GO_VERSION}-alpine AS build) · stage · 6:1-13:83',
    '  WORKDIR /src · path · 7:1-7:13',
    '  COPY go.mod go.sum ./ · file · 8:1-8:22',
    '  RUN go mod download · command · 9:1-10:20',
    '  COPY . . · file · 11:1-11:9',
    '  ARG TARGETOS TARGETARCH · variable · 12:1-12:24',
    '    TARGETOS · variable · 12:5-12:13',
    '    TARGETARCH · variable · 12:14-12:24',
    '  RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o… · command · 13:1-13:83',
    'stage 1 (FROM scratch) · stage · 15:1-24:20',
    '  COPY --from=build /out/app /app · file · 16:1-16:32',
    '  COPY <<EOF /etc/passwd · file · 17:1-19:4',
    '  ENV TZ=UTC LANG=C.UTF-8 · variable · 20:1-21:17',
    '    TZ (UTC) · variable · 20:5-20:7',
    '    LANG (C.UTF-8) · variable · 21:5-21:9',
    '  EXPOSE 8080 · port · 22:1-22:12',
    '  USER 10001 · key · 23:1-23:11',
    '  ENTRYPOINT ["/app"] · command · 24:1-24:20',
  ]);
});

test('a stage is selected by its name, an unnamed one by its image', () => {
  const [, , build, last] = documentSymbols(parseDocument(GO));
  assert.equal(r(build.selectionRange), '6:63-6:68');
  assert.equal(r(last.selectionRange), '15:6-15:13');
});

test('ONBUILD, MAINTAINER (deprecated) and instructions before the first FROM', () => {
  const text = ['RUN echo too early', 'FROM node:20 AS base', 'MAINTAINER Jane <jane@example.com>', 'ONBUILD COPY package.json ./', ''].join('\n');
  assert.deepEqual(tree(documentSymbols(parseDocument(text))), [
    'RUN echo too early · command · 1:1-1:19',
    'base (FROM node:20 AS base) · stage · 2:1-4:29',
    '  MAINTAINER Jane <jane@example.com> · property · 3:1-3:35 · deprecated',
    '  ONBUILD COPY package.json ./ · event · 4:1-4:29',
  ]);
});

test('flat symbols for clients without a hierarchy name their container', () => {
  const flat = flatSymbols(documentSymbols(parseDocument('FROM alpine:3.20 AS base\nENV A=1\n')), 'file:///p/Dockerfile');
  assert.deepEqual(
    flat.map((s) => `${s.name} in ${s.containerName ?? '-'} at ${r(s.location.range)}`),
    ['base in - at 1:1-2:8', 'ENV A=1 in base at 2:1-2:8', 'A in ENV A=1 at 2:5-2:6'],
  );
});

test('folding: stages, multi-line instructions, heredocs and comment blocks (0-based lines)', () => {
  assert.deepEqual(foldingRanges(parseDocument(GO)), [
    { startLine: 3, endLine: 4, kind: 'comment' }, //  the two comment lines
    { startLine: 5, endLine: 12 }, //                  stage build
    { startLine: 8, endLine: 9 }, //                   RUN … \ go mod download
    { startLine: 14, endLine: 23 }, //                 the final stage
    { startLine: 16, endLine: 18 }, //                 COPY <<EOF … EOF
    { startLine: 19, endLine: 20 }, //                 ENV over two lines
  ]);
});

test('folding: a heredoc opened on a continuation line folds on its own; one-line stages do not fold', () => {
  const text = ['FROM alpine:3.20', 'RUN --mount=type=cache,target=/var/cache/apk \\', '    sh <<EOF', 'apk add curl', 'EOF', ''].join('\n');
  assert.deepEqual(foldingRanges(parseDocument(text)), [
    { startLine: 0, endLine: 4 },
    { startLine: 1, endLine: 4 },
    { startLine: 2, endLine: 4 },
  ]);
  assert.deepEqual(foldingRanges(parseDocument('FROM alpine\n# one comment\n')), []);
});

test('outline and folding never throw on half-typed text', () => {
  for (let cut = 0; cut <= GO.length; cut += 2) {
    const model = parseDocument(GO.slice(0, cut));
    documentSymbols(model);
    foldingRanges(model);
  }
});
