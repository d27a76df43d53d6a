/**
 * Hover on stage names, at the definition (`AS name`) and at every use (`FROM name`,
 * `COPY --from=name` or an index, `RUN --mount=…,from=name`): the base chain, where the stage
 * is used, final stage or default target, and the `docker build --target` line.
 */
import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/document';
import { hover } from '../../server/src/service/hover';

/**
 * The hover with the cursor inside the `nth` occurrence of `needle` (`at` characters into it, its
 * middle by default): its Markdown and the text of its range.
 */
function hoverOn(text: string, needle: string, nth = 0, at = Math.floor(needle.length / 2)): { md: string; token: string } {
  const model = parseDocument(text);
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} not in the text`);
  const h = hover(model, model.lines.positionAt(offset + at));
  assert.ok(h, `no hover on ${needle}`);
  const md = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : String(h.contents);
  assert.ok(h.range, 'no range');
  const token = text.slice(model.lines.offsetAt(h.range.start), model.lines.offsetAt(h.range.end));
  return { md, token };
}

// The seed's shape: base → dependencies → development / production.
const SEED = [
  'FROM python:3.11-slim AS base', //                                                   line 1
  'WORKDIR /app', //                                                                    2
  'FROM base AS dependencies', //                                                       3
  'COPY requirements.txt .', //                                                         4
  'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt', //  5
  'FROM dependencies AS development', //                                                6
  'CMD ["flask", "run", "--reload"]', //                                                7
  'FROM dependencies AS production', //                                                 8
  'COPY --from=base /app/VERSION /app/VERSION', //                                      9
  'CMD ["gunicorn", "app:app"]', //                                                     10
].join('\n');

test('FROM base AS dependencies, on base: the chain, its uses and the --target line', () => {
  const { md, token } = hoverOn(SEED, 'FROM base', 0, 6);
  assert.equal(token, 'base');
  assert.match(md, /^\*\*Stage `base`\*\* · 1st of 4 stages \(index 0\), defined on line 1/);
  assert.match(md, /Base chain: `dependencies ← base ← python:3\.11-slim`/);
  assert.match(md, /- line 3: `FROM base` — stage `dependencies` builds on it \(this line\)/);
  assert.match(md, /- line 9: `COPY --from=base` copies files out of it into `production`/);
  assert.match(md, /\*\*Intermediate stage\*\*/);
  assert.match(md, /docker build --target base -t base \./);
});

test('FROM dependencies AS production, on dependencies: the full chain from production', () => {
  const { md, token } = hoverOn(SEED, 'dependencies AS production', 0, 3);
  assert.equal(token, 'dependencies');
  assert.match(md, /^\*\*Stage `dependencies`\*\*/);
  assert.match(md, /Base chain: `production ← dependencies ← base ← python:3\.11-slim`/);
  assert.match(md, /- line 6: `FROM dependencies` — stage `development` builds on it\n- line 8: `FROM dependencies` — stage `production` builds on it \(this line\)/);
  assert.match(md, /docker build --target dependencies -t dependencies \./);
});

test('the last stage, at its definition, is the default target', () => {
  const { md, token } = hoverOn(SEED, 'AS production', 0, 5);
  assert.equal(token, 'production');
  assert.match(md, /^\*\*Stage `production`\*\* · 4th of 4 stages \(index 3\), defined on line 8/);
  assert.match(md, /Base chain: `production ← dependencies ← base ← python:3\.11-slim`/);
  assert.match(md, /\*\*Final stage and default target\*\*/);
  assert.doesNotMatch(md, /Used by/);
  assert.match(md, /docker build --target production -t production \./);
});

test('a stage nothing uses, not last, is a final stage that is not built by default', () => {
  const { md } = hoverOn(SEED, 'AS development', 0, 5);
  assert.match(md, /\*\*Final stage\*\*: no other stage builds on it/);
  assert.match(md, /It is not the default target/);
  assert.match(md, /docker build --target development -t development \./);
});

test('COPY --from=<stage> shows the stage, on the name only', () => {
  const { md, token } = hoverOn(SEED, '--from=base', 0, 8);
  assert.equal(token, 'base');
  assert.match(md, /^\*\*Stage `base`\*\*/);
  assert.match(md, /Base chain: `base ← python:3\.11-slim`/);
  assert.match(md, /- line 9: `COPY --from=base` copies files out of it into `production` \(this line\)/);
  assert.doesNotMatch(md, /Registry/);
});

const BUILD = [
  'FROM golang:1.22 AS Builder', //                                                     1
  'RUN go build -o /out/app .', //                                                      2
  'FROM alpine:3.20 AS test', //                                                        3
  'RUN --mount=type=bind,from=builder,source=/out,target=/out /out/app -test', //       4
  'FROM scratch', //                                                                    5
  'ARG SRC=builder', //                                                                 6
  'COPY --from=0 /out/app /app', //                                                     7
  'COPY --from=$SRC /out/app /app2', //                                                 8
  'COPY --from=7 /x /x', //                                                             9
  'ONBUILD COPY --from=builder /a /b', //                                               10
].join('\n');

test('stage names compare without case; --target is written in lower case', () => {
  const { md } = hoverOn(BUILD, 'from=builder,', 0, 6);
  assert.match(md, /^\*\*Stage `Builder`\*\*/);
  assert.match(md, /`builder` names the stage `Builder`: BuildKit lowercases stage names/);
  assert.match(md, /- line 4: `RUN --mount=…,from=builder` mounts it in `test` \(this line\)/);
  assert.match(md, /docker build --target builder -t builder \./);
});

test('--from=<index> names the stage by its position', () => {
  const { md, token } = hoverOn(BUILD, '--from=0', 0, 7);
  assert.equal(token, '0');
  assert.match(md, /^\*\*Stage `Builder`\*\*/);
  assert.match(md, /`0` is the stage's index \(stages count from 0\)\. Its name `Builder` reads better/);
  assert.match(md, /- line 7: `COPY --from=0` copies files out of it into `stage 2` \(this line\)/);
});

test('--from=$VAR is expanded before the stage is looked up', () => {
  const { md, token } = hoverOn(BUILD, '$SRC');
  assert.equal(token, '$SRC');
  assert.match(md, /\n\*\*Stage `Builder`\*\*/);
  assert.match(md, /`\$SRC` expands to `builder` here/);
  assert.match(md, /- line 8: `COPY --from=\$SRC`/);
});

test('an index with no stage says so', () => {
  const { md } = hoverOn(BUILD, '--from=7', 0, 7);
  assert.match(md, /^\*\*`--from=7`\*\* · no such stage/);
  assert.match(md, /this file has 3 stages \(0–2\)/);
});

test('an unnamed stage cannot be targeted by name', () => {
  const { md } = hoverOn('FROM alpine:3.20\nRUN make\nFROM alpine:3.20\nCOPY --from=0 /a /a\n', '--from=0', 0, 7);
  assert.match(md, /^\*\*Stage 0\*\* \(unnamed\)/);
  assert.match(md, /Name the stage \(`AS <name>`\) and use the name/);
  assert.match(md, /`--target` needs a name/);
});

test('a COPY --from naming the stage it is in, or a later one, is pointed out', () => {
  const self = hoverOn('FROM alpine:3.20 AS app\nCOPY --from=app /a /b\n', '=app', 0, 2).md;
  assert.match(self, /a stage cannot copy from or mount itself/);
  const later = hoverOn('FROM alpine:3.20 AS app\nCOPY --from=assets /a /b\nFROM alpine:3.20 AS assets\n', '=assets', 0, 2).md;
  assert.match(later, /The stage is defined later \(line 3\)/);
});

test('a FROM whose variable expands to a stage name uses that stage', () => {
  const text = ['ARG FLAVOUR=base', 'FROM alpine:3.20 AS base', 'FROM ${FLAVOUR} AS final'].join('\n');
  const { md } = hoverOn(text, '${FLAVOUR}');
  assert.match(md, /\n\*\*Stage `base`\*\*/);
  assert.match(md, /Base chain: `final ← base ← alpine:3\.20`/);
});

test('the chain shows the resolved root image', () => {
  const text = ['ARG BASE_IMAGE=python:3.12', 'FROM $BASE_IMAGE AS base', 'FROM base AS app'].join('\n');
  assert.match(hoverOn(text, 'AS app', 0, 4).md, /Base chain: `app ← base ← python:3\.12 \(\$BASE_IMAGE\)`/);
});

test('duplicate stage names are pointed out', () => {
  const { md } = hoverOn('FROM alpine:3.20 AS app\nFROM debian:12 AS App\n', 'AS app', 0, 4);
  assert.match(md, /Line 2 defines a stage with the same name: BuildKit rejects duplicate stage names/);
});

test('silent inside ONBUILD: the name belongs to the build that uses this image', () => {
  assert.match(hoverOn(BUILD, 'builder /a', 0, 2).md, /^\*\*COPY --from\*\*/);
});
