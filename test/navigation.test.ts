/**
 * Navigation on stage names, ARG/ENV variables and heredoc delimiters: definition, references,
 * document highlight, prepareRename and rename. Locations are written `line:col-line:col text`
 * (1-based, end exclusive) with the text they cover; renamed files are written out whole.
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Position, Range } from 'vscode-languageserver-types';
import { parseDocument } from '../server/src/model/document';
import { definition, documentHighlights, prepareRename, references, rename } from '../server/src/service/navigation';
import { applyEdits } from './helpers';

const URI = 'file:///project/Dockerfile';

/** The position `at` characters into the `nth` occurrence of `needle`. */
function pos(text: string, needle: string, nth = 0, at = 1): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `occurrence ${nth} of ${needle} not in the text`);
  }
  return parseDocument(text).lines.positionAt(offset + at);
}

function show(text: string, r: Range): string {
  const lines = parseDocument(text).lines;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end))}`;
}

const defs = (text: string, p: Position) => definition(parseDocument(text, URI), p).map((l) => show(text, l.range));
const refs = (text: string, p: Position, decl = true) => references(parseDocument(text, URI), p, decl).map((l) => show(text, l.range));
const highlights = (text: string, p: Position) => documentHighlights(parseDocument(text, URI), p).map((h) => `${show(text, h.range)} ${h.kind === 3 ? 'write' : 'read'}`);

function renamed(text: string, p: Position, newName: string): string {
  const r = rename(parseDocument(text, URI), p, newName);
  assert.ok(r && 'edit' in r, `rename refused: ${r && 'error' in r ? r.error : 'nothing there'}`);
  return applyEdits(text, r.edit.changes![URI]);
}

function refusal(text: string, p: Position, newName: string): string {
  const r = rename(parseDocument(text, URI), p, newName);
  assert.ok(r && 'error' in r, 'rename accepted');
  return r.error;
}

// A realistic multi-stage Python build.
const PY = [
  '# syntax=docker/dockerfile:1', //                                           1
  'ARG PYTHON_VERSION=3.12', //                                                2
  'ARG BASE=python:${PYTHON_VERSION}-slim', //                                 3
  '', //                                                                       4
  'FROM ${BASE} AS base', //                                                   5
  'ENV APP_HOME=/app \\', //                                                   6
  '    PIP_NO_CACHE_DIR=1', //                                                 7
  'WORKDIR $APP_HOME', //                                                      8
  '', //                                                                       9
  'FROM base AS Builder', //                                                   10
  'ARG PYTHON_VERSION', //                                                     11
  'RUN --mount=type=cache,target=/root/.cache/pip \\', //                      12
  '    pip install --prefix=/install -r requirements.txt', //                  13
  'RUN <<EOF', //                                                              14
  'set -e', //                                                                 15
  'echo "building for ${PYTHON_VERSION:-unknown} in $APP_HOME"', //            16
  'EOF', //                                                                    17
  '', //                                                                       18
  'FROM base AS production', //                                                19
  'COPY --from=builder /install /usr/local', //                                20
  'COPY --from=0 /etc/os-release /tmp/', //                                    21
  'RUN --mount=type=bind,from=BUILDER,source=/install,target=/mnt ls /mnt', // 22
  'ENV PATH=$APP_HOME/bin:$PATH', //                                           23
  'USER 1000', //                                                              24
  'CMD gunicorn --chdir $APP_HOME app:app', //                                 25
  '',
].join('\n');

test('definition: stage uses go to `AS name`, whatever their case', () => {
  assert.deepEqual(defs(PY, pos(PY, 'FROM base AS Builder', 0, 6)), ['5:17-5:21 base']);
  assert.deepEqual(defs(PY, pos(PY, '--from=builder', 0, 9)), ['10:14-10:21 Builder']);
  assert.deepEqual(defs(PY, pos(PY, 'from=BUILDER', 0, 7)), ['10:14-10:21 Builder']);
  assert.deepEqual(defs(PY, pos(PY, '--from=0', 0, 7)), ['5:17-5:21 base']);
  // At the definition itself: the definition.
  assert.deepEqual(defs(PY, pos(PY, 'AS production', 0, 5)), ['19:14-19:24 production']);
  // An image is no stage.
  assert.deepEqual(defs(PY, pos(PY, '${BASE}', 0, 0)), []);
});

test('definition: a variable goes to the ARG or ENV in effect, and an ARG without default to the global one too', () => {
  assert.deepEqual(defs(PY, pos(PY, '$APP_HOME', 0, 3)), ['6:5-6:13 APP_HOME']);
  assert.deepEqual(defs(PY, pos(PY, '${BASE}', 0, 3)), ['3:5-3:9 BASE']);
  assert.deepEqual(defs(PY, pos(PY, '${PYTHON_VERSION}-slim', 0, 4)), ['2:5-2:19 PYTHON_VERSION']);
  // `${PYTHON_VERSION:-unknown}` in the RUN heredoc: the stage's `ARG PYTHON_VERSION`, which takes the global default.
  assert.deepEqual(defs(PY, pos(PY, '${PYTHON_VERSION:-unknown}', 0, 5)), ['11:5-11:19 PYTHON_VERSION', '2:5-2:19 PYTHON_VERSION']);
  // `$PATH` comes from the base image: nothing to go to.
  assert.deepEqual(defs(PY, pos(PY, ':$PATH', 0, 3)), []);
});

test('definition: the closing heredoc delimiter goes to the opening one', () => {
  assert.deepEqual(defs(PY, pos(PY, '\nEOF', 0, 2)), ['14:7-14:10 EOF']);
});

test('references: every use of a stage, by name in any case, by index, in FROM, COPY --from and RUN --mount from=', () => {
  assert.deepEqual(refs(PY, pos(PY, 'AS base', 0, 4)), [
    '5:17-5:21 base',
    '10:6-10:10 base',
    '19:6-19:10 base',
    '21:13-21:14 0',
  ]);
  assert.deepEqual(refs(PY, pos(PY, '--from=builder', 0, 9), false), ['20:13-20:20 builder', '22:28-22:35 BUILDER']);
  // A final stage nobody uses: only its definition.
  assert.deepEqual(refs(PY, pos(PY, 'AS production', 0, 4)), ['19:14-19:24 production']);
});

test('references: a variable everywhere it is expanded — FROM, WORKDIR, RUN heredoc, ENV, shell-form CMD — inherited by later stages', () => {
  assert.deepEqual(refs(PY, pos(PY, 'APP_HOME=/app')), [
    '6:5-6:13 APP_HOME',
    '8:10-8:18 APP_HOME',
    '16:51-16:59 APP_HOME',
    '23:11-23:19 APP_HOME',
    '25:23-25:31 APP_HOME',
  ]);
  // The global ARG, its use in another global ARG's default, its redeclaration in Builder and the use there.
  assert.deepEqual(refs(PY, pos(PY, 'PYTHON_VERSION=3.12')), [
    '2:5-2:19 PYTHON_VERSION',
    '3:19-3:33 PYTHON_VERSION',
    '11:5-11:19 PYTHON_VERSION',
    '16:22-16:36 PYTHON_VERSION',
  ]);
  assert.deepEqual(refs(PY, pos(PY, 'PYTHON_VERSION=3.12'), false), ['3:19-3:33 PYTHON_VERSION', '16:22-16:36 PYTHON_VERSION']);
});

test('references: `ENV PATH=…:$PATH` redefines the variable it reads; the base image\'s PATH is a name of its own', () => {
  assert.deepEqual(refs(PY, pos(PY, 'ENV PATH', 0, 5)), ['23:5-23:9 PATH']);
  assert.deepEqual(refs(PY, pos(PY, ':$PATH', 0, 3)), ['23:25-23:29 PATH']);
});

test('document highlight: definitions are writes, uses are reads', () => {
  assert.deepEqual(highlights(PY, pos(PY, '$APP_HOME', 0, 1)), [
    '6:5-6:13 APP_HOME write',
    '8:10-8:18 APP_HOME read',
    '16:51-16:59 APP_HOME read',
    '23:11-23:19 APP_HOME read',
    '25:23-25:31 APP_HOME read',
  ]);
  assert.deepEqual(highlights(PY, pos(PY, 'RUN <<EOF', 0, 7)), ['14:7-14:10 EOF write', '17:1-17:4 EOF read']);
  assert.deepEqual(highlights(PY, pos(PY, 'set -e')), []);
});

test('rename a stage: the definition and every use by name, keeping index references', () => {
  assert.equal(
    renamed(PY, pos(PY, 'from=BUILDER', 0, 6), 'wheels'),
    PY.replace('AS Builder', 'AS wheels').replace('--from=builder', '--from=wheels').replace('from=BUILDER', 'from=wheels'),
  );
  const out = renamed(PY, pos(PY, 'AS base', 0, 4), 'runtime');
  assert.deepEqual(
    out.split('\n').filter((l) => /runtime|--from=0/.test(l)),
    ['FROM ${BASE} AS runtime', 'FROM runtime AS Builder', 'FROM runtime AS production', 'COPY --from=0 /etc/os-release /tmp/'],
  );
});

test('rename a variable: definitions, `${X:-default}` forms, heredoc bodies, shell-form CMD, later stages', () => {
  const out = renamed(PY, pos(PY, 'WORKDIR $APP_HOME', 0, 10), 'APP_DIR');
  assert.deepEqual(
    out.split('\n').filter((l) => l.includes('APP_')),
    [
      'ENV APP_DIR=/app \\',
      'WORKDIR $APP_DIR',
      'echo "building for ${PYTHON_VERSION:-unknown} in $APP_DIR"',
      'ENV PATH=$APP_DIR/bin:$PATH',
      'CMD gunicorn --chdir $APP_DIR app:app',
    ],
  );
  const v = renamed(PY, pos(PY, '${PYTHON_VERSION:-unknown}', 0, 4), 'PY_VERSION');
  assert.deepEqual(
    v.split('\n').filter((l) => l.includes('PY_')),
    ['ARG PY_VERSION=3.12', 'ARG BASE=python:${PY_VERSION}-slim', 'ARG PY_VERSION', 'echo "building for ${PY_VERSION:-unknown} in $APP_HOME"'],
  );
});

test('rename a heredoc delimiter: opening and closing, quotes and <<- kept', () => {
  const text = ['FROM alpine:3.20', "COPY <<-'CONF' /etc/app.conf", '\thome=/srv', '\tCONF', 'RUN <<EOF', 'echo hi', 'EOF', ''].join('\n');
  assert.equal(renamed(text, pos(text, '\tCONF', 0, 2), 'SETTINGS'), text.replace("<<-'CONF'", "<<-'SETTINGS'").replace('\tCONF', '\tSETTINGS'));
  assert.equal(
    refusal(text, pos(text, 'RUN <<EOF', 0, 7), 'echo hi'),
    '`echo hi` is not a usable heredoc delimiter: use letters, digits and `_`, not starting with a digit.',
  );
  const body = ['FROM alpine:3.20', 'RUN <<EOF', 'cat <<END', 'x', 'END', 'EOF', ''].join('\n');
  assert.equal(refusal(body, pos(body, 'RUN <<EOF', 0, 7), 'END'), "A line of the heredoc's body reads `END`: it would end the heredoc there.");
});

test('prepareRename: the name under the cursor, or why it cannot be renamed', () => {
  const model = parseDocument(PY, URI);
  assert.deepEqual(prepareRename(model, pos(PY, '--from=builder', 0, 10)), {
    range: { start: { line: 19, character: 12 }, end: { line: 19, character: 19 } },
    placeholder: 'builder',
  });
  assert.deepEqual(prepareRename(model, pos(PY, '--from=0', 0, 7)), {
    error: 'This reference names the stage by its index: rename the stage at its `AS` name.',
  });
  assert.deepEqual(prepareRename(model, pos(PY, ':$PATH', 0, 3)), {
    error: '`PATH` is not defined by any ARG or ENV of this Dockerfile (the base image, the runtime or the build sets it): there is nothing to rename.',
  });
  assert.equal(prepareRename(model, pos(PY, 'USER 1000', 0, 6)), null);
  assert.equal(prepareRename(model, { line: 99, character: 0 }), null);
});

test('rename refuses invalid names and names already taken', () => {
  const stage = pos(PY, 'AS production', 0, 4);
  assert.equal(
    refusal(PY, stage, '2nd'),
    '`2nd` is not a valid stage name: it must start with a letter and continue with letters, digits, `-`, `_` or `.`.',
  );
  assert.equal(refusal(PY, stage, 'BASE'), 'Line 5 already defines a stage named `base` (stage names compare without case).');
  const img = ['FROM golang:1.22 AS build', 'FROM alpine:3.20 AS run', 'COPY --from=build /out /out', 'COPY --from=busybox:1.36 /bin/busybox /bin/', ''].join('\n');
  assert.equal(refusal(img, pos(img, 'AS build', 0, 4), 'busybox:1.36'), '`busybox:1.36` is not a valid stage name: it must start with a letter and continue with letters, digits, `-`, `_` or `.`.');
  const alpine = ['FROM golang:1.22 AS build', 'FROM alpine', 'COPY --from=build /out /out', ''].join('\n');
  assert.equal(refusal(alpine, pos(alpine, 'AS build', 0, 4), 'alpine'), 'Line 2 uses the image `alpine`: after the rename it would name this stage instead.');

  const v = pos(PY, '$APP_HOME', 0, 2);
  assert.equal(refusal(PY, v, 'APP-HOME'), '`APP-HOME` is not a valid variable name: use letters, digits and `_`, not starting with a digit.');
  assert.equal(refusal(PY, v, 'PIP_NO_CACHE_DIR'), '`PIP_NO_CACHE_DIR` is already used on line 7 in stage `base`: the two variables would merge.');
  // `PATH` is read in a stage that inherits APP_HOME.
  assert.equal(refusal(PY, v, 'PATH'), '`PATH` is already used on line 23 in stage `production`: the two variables would merge.');
  assert.equal(refusal(PY, v, 'TARGETARCH'), '`TARGETARCH` is a name BuildKit sets itself: choose another one.');
});

test('variables: scopes of stages, ARG words read in order, ENV winning over ARG, shell variables and quoted heredocs left out', () => {
  const text = [
    'ARG VERSION=1.0', //                                       1
    'FROM alpine:3.20 AS a', //                                  2
    'ARG A=1 B=$A', //                                           3
    'ENV VERSION=2.0', //                                        4
    'ARG VERSION', //                                            5
    'RUN for A in x y; do echo $A; done && echo $VERSION', //    6
    "COPY <<'EOT' /notes.txt", //                                7
    'version $VERSION', //                                       8
    'EOT', //                                                    9
    'FROM alpine:3.20 AS b', //                                  10
    'ARG A', //                                                  11
    'RUN echo $A $VERSION', //                                   12
    '',
  ].join('\n');
  // `B=$A` reads the A declared just before it in the same ARG.
  assert.deepEqual(refs(text, pos(text, 'ARG A=1', 0, 4)), ['3:5-3:6 A', '3:12-3:13 A']);
  // The loop variable A of line 6 is the shell's; stage b's `ARG A` is another variable.
  assert.deepEqual(refs(text, pos(text, 'ARG A\n', 0, 4)), ['11:5-11:6 A', '12:11-12:12 A']);
  // ENV VERSION then ARG VERSION: one variable in stage a; the quoted heredoc fed to COPY is literal.
  assert.deepEqual(refs(text, pos(text, 'ENV VERSION', 0, 5)), ['4:5-4:12 VERSION', '5:5-5:12 VERSION', '6:45-6:52 VERSION']);
  // The global ARG is not seen inside a stage without `ARG VERSION` there: stage b's `$VERSION` is undefined.
  assert.deepEqual(refs(text, pos(text, 'ARG VERSION=1.0', 0, 5)), ['1:5-1:12 VERSION']);
  assert.deepEqual(refs(text, pos(text, '$A $VERSION', 0, 4)), ['12:14-12:21 VERSION']);
});

test('container-time references see the ENVs of the finished stage only', () => {
  const text = ['FROM node:20-alpine', 'ARG PORT=3000', 'CMD node server.js --port $PORT', 'ENV LOG_LEVEL=info', 'ENTRYPOINT ["sh", "-c", "exec node app.js --log $LOG_LEVEL"]', ''].join('\n');
  // ARGs do not exist when the container runs.
  assert.deepEqual(refs(text, pos(text, 'PORT=3000')), ['2:5-2:9 PORT']);
  // An ENV defined after CMD still applies; exec form with `sh -c` expands it too.
  assert.deepEqual(refs(text, pos(text, 'LOG_LEVEL=info')), ['4:5-4:14 LOG_LEVEL', '5:50-5:59 LOG_LEVEL']);
});

test('broken and half-typed files never throw', () => {
  const samples = [PY, 'FROM', 'FROM a AS', 'COPY --from=', 'RUN <<EOF\necho', 'ARG =1\nFROM ${', 'ENV A=$\nRUN --mount=from=', 'FROM x AS y\nONBUILD COPY --from=y . .\n'];
  for (const text of samples) {
    for (let cut = 0; cut <= text.length; cut += 3) {
      const part = text.slice(0, cut);
      const model = parseDocument(part, URI);
      for (let line = 0; line <= model.lines.lineCount; line++) {
        for (const character of [0, 3, 8, 15, 30]) {
          const p = { line, character };
          definition(model, p);
          references(model, p, true);
          documentHighlights(model, p);
          prepareRename(model, p);
          rename(model, p, 'renamed');
        }
      }
    }
  }
});
