/**
 * Document links from image references to their registry's page: Docker Hub official and user
 * images, ghcr.io, quay.io, mcr.microsoft.com, gcr.io and *-docker.pkg.dev, ECR Public — and
 * no link for a registry without a page we can name, for stages, `scratch` and unknown values.
 * Each link is written `line:col-line:col text -> target` (1-based, end exclusive).
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../server/src/model/document';
import { documentLinks } from '../server/src/service/links';

function links(text: string): string[] {
  const model = parseDocument(text);
  return documentLinks(model).map((l) => {
    const s = model.lines.offsetAt(l.range.start);
    const e = model.lines.offsetAt(l.range.end);
    return `${l.range.start.line + 1}:${l.range.start.character + 1}-${l.range.end.line + 1}:${l.range.end.character + 1} ${text.slice(s, e)} -> ${l.target}`;
  });
}

test('Docker Hub: official images under /_/, user images under /r/, with or without docker.io and library/', () => {
  const text = [
    'FROM python:3.12-slim AS base',
    'FROM bitnami/redis:7.2',
    'FROM docker.io/library/nginx:1.27@sha256:0000000000000000000000000000000000000000000000000000000000000000',
    'FROM index.docker.io/grafana/grafana',
    '',
  ].join('\n');
  assert.deepEqual(links(text), [
    '1:6-1:22 python:3.12-slim -> https://hub.docker.com/_/python',
    '2:6-2:23 bitnami/redis:7.2 -> https://hub.docker.com/r/bitnami/redis',
    '3:6-3:106 docker.io/library/nginx:1.27@sha256:0000000000000000000000000000000000000000000000000000000000000000 -> https://hub.docker.com/_/nginx',
    '4:6-4:37 index.docker.io/grafana/grafana -> https://hub.docker.com/r/grafana/grafana',
  ]);
});

test('other public registries: GitHub, Quay, Microsoft, Google, Amazon ECR Public', () => {
  const text = [
    'FROM ghcr.io/astral-sh/uv:0.4 AS uv',
    'FROM ghcr.io/home-assistant/amd64-base/python:3.12',
    'FROM quay.io/prometheus/node-exporter:v1.8.2',
    'FROM mcr.microsoft.com/dotnet/aspnet:8.0',
    'FROM gcr.io/distroless/static-debian12:nonroot',
    'FROM eu.gcr.io/my-project/tools/builder',
    'FROM gcr.io/example.com/scoped-project/image',
    'FROM us-docker.pkg.dev/my-project/containers/api/server:1.0',
    'FROM public.ecr.aws/lambda/python:3.12',
    '',
  ].join('\n');
  assert.deepEqual(links(text), [
    '1:6-1:30 ghcr.io/astral-sh/uv:0.4 -> https://github.com/users/astral-sh/packages/container/package/uv',
    '2:6-2:51 ghcr.io/home-assistant/amd64-base/python:3.12 -> https://github.com/users/home-assistant/packages/container/package/amd64-base%2Fpython',
    '3:6-3:45 quay.io/prometheus/node-exporter:v1.8.2 -> https://quay.io/repository/prometheus/node-exporter',
    '4:6-4:41 mcr.microsoft.com/dotnet/aspnet:8.0 -> https://mcr.microsoft.com/artifact/mar/dotnet/aspnet',
    '5:6-5:47 gcr.io/distroless/static-debian12:nonroot -> https://console.cloud.google.com/gcr/images/distroless/GLOBAL/static-debian12',
    '6:6-6:40 eu.gcr.io/my-project/tools/builder -> https://console.cloud.google.com/gcr/images/my-project/EU/tools/builder',
    '7:6-7:45 gcr.io/example.com/scoped-project/image -> https://console.cloud.google.com/gcr/images/example.com:scoped-project/GLOBAL/image',
    '8:6-8:60 us-docker.pkg.dev/my-project/containers/api/server:1.0 -> https://console.cloud.google.com/artifacts/docker/my-project/us/containers/api%2Fserver',
    '9:6-9:39 public.ecr.aws/lambda/python:3.12 -> https://gallery.ecr.aws/lambda/python',
  ]);
});

test('no link for registries we cannot name a page for — never a guess on Docker Hub', () => {
  const text = [
    'FROM registry.example.com/team/app:1.0',
    'FROM localhost:5000/app',
    'FROM 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:latest',
    'FROM myregistry.azurecr.io/base',
    'FROM quay.io/nested/path/image',
    'FROM docker.io/a/b/c',
    'FROM scratch',
    '',
  ].join('\n');
  assert.deepEqual(links(text), []);
});

test('stages are not images; COPY --from and RUN --mount from= images are linked', () => {
  const text = [
    'FROM golang:1.22 AS build',
    'FROM build AS test',
    'FROM alpine:3.20',
    'COPY --from=build /out/app /app',
    'COPY --from=0 /etc/ssl /etc/ssl',
    'COPY --from=busybox:1.36 /bin/busybox /bin/busybox',
    'RUN --mount=type=bind,from=ghcr.io/astral-sh/uv:0.4,source=/uv,target=/bin/uv uv --version',
    'ONBUILD COPY --from=node:20 /usr/local/bin/node /usr/local/bin/',
    '',
  ].join('\n');
  assert.deepEqual(links(text), [
    '1:6-1:17 golang:1.22 -> https://hub.docker.com/_/golang',
    '3:6-3:17 alpine:3.20 -> https://hub.docker.com/_/alpine',
    '6:13-6:25 busybox:1.36 -> https://hub.docker.com/_/busybox',
    '7:28-7:52 ghcr.io/astral-sh/uv:0.4 -> https://github.com/users/astral-sh/packages/container/package/uv',
  ]);
});

test('variables: resolved through ARG defaults; a variable in the tag keeps the link; an unknown registry or name gives none', () => {
  const text = [
    'ARG PYTHON=python:3.12-slim',
    'ARG REGISTRY',
    'ARG NODE_VERSION',
    'ARG STAGE=build',
    'FROM $PYTHON AS build',
    'FROM node:${NODE_VERSION}-alpine',
    'FROM ${REGISTRY}/team/app',
    'FROM ${STAGE}',
    '',
  ].join('\n');
  assert.deepEqual(links(text), ['5:6-5:13 $PYTHON -> https://hub.docker.com/_/python', '6:6-6:33 node:${NODE_VERSION}-alpine -> https://hub.docker.com/_/node']);
});

test('a tooltip names the registry', () => {
  const model = parseDocument('FROM quay.io/prometheus/prometheus\n');
  assert.equal(documentLinks(model)[0].tooltip, 'Open quay.io/prometheus/prometheus on Quay');
});

test('half-typed references give no link and no error', () => {
  for (const text of ['FROM ', 'FROM python:', 'FROM ghcr.io/', 'FROM ${', 'COPY --from= . .', 'FROM a\nRUN --mount=from=', 'FROM UPPER/case']) {
    for (let cut = 0; cut <= text.length; cut++) documentLinks(parseDocument(text.slice(0, cut)));
  }
  assert.deepEqual(links('FROM python:\n'), []);
});
