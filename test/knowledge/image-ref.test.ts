/**
 * Image references read as Docker reads them: registry, repository, tag, digest and the
 * defaults, with hand-written expectations; tags split into version and variant words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalRef, maskVariables, parseImageRef, splitTag, versionPrecision } from '../../server/src/knowledge/image-ref';

/** The fields a reader cares about, for compact literal expectations. */
function parts(text: string) {
  const r = parseImageRef(text);
  return { registry: r.registry, repository: r.repository, tag: r.tag, digest: r.digest, effectiveTag: r.effectiveTag, familiar: r.familiar };
}

const DIGEST = 'sha256:561618e2c15bf2397621dd04f96926663a3b5616c189cf7e38db7e82f5c538ea';

test('a single name is an Official Image on Docker Hub, pulled as latest', () => {
  assert.deepEqual(parts('ubuntu'), { registry: 'docker.io', repository: 'library/ubuntu', tag: undefined, digest: undefined, effectiveTag: 'latest', familiar: 'ubuntu' });
  const r = parseImageRef('ubuntu');
  assert.deepEqual(r.defaulted, { registry: true, library: true, tag: true });
  assert.equal(r.officialImage, true);
  assert.equal(canonicalRef(r), 'docker.io/library/ubuntu:latest');
});

test('name and tag', () => {
  assert.deepEqual(parts('python:3.11-slim'), { registry: 'docker.io', repository: 'library/python', tag: '3.11-slim', digest: undefined, effectiveTag: '3.11-slim', familiar: 'python' });
  assert.equal(canonicalRef(parseImageRef('python:3.11-slim')), 'docker.io/library/python:3.11-slim');
});

test('a namespace on Docker Hub is not library/', () => {
  const r = parseImageRef('bitnami/redis:7.2');
  assert.deepEqual(parts('bitnami/redis:7.2'), { registry: 'docker.io', repository: 'bitnami/redis', tag: '7.2', digest: undefined, effectiveTag: '7.2', familiar: 'bitnami/redis' });
  assert.equal(r.namespace, 'bitnami');
  assert.equal(r.name, 'redis');
  assert.equal(r.officialImage, false);
  assert.equal(r.defaulted.library, false);
});

test('docker.io and index.docker.io written out are Docker Hub; library/ written out is still official', () => {
  assert.deepEqual(parts('docker.io/library/ubuntu:noble'), { registry: 'docker.io', repository: 'library/ubuntu', tag: 'noble', digest: undefined, effectiveTag: 'noble', familiar: 'ubuntu' });
  assert.deepEqual(parts('index.docker.io/nginx'), { registry: 'docker.io', repository: 'library/nginx', tag: undefined, digest: undefined, effectiveTag: 'latest', familiar: 'nginx' });
  assert.equal(parseImageRef('docker.io/library/ubuntu:noble').registryExplicit, true);
  assert.equal(parseImageRef('library/ubuntu').officialImage, true);
});

test('a first component with a dot, a port or named localhost is a registry', () => {
  assert.deepEqual(parts('gcr.io/distroless/static-debian12:nonroot'), {
    registry: 'gcr.io',
    repository: 'distroless/static-debian12',
    tag: 'nonroot',
    digest: undefined,
    effectiveTag: 'nonroot',
    familiar: 'gcr.io/distroless/static-debian12',
  });
  assert.deepEqual(parts('localhost:5000/team/app:1.2'), { registry: 'localhost:5000', repository: 'team/app', tag: '1.2', digest: undefined, effectiveTag: '1.2', familiar: 'localhost:5000/team/app' });
  assert.deepEqual(parts('localhost/app'), { registry: 'localhost', repository: 'app', tag: undefined, digest: undefined, effectiveTag: 'latest', familiar: 'localhost/app' });
  assert.deepEqual(parts('mcr.microsoft.com/dotnet/aspnet:8.0'), { registry: 'mcr.microsoft.com', repository: 'dotnet/aspnet', tag: '8.0', digest: undefined, effectiveTag: '8.0', familiar: 'mcr.microsoft.com/dotnet/aspnet' });
  // A port without a tag: the `:` before the `/` is not a tag.
  assert.deepEqual(parts('registry:5000/app'), { registry: 'registry:5000', repository: 'app', tag: undefined, digest: undefined, effectiveTag: 'latest', familiar: 'registry:5000/app' });
  // Without a dot, port or `localhost`, the first component is a Docker Hub account.
  assert.equal(parseImageRef('registry/app').registry, 'docker.io');
});

test('a digest pins the image; with a digest and no tag there is no implied latest', () => {
  assert.deepEqual(parts(`ubuntu:24.04@${DIGEST}`), { registry: 'docker.io', repository: 'library/ubuntu', tag: '24.04', digest: DIGEST, effectiveTag: '24.04', familiar: 'ubuntu' });
  assert.deepEqual(parts(`alpine@${DIGEST}`), { registry: 'docker.io', repository: 'library/alpine', tag: undefined, digest: DIGEST, effectiveTag: undefined, familiar: 'alpine' });
  assert.equal(canonicalRef(parseImageRef(`alpine@${DIGEST}`)), `docker.io/library/alpine@${DIGEST}`);
  assert.deepEqual(parseImageRef(`alpine@${DIGEST}`).problems, []);
});

test('what Docker would reject', () => {
  // `My` has an upper-case letter, so it reads as a registry host; `App` is then a bad repository name.
  assert.equal(parseImageRef('My/App').registry, 'My');
  assert.deepEqual(parseImageRef('My/App').problems, ['repository names must be lower case']);
  assert.deepEqual(parseImageRef('localhost/My/App').problems, ['repository names must be lower case']);
  assert.deepEqual(parseImageRef('Ubuntu').problems, ['repository names must be lower case']);
  assert.deepEqual(parseImageRef('golang:-alpine').problems, ['`-alpine` is not a valid tag (letters, digits, `_`, `.`, `-`; at most 128; not starting with `.` or `-`)']);
  assert.deepEqual(parseImageRef('alpine@sha256:abc').problems, ['`sha256:abc` is not a digest (`sha256:` and 64 hex digits)']);
  assert.deepEqual(parseImageRef('app--x_y/a__b.c').problems, []);
  assert.deepEqual(parseImageRef('my_registry.io/app').problems, ['`my_registry.io` is not a valid registry host']);
  assert.deepEqual(parseImageRef('app_/x').problems, ['`app_/x` is not a valid repository path (lower-case letters, digits and single `.`, `_`, `__` or `-` separators)']);
});

test('variables are left unexpanded and reported', () => {
  const tagVar = parseImageRef('python:${PYTHON_VERSION}-slim');
  assert.deepEqual(
    { repository: tagVar.repository, tag: tagVar.tag, variables: tagVar.variables, registryKnown: tagVar.registryKnown, problems: tagVar.problems },
    { repository: 'library/python', tag: '${PYTHON_VERSION}-slim', variables: ['PYTHON_VERSION'], registryKnown: true, problems: [] },
  );
  const whole = parseImageRef('$BASE_IMAGE');
  assert.deepEqual({ path: whole.path, variables: whole.variables, registryKnown: whole.registryKnown, library: whole.defaulted.library }, { path: '$BASE_IMAGE', variables: ['BASE_IMAGE'], registryKnown: false, library: false });
  const host = parseImageRef('${REGISTRY:-ghcr.io/acme}/app:${TAG}');
  assert.deepEqual({ path: host.path, tag: host.tag, variables: host.variables, registryKnown: host.registryKnown }, { path: '${REGISTRY:-ghcr.io/acme}/app', tag: '${TAG}', variables: ['REGISTRY', 'TAG'], registryKnown: false });
  assert.deepEqual(maskVariables('a${B:-x/y}c$D'), { masked: 'avvvvvvvvvcvv', variables: ['B', 'D'] });
});

test('a tag splits into version and variant words', () => {
  assert.deepEqual(splitTag('3.11-slim-bookworm'), { version: '3.11', words: [{ text: 'slim', key: 'slim' }, { text: 'bookworm', key: 'bookworm' }] });
  assert.deepEqual(splitTag('22-alpine3.20'), { version: '22', words: [{ text: 'alpine3.20', key: 'alpine', version: '3.20' }] });
  assert.deepEqual(splitTag('lts-alpine'), { words: [{ text: 'lts', key: 'lts' }, { text: 'alpine', key: 'alpine' }] });
  assert.deepEqual(splitTag('3.9-eclipse-temurin-21'), { version: '3.9', words: [{ text: 'eclipse-temurin-21', key: 'eclipse-temurin', version: '21' }] });
  assert.deepEqual(splitTag('12.4.1-cudnn-devel-ubuntu22.04'), {
    version: '12.4.1',
    words: [{ text: 'cudnn', key: 'cudnn' }, { text: 'devel', key: 'devel' }, { text: 'ubuntu22.04', key: 'ubuntu', version: '22.04' }],
  });
  assert.deepEqual(splitTag('1.22-windowsservercore-ltsc2022'), { version: '1.22', words: [{ text: 'windowsservercore', key: 'windowsservercore' }, { text: 'ltsc2022', key: 'ltsc', version: '2022' }] });
  assert.deepEqual(splitTag('v3.1'), { version: 'v3.1', words: [] });
  assert.deepEqual(splitTag('nonroot-${ARCH}'), { words: [{ text: 'nonroot', key: 'nonroot' }, { text: '${ARCH}', key: '', variable: true }] });
  assert.deepEqual(splitTag('${V:-1-2}-slim'), { words: [{ text: '${V:-1-2}', key: '', variable: true }, { text: 'slim', key: 'slim' }] });
});

test('how far a version tag follows releases', () => {
  assert.equal(versionPrecision('3'), 'major');
  assert.equal(versionPrecision('3.11'), 'minor');
  assert.equal(versionPrecision('3.11.9'), 'patch');
  assert.equal(versionPrecision('v2'), 'major');
  assert.equal(versionPrecision('8u502'), undefined);
});
