import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allInstructions, parseDocument } from '../../server/src/model/document';
import { packagesHover, parsePackageNotes, packageNote } from '../../server/src/hover/packages';
import { hover } from '../../server/src/service/hover';
import type { HoverAnswer } from '../../server/src/hover/types';

/**
 * The packages provider's answer with the cursor on `needle` (its `nth` occurrence, offset
 * `at` characters into it) in the Dockerfile `text`.
 */
function hoverOn(text: string, needle: string, at = 0, nth = 0): HoverAnswer | undefined {
  const model = parseDocument(text);
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} not in the text`);
  offset += at;
  const pos = model.lines.positionAt(offset);
  // The innermost instruction: for `ONBUILD RUN …`, the trigger (listed right after its ONBUILD).
  let found;
  for (const ins of allInstructions(model)) {
    const s = model.lines.offsetAt(ins.range.start);
    const e = model.lines.offsetAt(ins.range.end);
    if (offset >= s && offset <= e) found = ins;
  }
  return found && packagesHover({ model, pos, offset, ins: found });
}

const md = (a: HoverAnswer | undefined) => {
  assert.ok(a, 'no hover');
  return a.markdown;
};

const PY = [
  'FROM python:3.12-slim AS build',
  '# psycopg2 builds a C extension',
  'RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\',
  '    && rm -rf /var/lib/apt/lists/*',
  'RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5 ca-certificates frobnicate-tool',
  'RUN pip install --no-cache-dir flask==3.0.0 "uvicorn[standard]>=0.29" gunicorn',
  'RUN npm install -g express@4 typescript@5.4.5 pnpm@latest',
  'FROM alpine:3.20',
  'RUN apk add --no-cache --virtual .build-deps build-base postgresql-dev curl~8.9 tini@community',
  '',
].join('\n');

test('libpq-dev: PostgreSQL headers for psycopg2, a build-time package', () => {
  const a = hoverOn(PY, 'libpq-dev', 3);
  const text = md(a);
  assert.match(text, /\*\*libpq-dev\*\*/);
  assert.match(text, /apt-get/);
  assert.match(text, /PostgreSQL/);
  assert.match(text, /psycopg2/);
  assert.match(text, /[Hh]eaders/);
  assert.match(text, /[Bb]uild/);
  assert.match(text, /libpq5/, 'names the runtime library to keep');
  assert.match(text, /not pinned/);
  assert.match(text, /libpq-dev=<version>/);
  // the range is the word
  const line = PY.split('\n')[2];
  assert.equal(a!.range.start.line, 2);
  assert.equal(line.slice(a!.range.start.character, a!.range.end.character), 'libpq-dev');
});

test('gcc: the C compiler', () => {
  const text = md(hoverOn(PY, 'gcc ', 1));
  assert.match(text, /\*\*gcc\*\*/);
  assert.match(text, /compiler/);
  assert.match(text, /build-essential/);
});

test('apk build-base: Alpine’s build-essential', () => {
  const text = md(hoverOn(PY, 'build-base'));
  assert.match(text, /Alpine package/);
  assert.match(text, /`apk`/);
  assert.match(text, /build-essential/);
});

test('apk: postgresql-dev, a fuzzy pin and a repository tag', () => {
  assert.match(md(hoverOn(PY, 'postgresql-dev')), /psycopg2/);
  const curl = md(hoverOn(PY, 'curl~8.9', 2));
  assert.match(curl, /\*\*curl\*\*/);
  assert.match(curl, /`~8\.9`/);
  assert.match(curl, /fuzzy/);
  const tini = md(hoverOn(PY, 'tini@community'));
  assert.match(tini, /\*\*tini\*\*/);
  assert.match(tini, /@community/);
  assert.match(tini, /PID 1/);
});

test('apt: a pinned version is shown', () => {
  const text = md(hoverOn(PY, 'curl=7.88.1', 1));
  assert.match(text, /\*\*curl\*\*/);
  assert.match(text, /`7\.88\.1-10\+deb12u5`/);
  assert.match(text, /pinned/);
  assert.doesNotMatch(text, /not pinned/);
  // the cursor on the version part answers the same
  assert.match(md(hoverOn(PY, '7.88.1', 3)), /\*\*curl\*\*/);
});

test('an unknown package still gets its manager and pin advice', () => {
  const text = md(hoverOn(PY, 'frobnicate-tool', 4));
  assert.match(text, /\*\*frobnicate-tool\*\*/);
  assert.match(text, /Debian\/Ubuntu package/);
  assert.match(text, /apt-get/);
  assert.match(text, /not pinned/);
  assert.match(text, /frobnicate-tool=<version>/);
});

test('flags, flag values and subcommands are not packages', () => {
  assert.equal(hoverOn(PY, '-y --no', 1), undefined);
  assert.equal(hoverOn(PY, '--no-install-recommends', 5), undefined);
  assert.equal(hoverOn(PY, 'install -y --no', 2), undefined);
  assert.equal(hoverOn(PY, 'apt-get install', 2), undefined);
  assert.equal(hoverOn(PY, '.build-deps', 3), undefined);
  assert.equal(hoverOn(PY, '--no-cache-dir', 3), undefined);
  assert.equal(hoverOn(PY, '/var/lib/apt', 3), undefined);
  // nor in the full hover: the flag gets no package answer
  const h = hover(parseDocument(PY), { line: 2, character: 51 }, []);
  assert.doesNotMatch(JSON.stringify(h?.contents ?? ''), /not pinned/);
});

test('pip: exact pin, extras and a range', () => {
  const flask = md(hoverOn(PY, 'flask==3.0.0', 2));
  assert.match(flask, /\*\*flask\*\*/);
  assert.match(flask, /Python package/);
  assert.match(flask, /`==3\.0\.0`/);
  assert.match(flask, /pinned/);
  assert.doesNotMatch(flask, /not pinned/);
  assert.match(flask, /gunicorn/, 'the note says what serves Flask in production');
  const uvicorn = md(hoverOn(PY, 'uvicorn[standard]', 1));
  assert.match(uvicorn, /\*\*uvicorn\*\*/);
  assert.match(uvicorn, /Extras:\*\* `standard`/);
  assert.match(uvicorn, /`>=0\.29`/);
  assert.match(uvicorn, /range/);
  const gunicorn = md(hoverOn(PY, 'gunicorn', 1, 0));
  assert.match(gunicorn, /not pinned/);
  assert.match(gunicorn, /gunicorn==<version>/);
});

test('npm: a major-version range, an exact pin and a dist-tag', () => {
  const express = md(hoverOn(PY, 'express@4'));
  assert.match(express, /\*\*express\*\*/);
  assert.match(express, /npm package/);
  assert.match(express, /`4`/);
  assert.match(express, /range/);
  const ts = md(hoverOn(PY, 'typescript@5.4.5', 3));
  assert.match(ts, /`5\.4\.5`/);
  assert.match(ts, /compiler/);
  assert.match(md(hoverOn(PY, 'pnpm@latest')), /dist-tag/);
});

test('yarn, pnpm, gem, dnf, microdnf, zypper, go', () => {
  const doc = (run: string) => `FROM x\nRUN ${run}\n`;
  assert.match(md(hoverOn(doc('yarn global add serve@14.2.1'), 'serve')), /`14\.2\.1`/);
  assert.match(md(hoverOn(doc('pnpm add -g turbo'), 'turbo')), /not pinned/);
  const bundler = md(hoverOn(doc('gem install --no-document bundler -v 2.5.10'), 'bundler'));
  assert.match(bundler, /Ruby gem/);
  assert.match(bundler, /`2\.5\.10`/);
  assert.match(bundler, /Gemfile/);
  assert.match(md(hoverOn(doc('gem install rails:7.1.3'), 'rails')), /`7\.1\.3`/);
  const httpd = md(hoverOn(doc('dnf install -y httpd-2.4.57-5.el9 gcc-c++'), 'httpd'));
  assert.match(httpd, /\*\*httpd\*\*/);
  assert.match(httpd, /`2\.4\.57-5\.el9`/);
  assert.match(md(hoverOn(doc('dnf install -y httpd-2.4.57-5.el9 gcc-c++'), 'gcc-c++')), /g\+\+/);
  const tar = md(hoverOn(doc('microdnf install -y --nodocs tar gzip'), 'tar'));
  assert.match(tar, /microdnf/);
  assert.match(tar, /UBI minimal/);
  assert.match(md(hoverOn(doc('zypper --non-interactive install curl=8.0'), 'curl')), /`8\.0`/);
  assert.match(md(hoverOn(doc('go install golang.org/x/tools/gopls@v0.16.1'), 'gopls')), /`v0\.16\.1`/);
  assert.match(md(hoverOn(doc('dnf groupinstall -y "Development Tools"'), 'Development')), /build-essential/);
  assert.match(md(hoverOn(doc('dnf module install -y nodejs:20'), 'nodejs')), /Stream:\*\* `20`/);
});

test('apt: release, architecture, aliases, local files', () => {
  const doc = (run: string) => `FROM debian:bookworm\nRUN ${run}\n`;
  const bp = md(hoverOn(doc('apt-get install -y -t bookworm-backports golang-go/bookworm-backports'), 'golang-go'));
  assert.match(bp, /\*\*golang-go\*\*/);
  assert.match(bp, /Release:\*\* `bookworm-backports`/);
  assert.match(md(hoverOn(doc('apt-get install -y libc6:i386'), 'libc6')), /Architecture:\*\* `i386`/);
  // `gnupg2` is covered by the note of `gnupg`
  assert.match(md(hoverOn(doc('apt-get install -y gnupg2'), 'gnupg2')), /signature/);
  assert.match(md(hoverOn(doc('apt-get install -y ./pkg.deb'), 'pkg.deb')), /local `\.deb`/);
  // a glob stays readable in the heading
  assert.match(md(hoverOn(doc('apt-get install -y libcanberra-gtk*'), 'libcanberra')), /^\*\*`libcanberra-gtk\*`\*\*/);
  // a versioned compiler uses the note of its unversioned name
  assert.match(md(hoverOn(doc('apt-get install -y g++-12'), 'g++-12')), /C\+\+ compiler/);
});

test('variables in package lists belong to the variables provider', () => {
  const text = 'FROM debian\nARG V=1\nRUN apt-get install -y $PKGS curl=${V} "python3-${PY}"\n';
  assert.equal(hoverOn(text, '$PKGS', 0), undefined);
  assert.equal(hoverOn(text, '$PKGS', 3), undefined);
  assert.equal(hoverOn(text, '${V}', 2), undefined);
  const curl = md(hoverOn(text, 'curl='));
  assert.match(curl, /\*\*curl\*\*/);
  assert.match(curl, /set by a variable/);
  assert.match(md(hoverOn(text, 'python3-$', 2)), /built from a variable/);
});

test('install commands inside sh -c, heredocs and ONBUILD are seen', () => {
  const text = [
    'FROM debian',
    "RUN sh -c 'apt-get update && apt-get install -y git'",
    'RUN <<EOF',
    'set -e',
    'apt-get install -y --no-install-recommends tzdata',
    'EOF',
    'ONBUILD RUN pip install requests',
    'RUN bash -ec "apt-get install -y \\',
    '      libxml2-dev"',
    '',
  ].join('\n');
  assert.match(md(hoverOn(text, 'git')), /\*\*git\*\*/);
  assert.match(md(hoverOn(text, 'tzdata')), /time-zone/);
  assert.match(md(hoverOn(text, 'requests')), /Python package/);
  assert.match(md(hoverOn(text, 'libxml2-dev')), /lxml/);
});

test('not inside RUN, or not an install: no answer', () => {
  const text = 'FROM debian\nCMD apt-get install curl\nRUN apt-get remove -y curl && apt-get install -s wget\n';
  assert.equal(hoverOn(text, 'curl'), undefined);
  assert.equal(hoverOn(text, 'curl', 0, 1), undefined);
  assert.equal(hoverOn(text, 'wget'), undefined);
});

test('the hover service shows the package answer', () => {
  const h = hover(parseDocument(PY), { line: 2, character: 78 }, []);
  const value = (h?.contents as { value: string }).value;
  assert.match(value, /libpq-dev/);
  assert.match(value, /PostgreSQL/);
});

test('the data files: every note is short, and the format is what the parser reads', () => {
  const notes = parsePackageNotes('<!-- ## not-a-package -->\n## a\nAlso: b, c\n\nNote A.\n\n## d\n\nNote D.\n');
  assert.deepEqual([...notes.keys()], ['a', 'b', 'c', 'd']);
  assert.equal(notes.get('b'), 'Note A.');
  // pip names compare as pip does
  assert.ok(packageNote('python', 'Ruamel_YAML'));
  assert.ok(packageNote('redhat', 'unixodbc-devel'));
  for (const [eco, name] of [['debian', 'build-essential'], ['alpine', 'build-base'], ['redhat', 'gcc'], ['python', 'psycopg2'], ['node', 'typescript'], ['ruby', 'bundler']] as const) {
    assert.ok(packageNote(eco, name), `${eco} ${name}`);
  }
});
