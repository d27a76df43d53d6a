import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3006: flags an untagged base image, on the image reference', () => {
  assert.deepEqual(findings('FROM python\nRUN python --version\n', 'DL3006'), ['1:6-1:12']);
  assert.deepEqual(messages('FROM python\n', 'DL3006'), ['`python` has no tag, so the build uses whatever `python:latest` points to that day; name a version.']);
  assert.deepEqual(findings('FROM --platform=linux/amd64 node AS build\n', 'DL3006'), ['1:29-1:33']);
  assert.deepEqual(findings('FROM \\\n  python AS x\n', 'DL3006'), ['2:3-2:9']);
});

test('DL3006: a registry port is not a tag', () => {
  assert.deepEqual(findings('FROM reg.example.com:5000/app\n', 'DL3006'), ['1:6-1:30']);
  assert.deepEqual(findings('FROM localhost:5000/team/app\n', 'DL3006'), ['1:6-1:29']);
  assert.deepEqual(findings('FROM reg.example.com:5000/app:1.4\n', 'DL3006'), []);
});

test('DL3006: quiet with a tag or a digest, for scratch and for variables', () => {
  assert.deepEqual(findings('FROM python:3.12\n', 'DL3006'), []);
  assert.deepEqual(findings('FROM python@sha256:0123456789abcdef\n', 'DL3006'), []);
  assert.deepEqual(findings('FROM scratch\n', 'DL3006'), []);
  assert.deepEqual(findings('ARG BASE=python:3.12\nFROM $BASE\n', 'DL3006'), []);
  assert.deepEqual(findings('ARG REGISTRY=ghcr.io\nFROM ${REGISTRY}/app\n', 'DL3006'), []);
  assert.deepEqual(findings('ARG IMAGE=app:1\nFROM ghcr.io/org/${IMAGE}\n', 'DL3006'), []);
  assert.deepEqual(findings('ARG ORG=me\nFROM ghcr.io/$ORG/app\n', 'DL3006'), ['2:6-2:22']);
});

test('DL3006: quiet for an earlier stage name, in any case; a later stage name is an image', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS build\nRUN go build\nFROM build\n', 'DL3006'), []);
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM Build\n', 'DL3006'), []);
  assert.deepEqual(findings('FROM app\nFROM alpine:3.20 AS app\n', 'DL3006'), ['1:6-1:9']);
});

test('DL3006: honours hadolint ignore pragmas and the rules setting', () => {
  assert.deepEqual(findings('# hadolint ignore=DL3006\nFROM python\n', 'DL3006'), []);
  assert.deepEqual(findings('# hadolint global ignore=DL3006\nFROM python\nFROM node\n', 'DL3006'), []);
  assert.deepEqual(findings('FROM python\n', 'DL3006', { rules: { DL3006: 'off' } }), []);
});
