import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3007: flags the latest tag, on the image reference', () => {
  assert.deepEqual(findings('FROM ubuntu:latest\nRUN apt-get update\n', 'DL3007'), ['1:6-1:19']);
  assert.deepEqual(messages('FROM ubuntu:latest\n', 'DL3007'), [
    '`ubuntu:latest` follows whatever is newest when you build, so two builds of the same Dockerfile can differ; name a version.',
  ]);
  assert.deepEqual(findings('FROM --platform=$BUILDPLATFORM golang:latest AS build\n', 'DL3007'), ['1:32-1:45']);
  assert.deepEqual(findings('FROM reg.example.com:5000/team/app:latest\n', 'DL3007'), ['1:6-1:42']);
  assert.deepEqual(findings('ARG BASE=ubuntu\nFROM $BASE:latest\n', 'DL3007'), ['2:6-2:18']);
});

test('DL3007: quiet with a digest, another tag, no tag, or an image named latest', () => {
  assert.deepEqual(findings('FROM ubuntu:latest@sha256:0123456789abcdef\n', 'DL3007'), []);
  assert.deepEqual(findings('FROM ubuntu:24.04\n', 'DL3007'), []);
  assert.deepEqual(findings('FROM ubuntu\n', 'DL3007'), []);
  assert.deepEqual(findings('FROM reg.example.com:5000/latest\n', 'DL3007'), []);
  assert.deepEqual(findings('FROM ubuntu:latest-ci\n', 'DL3007'), []);
});

test('DL3007: every stage is checked', () => {
  assert.deepEqual(findings('FROM node:latest AS build\nRUN npm ci\nFROM nginx:latest\n', 'DL3007'), ['1:6-1:17', '3:6-3:18']);
});

test('DL3007: honours hadolint ignore pragmas and the rules setting', () => {
  assert.deepEqual(findings('# hadolint ignore=DL3007\nFROM ubuntu:latest\n', 'DL3007'), []);
  assert.deepEqual(findings('FROM ubuntu:latest\n', 'DL3007', { rules: { DL3007: 'off' } }), []);
});
