/**
 * Inlay hints: the resolved value after each word the builder expands, when it is known and
 * differs from the text. Each hint is written `line:col label` (1-based; the column is where
 * the hint sits, right after the word).
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../server/src/model/document';
import { inlayHints } from '../server/src/service/inlayHints';

function hints(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): string[] {
  return inlayHints(parseDocument(text), range).map((h) => `${h.position.line + 1}:${h.position.character + 1} ${h.label}`);
}

const APP = [
  'ARG NODE_VERSION=20', //                                                    1
  'ARG BASE=node:${NODE_VERSION}-alpine', //                                   2
  'FROM --platform=$BUILDPLATFORM ${BASE} AS build', //                         3
  'ARG APP=web', //                                                            4
  'ENV APP_HOME=/srv/$APP \\', //                                              5
  '    NODE_ENV=production', //                                                6
  'WORKDIR ${APP_HOME}', //                                                    7
  'COPY --chown=node:node package.json "$APP_HOME/"', //                       8
  'RUN --mount=type=cache,target=/root/.npm/$APP npm ci', //                   9
  'LABEL org.opencontainers.image.title="$APP ${NODE_VERSION:-unknown}"', //   10
  'EXPOSE ${PORT:-3000}', //                                                   11
  'USER $RUNTIME_USER', //                                                     12
  'RUN echo $APP_HOME', //                                                     13
  '',
].join('\n');

test('values in FROM, ENV, WORKDIR, COPY, RUN --mount, LABEL and EXPOSE, resolved where they are used', () => {
  assert.deepEqual(hints(APP), [
    '2:37 = node:20-alpine',
    '3:39 = node:20-alpine',
    '5:23 = /srv/web',
    '7:20 = /srv/web',
    '8:49 = /srv/web/',
    '9:46 = /root/.npm/web',
    '10:69 = web unknown',
    '11:21 = 3000',
  ]);
});

test('nothing for build-time values, undefined names, RUN bodies or single quotes; an escaped `\\$` shows the literal it gives', () => {
  const text = [
    'ARG VERSION', //                                      1
    'FROM alpine:${VERSION}', //                           2
    'FROM --platform=$TARGETPLATFORM alpine:3.20', //      3
    "ENV GREETING='hello $USER'", //                       4
    'WORKDIR /app/$UNDEFINED', //                          5
    'RUN cd $HOME', //                                     6
    'ENV LITERAL=\\$HOME', //                              7
    '',
  ].join('\n');
  assert.deepEqual(hints(text), ['7:19 = $HOME']);
});

test('scope: a stage sees a global ARG only once redeclared; an ENV wins over a later ARG; stages inherit from their base', () => {
  const text = [
    'ARG DIR=/opt', //                 1
    'FROM alpine:3.20 AS base', //     2
    'WORKDIR $DIR/a', //               3
    'ARG DIR', //                      4
    'WORKDIR $DIR/b', //               5
    'ENV MODE=env', //                 6
    'ARG MODE=arg', //                 7
    'USER $MODE', //                   8
    'FROM base', //                    9
    'WORKDIR $DIR/$MODE', //           10
    'ARG A=1 B=$A', //                 11
    '',
  ].join('\n');
  assert.deepEqual(hints(text), ['5:15 = /opt/b', '8:11 = env', '10:19 = /opt/env', '11:13 = 1']);
});

test('only the hints in the requested range', () => {
  assert.deepEqual(hints(APP, { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }), ['7:20 = /srv/web', '8:49 = /srv/web/']);
});

test('a long value is shortened; the tooltip has it whole with each variable', () => {
  const long = 'x'.repeat(80);
  const model = parseDocument(`FROM alpine:3.20\nARG LONG=${long}\nWORKDIR /$LONG\n`);
  const [h] = inlayHints(model);
  assert.equal(h.label, `= /${'x'.repeat(58)}…`);
  assert.equal(h.tooltip, `Resolved value: /${long}\n\nLONG = "${long}"`);
  assert.equal(h.paddingLeft, true);
});

test('half-typed text gives no error', () => {
  for (let cut = 0; cut <= APP.length; cut++) inlayHints(parseDocument(APP.slice(0, cut)));
  for (const t of ['FROM ${', 'ENV A=${B', 'WORKDIR $', 'ARG A=$A\nFROM a\nARG A\nWORKDIR $A']) inlayHints(parseDocument(t));
});
