/**
 * Hover on variables: references (`$X`, `${X:-d}`, pattern forms) in every kind of instruction,
 * and the names of ARG and ENV definitions. The tests assert the facts a reader needs — value,
 * origin, warning, who expands it — not whole texts.
 */
import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/document';
import { hover } from '../../server/src/service/hover';
import { hoverOn, md } from './lineHover';
import { variablesHover, wellKnownVariable } from '../../server/src/hover/variables';
import { instructionAt } from '../../server/src/service/hover';


const PY = [
  'ARG PYTHON_VERSION=3.11', //                                                  0
  'FROM python:${PYTHON_VERSION}-slim AS base', //                               1
  'ENV PYTHONDONTWRITEBYTECODE=1 \\', //                                         2
  '    PYTHONUNBUFFERED=1 \\', //                                                3
  '    PIP_NO_CACHE_DIR=1 \\', //                                                4
  '    PATH="/opt/venv/bin:$PATH"', //                                           5
  'RUN echo "building for $PYTHON_VERSION"', //                                  6
  'FROM base AS production', //                                                  7
  'ARG PYTHON_VERSION', //                                                       8
  'ARG TARGETARCH', //                                                           9
  'COPY --chown=appuser:appgroup . /app/py${PYTHON_VERSION%.*}', //            10
  'RUN echo $TARGETARCH $PYTHONUNBUFFERED ${PORT:-8000} \\$HOME', //          11
  'CMD gunicorn --bind "0.0.0.0:${PORT:-8000}" run:app', //                      12
].join('\n');

/**
 * The variables provider alone: in a FROM image the images provider, asked first, answers for
 * the whole image reference (its answer lists the variables' values too).
 */
function providerOn(text: string, line: number, needle: string, shift = 0): { md: string; range: string } | undefined {
  const model = parseDocument(text);
  const pos = { line, character: model.lines.lineText(line).indexOf(needle) + shift };
  const a = variablesHover({ model, pos, offset: model.lines.offsetAt(pos), ins: instructionAt(model, pos)! });
  return a && { md: a.markdown, range: `${a.range.start.line}:${a.range.start.character}-${a.range.end.line}:${a.range.end.character}` };
}

test('a global ARG in FROM: its value and that it is global', () => {
  const h = providerOn(PY, 1, '${PYTHON_VERSION}', 3)!;
  assert.match(h.md, /Value here: `3\.11`/);
  assert.match(h.md, /global ARG/);
  assert.match(h.md, /line 1\b/);
  assert.match(h.md, /`FROM` lines see it; inside a stage it is visible only after `ARG PYTHON_VERSION` is repeated/);
  assert.match(h.md, /--build-arg PYTHON_VERSION=/);
  assert.equal(h.range, '1:12-1:29'); // the whole `${PYTHON_VERSION}`
  // Through the hover service, in a FROM flag value (no image provider there).
  const flag = md('ARG PLATFORM=linux/arm64\nFROM --platform=$PLATFORM alpine\n', 1, '$PLATFORM', 1);
  assert.match(flag, /global ARG/);
  assert.match(flag, /Value here: `linux\/arm64`/);
});

test('a global ARG used in a stage without repeating it warns', () => {
  const h = md(PY, 6, '$PYTHON_VERSION', 2);
  assert.match(h, /⚠ not defined here/);
  assert.match(h, /global ARG \(line 1\)/);
  assert.match(h, /`ARG PYTHON_VERSION` is repeated/);
  assert.match(h, /empty string/);
});

test('a repeated global ARG takes the global default; pattern forms show their result', () => {
  const h = md(PY, 10, '${PYTHON_VERSION%', 4);
  assert.match(h, /Value here: `3\.11`/);
  assert.match(h, /takes the value of the global ARG on line 1/);
  assert.match(h, /removes the shortest suffix/);
  assert.match(h, /here: `3`/);
  assert.match(h, /1\.7/); // pattern forms need Dockerfile syntax 1.7
});

test('ENV name hover: the value, persistence and the well-known explanation', () => {
  const h = hoverOn(PY, 3, 'PYTHONUNBUFFERED', 2)!;
  assert.match(h.md, /\*\*`PYTHONUNBUFFERED`\*\* · `ENV` in stage `base`/);
  assert.match(h.md, /Value: `1`/);
  assert.match(h.md, /persists into the image/);
  assert.match(h.md, /docker logs/);
  assert.match(h.md, /\| Value \| Purpose \| Effect on the image and container \|/);
  assert.equal(h.range, '3:4-3:20');
  // Each name of a multi-variable ENV has its own hover.
  assert.match(md(PY, 2, 'PYTHONDONTWRITEBYTECODE'), /\.pyc/);
  assert.match(md(PY, 4, 'PIP_NO_CACHE_DIR'), /cache/i);
});

test('a value that refers to a variable not known here keeps it as written', () => {
  assert.match(md(PY, 5, 'PATH'), /Value: `\/opt\/venv\/bin:\$PATH`/);
  const ref = md(PY, 5, '$PATH', 1);
  assert.match(ref, /base image sets `PATH`/);
  assert.doesNotMatch(ref, /⚠ not defined/);
});

test('ENV inherited from the parent stage, seen in a RUN body', () => {
  const h = md(PY, 11, '$PYTHONUNBUFFERED', 1);
  assert.match(h, /ENV inherited from stage `base`/);
  assert.match(h, /line 4/); // the line of the name, inside a continued ENV
  assert.match(h, /ARG values are visible as environment variables during `RUN` but not in the final image/);
  assert.match(h, /ENV values persist into the image/);
});

test('automatic platform ARGs: in FROM directly, in a stage after ARG, else a warning', () => {
  const from = md('FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n', 0, '$BUILDPLATFORM', 1);
  assert.match(from, /automatic platform ARG/);
  assert.match(from, /machine running the build/);
  const declared = md(PY, 11, '$TARGETARCH', 1);
  assert.match(declared, /automatic platform ARG/);
  assert.match(declared, /amd64/);
  assert.match(declared, /`ARG TARGETARCH` on line 10/);
  const missing = md('FROM alpine\nRUN echo $TARGETOS\n', 1, '$TARGETOS', 1);
  assert.match(missing, /⚠ not defined here/);
  assert.match(missing, /ARG TARGETOS/);
});

test('a `:-` default: what it does and the result here', () => {
  const h = hoverOn(PY, 11, '${PORT:-8000}', 3)!;
  assert.match(h.md, /`:-` default: gives `8000` when `PORT` is unset or empty/);
  assert.match(h.md, /Result of `\$\{PORT:-8000\}` here: `8000`/);
  assert.match(h.md, /default applies/);
  assert.equal(h.range, '11:39-11:52');
  // The hover on the name inside the braces is the same reference.
  assert.match(md(PY, 11, 'PORT:-'), /`:-` default/);
});

test('`:+`, `-` and `+` modifiers are explained', () => {
  const text = 'FROM alpine\nARG DEBUG=\nARG V=2\nRUN echo ${DEBUG:+--verbose} ${DEBUG-none} ${V+set}\n';
  const alt = md(text, 3, '${DEBUG:+', 2);
  assert.match(alt, /gives `--verbose` when `DEBUG` is set and not empty, else an empty string/);
  assert.match(alt, /Result of `\$\{DEBUG:\+--verbose\}` here: an empty string/);
  assert.match(md(text, 3, '${DEBUG-', 2), /only when `DEBUG` is unset; an empty value is kept/);
  assert.match(md(text, 3, '${V+', 2), /even to an empty value/);
  assert.match(md(text, 3, '${V+', 2), /here: `set`/);
});

test('an escaped `\\$HOME` is not a variable', () => {
  const h = md(PY, 11, '\\$HOME', 2);
  assert.doesNotMatch(h, /HOME/);
});

test('shell-form CMD: expanded at container start, where only ENV exists', () => {
  const h = md(PY, 12, '${PORT', 2);
  assert.match(h, /when the container starts/);
  assert.match(h, /only ENV values exist then/);
  const text = 'FROM python:3.12-slim\nARG APP_MODULE=run:app\nCMD gunicorn $APP_MODULE\n';
  const arg = md(text, 2, '$APP_MODULE', 1);
  assert.match(arg, /⚠ not defined here/);
  assert.match(arg, /build arguments do not exist in the running container/);
  assert.match(arg, /ENV APP_MODULE=\$APP_MODULE/);
});

test('exec form does not expand; single quotes in RUN do not either', () => {
  const text = 'FROM alpine\nENV PORT=8000\nCMD ["echo", "$PORT"]\nRUN echo \'$PORT\'\n';
  const exec = md(text, 2, '$PORT', 1);
  assert.match(exec, /Value here: `8000`/);
  assert.match(exec, /Exec form \(JSON array\) runs the program without a shell/);
  assert.match(md(text, 3, '$PORT', 1), /Inside single quotes: not expanded/);
});

test('build-arg only: an ARG without default', () => {
  const text = 'FROM alpine\nARG VERSION\nRUN echo $VERSION\n';
  assert.match(md(text, 2, '$VERSION', 1), /ARG without default, build-arg only/);
  const def = md(text, 1, 'VERSION');
  assert.match(def, /set it with `docker build --build-arg VERSION=…`/);
});

test('ARG definition names: global, stage, several in one line', () => {
  const text = 'ARG BASE=alpine:3.20\nFROM $BASE\nARG A=1 B=$A\n';
  const g = md(text, 0, 'BASE');
  assert.match(g, /global `ARG` \(before the first `FROM`\)/);
  assert.match(g, /Value: `alpine:3\.20`/);
  const b = md(text, 2, 'B=');
  assert.match(b, /`ARG` in stage 1/);
  assert.match(b, /Value: `1` \(written `\$A`\)/);
  assert.match(md(text, 2, '$A', 1), /Value here: `1`/);
});

test('ENV wins over a later ARG of the same name', () => {
  const text = 'FROM alpine\nENV MODE=prod\nARG MODE=dev\nRUN echo $MODE\n';
  assert.match(md(text, 2, 'MODE'), /⚠ `ENV MODE` \(line 2\) is already in effect/);
  const ref = md(text, 3, '$MODE', 1);
  assert.match(ref, /Value here: `prod`/);
  assert.match(ref, /does not change it: an ENV wins over an ARG/);
});

test('ENV in the legacy `ENV NAME value` form', () => {
  const h = md('FROM node:20\nENV NODE_ENV production\n', 1, 'NODE_ENV');
  assert.match(h, /Value: `production`/);
  assert.match(h, /devDependencies/);
});

test('a variable defined later, or in another stage, warns where it is used', () => {
  const text = 'FROM alpine AS a\nENV GREETING=hi\nFROM alpine AS b\nRUN echo $GREETING $LATE\nENV LATE=1\n';
  assert.match(md(text, 3, '$GREETING', 1), /stage `a` defines it \(line 2\), but this stage is not built from it/);
  assert.match(md(text, 3, '$LATE', 1), /`ENV LATE` comes later, on line 5/);
});

test('a variable set by the script itself is not an undefined one', () => {
  const h = md('FROM alpine\nRUN for f in a b; do echo $f; done\n', 1, '$f', 1);
  assert.match(h, /Set by the shell script itself/);
  assert.doesNotMatch(h, /⚠/);
});

test('references inside flag values and nested in a default', () => {
  const text = 'FROM alpine\nARG UID=1000\nARG FALLBACK=x\nCOPY --chown=${UID}:${GID:-$FALLBACK} . /app\n';
  assert.match(md(text, 3, '${UID}', 2), /Value here: `1000`/);
  assert.match(md(text, 3, '$FALLBACK', 1), /^\*\*`\$FALLBACK`\*\*/);
  assert.match(md(text, 3, 'GID'), /Result of `\$\{GID:-\$FALLBACK\}` here: `x`/);
});

test('RUN heredoc bodies and ONBUILD triggers', () => {
  const text = 'FROM alpine\nARG NAME=world\nRUN <<EOF\necho "hello $NAME"\nEOF\nONBUILD RUN echo $NAME\n';
  assert.match(md(text, 3, '$NAME', 1), /Value here: `world`/);
  assert.match(md(text, 5, '$NAME', 1), /Inside `ONBUILD`: expanded later/);
});

test('well-known variables: exact names, families and lower-case proxies', () => {
  assert.match(wellKnownVariable('DEBIAN_FRONTEND')!.markdown, /noninteractive/);
  assert.equal(wellKnownVariable('PIP_EXTRA_INDEX_URL')!.name, 'PIP_*');
  assert.equal(wellKnownVariable('PIP_INDEX_URL')!.name, 'PIP_INDEX_URL');
  assert.equal(wellKnownVariable('npm_config_loglevel')!.name, 'NPM_CONFIG_*');
  assert.equal(wellKnownVariable('https_proxy')!.name, 'HTTPS_PROXY');
  assert.equal(wellKnownVariable('PIP_'), undefined);
  assert.equal(wellKnownVariable('MY_OWN_THING'), undefined);
  for (const name of ['NODE_ENV', 'JAVA_TOOL_OPTIONS', 'CGO_ENABLED', 'GOPROXY', 'RAILS_ENV', 'ASPNETCORE_URLS', 'TZ', 'LANG', 'FLASK_APP', 'GUNICORN_CMD_ARGS', 'UV_LINK_MODE', 'POETRY_VIRTUALENVS_CREATE', 'BUNDLE_WITHOUT']) {
    assert.ok(wellKnownVariable(name), name);
  }
  assert.match(md('FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\n', 1, 'DEBIAN_FRONTEND'), /not with `ENV`/);
});

test('no variable hover away from variables', () => {
  assert.doesNotMatch(md(PY, 6, 'building'), /not defined/);
  assert.equal(hoverOn('FROM alpine\nRUN echo $1 $? $$\n', 1, '$1'), null);
});

