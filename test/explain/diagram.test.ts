/** The stage-flow diagrams, drawn for small files and compared with what a reader should see (reviewed by hand). */
import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/document';
import { fileFacts } from '../../server/src/explain/facts';
import { boxDiagram, mermaid } from '../../server/src/explain/diagram';

const BUILD_TEST_RUNTIME = `FROM golang:1.22 AS build
RUN go build -o /app .
FROM build AS test
RUN go test ./...
FROM alpine:3.20
COPY --from=build /app /app
CMD ["/app"]
`;

test('boxes: FROM inheritance as arrows, COPY --from inside the box, the build line under each final stage', () => {
  const expected = [
    '┌───────────────────────────────────────────────────────────┐',
    '│  Multi-stage build flow                                   │',
    '├───────────────────────────────────────────────────────────┤',
    '│                                                           │',
    '│  ┌────────────────────────┐       ┌────────────────────┐  │',
    '│  │ Stage: build           │       │ Stage: 3 (unnamed) │  │',
    '│  │ from golang:1.22       │       │ from alpine:3.20   │  │',
    '│  │ • builds with go build │       │ • files from build │  │',
    '│  └───────────┬────────────┘       │ • starts app       │  │',
    '│              │                    └────────────────────┘  │',
    '│              ▼                    docker build .          │',
    '│      ┌────────────────┐                                   │',
    '│      │ Stage: test    │                                   │',
    '│      │ • runs go test │                                   │',
    '│      └────────────────┘                                   │',
    '│      docker build --target test                           │',
    '│                                                           │',
    '└───────────────────────────────────────────────────────────┘',
  ];
  assert.deepEqual(boxDiagram(fileFacts(parseDocument(BUILD_TEST_RUNTIME))).split('\n'), expected);
});

test('mermaid: images, stages, FROM edges, dotted COPY --from edges, final stages marked', () => {
  assert.deepEqual(mermaid(fileFacts(parseDocument(BUILD_TEST_RUNTIME))).split('\n'), [
    'flowchart TD',
    '  s0["build"]',
    '  img0["golang:1.22"]',
    '  s1["test<br/>--target test"]',
    '  s2["stage 3<br/>default target"]',
    '  img1["alpine:3.20"]',
    '  img0 --> s0',
    '  s0 --> s1',
    '  img1 --> s2',
    '  s0 -.->|"COPY --from"| s2',
    '  classDef image fill:#eef3fb,stroke:#7a9cc6',
    '  class img0,img1 image',
    '  classDef final stroke-width:3px',
    '  class s1,s2 final',
  ]);
});

test('mermaid: quotes in labels are escaped, a RUN --mount from a stage is a dotted edge', () => {
  const m = mermaid(fileFacts(parseDocument('FROM alpine AS a\nFROM alpine AS b\nRUN --mount=type=bind,from=a,target=/a ls /a\n')));
  assert.ok(m.split('\n').includes('  s0 -.->|"RUN --mount"| s1'), m);
});

test('a tree too wide for boxes is drawn as an indented tree', () => {
  const text = ['FROM debian:12 AS base', ...Array.from({ length: 8 }, (_, i) => `FROM base AS target-number-${i}\nCMD ["run-${i}"]`)].join('\n');
  const d = boxDiagram(fileFacts(parseDocument(text)));
  const lines = d.split('\n');
  assert.equal(lines[0], 'debian:12');
  assert.equal(lines[1], '└── base');
  assert.equal(lines[2], '    ├── target-number-0  final: docker build --target target-number-0');
  assert.equal(lines[9], '    └── target-number-7  final: docker build --target target-number-7 (default)');
});

test('a file without FROM has no diagram to draw', () => {
  assert.equal(boxDiagram(fileFacts(parseDocument('# nothing\n'))), 'No stages: the file has no FROM line.');
});
