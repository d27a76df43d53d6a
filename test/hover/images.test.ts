/**
 * Hover on image references (FROM, COPY --from=<image>, RUN --mount=…,from=<image>): how Docker
 * reads the reference, what the image and each tag word are, and how firmly it is pinned. The
 * tests check key facts on hand-written lines, not whole texts.
 */
import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../server/src/model/document';
import { hover } from '../../server/src/service/hover';
import { imageDoc, parseSections, registryDoc, variantDoc } from '../../server/src/hover/images';

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

const PY = [
  'FROM python:3.11-slim AS base', //
  'WORKDIR /app',
  'FROM base AS production',
  'COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/nginx.conf',
  'CMD ["gunicorn", "app:app"]',
].join('\n');

test('python:3.11-slim: Docker Hub, library/python, the tag, and what slim leaves out', () => {
  const { md, token } = hoverOn(PY, 'python:3.11-slim');
  assert.equal(token, 'python:3.11-slim');
  assert.match(md, /^\*\*`python:3\.11-slim`\*\* · base image of stage `base`/);
  assert.match(md, /\*\*Registry\*\*: `docker\.io` — Docker Hub/);
  assert.match(md, /\*\*Repository\*\*: `library\/python` — a Docker Official Image/);
  assert.match(md, /\*\*Tag\*\*: `3\.11-slim`/);
  assert.match(md, /\*\*Digest\*\*: none/);
  assert.match(md, /CPython/);
  assert.match(md, /`3\.11` — version 3\.11: the tag follows 3\.11\.x patch releases/);
  assert.match(md, /`slim` — .*without compilers, `-dev` headers, documentation/);
  assert.match(md, /\*\*Tag without digest\*\*/);
});

test('an alpine tag word explains musl and its Alpine release', () => {
  const { md, token } = hoverOn('FROM node:20-alpine3.20\n', 'node');
  assert.equal(token, 'node:20-alpine3.20');
  assert.match(md, /`alpine3\.20` \(alpine 3\.20\) — .*musl libc instead of glibc/);
  assert.match(md, /`20` — major version 20: the tag moves to every 20\.x release/);
  assert.match(md, /npm/);
});

test('COPY --from=<image> explains the image, on the image only', () => {
  const { md, token } = hoverOn(PY, 'nginx:1.27');
  assert.equal(token, 'nginx:1.27');
  assert.match(md, /^\*\*`nginx:1\.27`\*\* · image to copy from/);
  assert.match(md, /only what you copy ends up in your image/);
  assert.match(md, /`library\/nginx`/);
  assert.match(md, /reverse proxy/);
});

test('a name without a tag is unpinned: latest is implied', () => {
  const { md, token } = hoverOn('FROM ubuntu\nRUN true\n', 'ubuntu');
  assert.equal(token, 'ubuntu');
  assert.match(md, /\*\*Tag\*\*: `latest` — implied, none is written/);
  assert.match(md, /\*\*Unpinned\*\*: without a tag Docker pulls `latest`/);
  assert.match(md, /`ubuntu:<version>`/);
  assert.match(md, /UID 1000/);
});

test('an explicit latest is unpinned too; a release-line tag is a moving tag', () => {
  assert.match(hoverOn('FROM alpine:latest\n', 'alpine').md, /\*\*Unpinned\*\*: `latest` is only the default tag name/);
  assert.match(hoverOn('FROM node:lts-alpine\n', 'node').md, /\*\*Moving tag\*\*: `lts-alpine` names a release line/);
});

test('a digest pins the image; the tag beside it is informative', () => {
  const text = 'FROM ubuntu:24.04@sha256:561618e2c15bf2397621dd04f96926663a3b5616c189cf7e38db7e82f5c538ea AS base\n';
  const { md, token } = hoverOn(text, 'ubuntu');
  assert.equal(token, 'ubuntu:24.04@sha256:561618e2c15bf2397621dd04f96926663a3b5616c189cf7e38db7e82f5c538ea');
  assert.match(md, /\*\*Digest\*\*: `sha256:561618e2c15b…` — the exact image content/);
  assert.match(md, /\*\*Tag\*\*: `24\.04` \(informative: the digest decides what is pulled\)/);
  assert.match(md, /\*\*Pinned by digest\*\*/);
  assert.doesNotMatch(md, /Unpinned/);
});

test('$BASE_IMAGE is resolved from the global ARG the FROM line sees', () => {
  const text = ['ARG BASE_IMAGE=python:3.12', 'FROM $BASE_IMAGE AS base', 'RUN pip --version'].join('\n');
  const { md, token } = hoverOn(text, '$BASE_IMAGE', 0);
  assert.equal(token, '$BASE_IMAGE');
  assert.match(md, /\n\*\*`\$BASE_IMAGE`\*\* · base image of stage `base`/);
  assert.match(md, /\*\*Resolved from variables\*\*: `python:3\.12`/);
  assert.match(md, /`BASE_IMAGE` = `python:3\.12` \(`ARG` on line 1; `--build-arg BASE_IMAGE=…` overrides it\)/);
  assert.match(md, /`library\/python`/);
  assert.match(md, /\*\*Tag\*\*: `3\.12`/);
});

test('a variable without a default: the image is known only at build time', () => {
  const text = ['ARG ALPINE_VERSION', 'ARG GO_VERSION=1.22', 'FROM golang:${GO_VERSION}-alpine${ALPINE_VERSION} AS build'].join('\n');
  const { md } = hoverOn(text, 'golang');
  assert.match(md, /\*\*Depends on build arguments\*\*: known only at build time \(so far `golang:1\.22-alpine\$\{ALPINE_VERSION\}`\)/);
  assert.match(md, /`ALPINE_VERSION` has no default \(`ARG` on line 1\): the value comes from `--build-arg ALPINE_VERSION=…` at build time/);
  assert.match(md, /`GO_VERSION` = `1\.22`/);
  assert.match(md, /`library\/golang`/);
});

test('a variable declared only inside a stage is not seen by FROM', () => {
  const { md } = hoverOn('FROM alpine:3.20\nARG TAG=1\nFROM node:$TAG\n', 'node');
  assert.match(md, /`TAG` is not declared before this line, so it expands to an empty string \(a `FROM` sees only `ARG`s declared before the first `FROM`\)/);
});

test('scratch is the empty image', () => {
  const { md, token } = hoverOn('FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /app /app\n', 'scratch');
  assert.equal(token, 'scratch');
  assert.match(md, /^\*\*`scratch`\*\* · the empty image/);
  assert.match(md, /no files at all/);
  assert.doesNotMatch(md, /Registry/);
});

test('registries: explicit hosts are named and described', () => {
  const ghcr = hoverOn('FROM ghcr.io/acme/tools:v2.1.0\n', 'ghcr').md;
  assert.match(ghcr, /\*\*Registry\*\*: `ghcr\.io` — GitHub Container Registry/);
  assert.match(ghcr, /\*\*Repository\*\*: `acme\/tools`/);
  const local = hoverOn('FROM localhost:5000/team/app:1.0\n', 'team').md;
  assert.match(local, /\*\*Registry\*\*: `localhost:5000` — A registry on the build machine itself/);
  const hubUser = hoverOn('FROM bitnami/redis:7.2\n', 'bitnami').md;
  assert.match(hubUser, /published by the Docker Hub account `bitnami`, not a Docker Official Image/);
  const mirror = hoverOn('FROM public.ecr.aws/docker/library/redis:7-alpine\n', 'redis').md;
  assert.match(mirror, /a mirror of Docker Hub's official `redis`/);
  assert.match(mirror, /in-memory key-value store/);
});

test('patterns in the image data: distroless, .NET, UBI', () => {
  assert.match(hoverOn('FROM gcr.io/distroless/static-debian12:nonroot\n', 'distroless').md, /Distroless static: CA certificates/);
  assert.match(hoverOn('FROM gcr.io/distroless/java21-debian12\n', 'distroless').md, /Google's distroless images/);
  const aspnet = hoverOn('FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\n', 'aspnet').md;
  assert.match(aspnet, /port 8080/);
  assert.match(aspnet, /`jammy` — Ubuntu 22\.04 LTS/);
  assert.match(aspnet, /`chiseled` — .*without shell or package manager/);
  assert.match(hoverOn('FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\n', 'ubi9').md, /Universal Base Images/);
});

test('Windows and Java tag words', () => {
  const md = hoverOn('COPY --from=eclipse-temurin:21-jre-windowsservercore-ltsc2022 /java /java\n', 'eclipse').md;
  assert.match(md, /`jre` — A Java Runtime Environment only/);
  assert.match(md, /`windowsservercore` — Built on Windows Server Core/);
  assert.match(md, /`ltsc2022` — Windows Server 2022/);
});

test('RUN --mount from an image explains the image; from a stage, the stage provider answers', () => {
  const text = [
    'FROM golang:1.22 AS build',
    'FROM alpine:3.20',
    'RUN --mount=type=bind,from=busybox:1.36,source=/bin/busybox,target=/bb /bb true',
    'RUN --mount=type=bind,from=build,source=/go,target=/go true',
  ].join('\n');
  const img = hoverOn(text, 'busybox:1.36');
  assert.equal(img.token, 'busybox:1.36');
  assert.match(img.md, /^\*\*`busybox:1\.36`\*\* · image mounted for this `RUN`/);
  assert.match(img.md, /nothing from it is kept in the layer/);
  const stage = hoverOn(text, 'from=build', 0);
  assert.match(stage.md, /^\*\*Stage `build`\*\*/);
});

test('FROM <name of a later stage> is read as an image, and says so', () => {
  const { md } = hoverOn('FROM app AS test\nRUN make test\nFROM alpine:3.20 AS app\n', 'app');
  assert.match(md, /\*\*Repository\*\*: `library\/app`/);
  assert.match(md, /A stage named `app` is defined later, on line 3/);
});

test('invalid references say what Docker would reject', () => {
  assert.match(hoverOn('FROM Ubuntu:22.04\n', 'Ubuntu').md, /\*\*Invalid reference\*\*: Docker would reject it — repository names must be lower case/);
});

test('silent on stage names and indexes, and on bare names inside ONBUILD', () => {
  const text = ['FROM alpine:3.20 AS builder', 'FROM builder', 'COPY --from=0 /a /b', 'ONBUILD COPY --from=builder /a /b'].join('\n');
  assert.doesNotMatch(hoverOn(text, 'builder', 1).md, /Registry/);
  assert.match(hoverOn(text, '--from=0', 0, 7).md, /^\*\*Stage `builder`\*\*/);
  // Inside ONBUILD the name belongs to the build that uses this image: the flag's doc answers.
  assert.match(hoverOn(text, 'builder /a').md, /^\*\*COPY --from\*\*/);
});

// The knowledge files themselves.

function docsDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'server', 'docs', 'images'))) dir = join(dir, '..');
  return join(dir, 'server', 'docs', 'images');
}

test('every knowledge section has a summary of about 30 words or fewer and stays short', () => {
  for (const file of ['images.md', 'variants.md', 'registries.md']) {
    const sections = parseSections(readFileSync(join(docsDir(), file), 'utf8'));
    assert.ok(sections.length > 10, file);
    const seen = new Set<string>();
    for (const s of sections) {
      assert.ok(s.names.length && s.summary, `${file}: empty section ${s.names.join(', ')}`);
      assert.ok(s.summary.split(/\s+/).length <= 32, `${file}: ${s.names[0]} summary is too long`);
      assert.ok(s.markdown.split(/\n\s*\n/).length <= 3, `${file}: ${s.names[0]} has too many paragraphs`);
      for (const n of s.names) {
        assert.ok(!seen.has(n.toLowerCase()), `${file}: ${n} twice`);
        seen.add(n.toLowerCase());
      }
    }
  }
});

test('the images and tag words the hover promises are described', () => {
  for (const name of [
    'python', 'node', 'golang', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'nginx', 'httpd', 'postgres', 'mysql', 'mariadb',
    'redis', 'mongo', 'alpine', 'debian', 'ubuntu', 'busybox', 'scratch', 'gcr.io/distroless/static-debian12', 'ruby', 'php',
    'rust', 'mcr.microsoft.com/dotnet/sdk', 'mcr.microsoft.com/dotnet/aspnet', 'mcr.microsoft.com/dotnet/runtime', 'maven',
    'gradle', 'centos', 'rockylinux', 'almalinux', 'fedora', 'amazonlinux', 'registry.access.redhat.com/ubi9/ubi-minimal',
    'docker', 'bash', 'traefik', 'caddy', 'elasticsearch', 'rabbitmq', 'memcached', 'haproxy', 'jenkins/jenkins', 'nvidia/cuda',
  ]) {
    assert.ok(imageDoc(name), `no section for image ${name}`);
  }
  for (const word of [
    'slim', 'alpine', 'bookworm', 'bullseye', 'buster', 'trixie', 'jammy', 'noble', 'focal', 'windowsservercore', 'nanoserver',
    'ltsc2019', 'ltsc2022', 'distroless', 'dev', 'runtime', 'cudnn', 'devel', 'base', 'jdk', 'jre', 'fpm', 'apache', 'cli',
    'onbuild', 'latest', 'stable', 'lts', 'musl', 'glibc',
  ]) {
    assert.ok(variantDoc({ text: word, key: word }), `no section for tag word ${word}`);
  }
  assert.ok(registryDoc('123456789012.dkr.ecr.eu-west-1.amazonaws.com'));
  assert.ok(registryDoc('europe-west1-docker.pkg.dev'));
});
