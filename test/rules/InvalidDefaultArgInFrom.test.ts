import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';
import { isImageReference } from '../../server/src/rules/InvalidDefaultArgInFrom';

const ID = 'InvalidDefaultArgInFrom';

test('InvalidDefaultArgInFrom: flags a FROM image that the default ARG values make invalid, on the image', () => {
  assert.deepEqual(findings('ARG TAG\nFROM alpine:${TAG}\n', ID), ['2:6-2:19']);
  assert.deepEqual(messages('ARG TAG\nFROM alpine:${TAG}\n', ID), [
    'With the default values of its build arguments, `alpine:${TAG}` becomes `alpine:`, which is not a valid image reference. Give `TAG` a default value.',
  ]);
  assert.deepEqual(messages('ARG REGISTRY\nFROM $REGISTRY/app:1\n', ID), [
    'With the default values of its build arguments, `$REGISTRY/app:1` becomes `/app:1`, which is not a valid image reference. Give `REGISTRY` a default value.',
  ]);
  assert.deepEqual(messages('ARG BASE\nFROM $BASE AS b\n', ID), [
    'With the default values of its build arguments, `$BASE` becomes an empty image name. Give `BASE` a default value.',
  ]);
  assert.deepEqual(findings('ARG IMAGE=My/App\nFROM $IMAGE\n', ID), ['2:6-2:12']);
  // `ARG TAG OTHER` declares two arguments without defaults.
  assert.deepEqual(findings('ARG TAG OTHER\nFROM alpine:${TAG}\n', ID), ['2:6-2:19']);
});

test('InvalidDefaultArgInFrom: quiet with defaults, fallbacks, empty suffixes, platform arguments and literal images', () => {
  assert.deepEqual(findings('ARG TAG=3.20\nFROM alpine:${TAG}\n', ID), []);
  assert.deepEqual(findings('ARG TAG\nFROM alpine:${TAG:-3.20}\n', ID), []);
  assert.deepEqual(findings('ARG VARIANT\nFROM python:3.12${VARIANT}\n', ID), []);
  assert.deepEqual(findings('FROM --platform=$BUILDPLATFORM golang:1.22-alpine\nFROM ghcr.io/org/tool-${TARGETARCH}:1\n', ID), []);
  assert.deepEqual(findings('ARG V=3.20\nARG IMG=alpine:${V}\nFROM ${IMG}\n', ID), []);
  assert.deepEqual(findings('ARG V="3.20"\nFROM alpine:${V}\n', ID), []);
  // A literal bad reference is a syntax error, reported elsewhere.
  assert.deepEqual(findings('FROM Alpine\n', ID), []);
});

test('InvalidDefaultArgInFrom: a stage ARG does not provide a default to FROM', () => {
  assert.deepEqual(findings('FROM alpine AS a\nARG TAG=3.20\nFROM alpine:$TAG\n', ID), ['3:6-3:17']);
});

test('InvalidDefaultArgInFrom: silenced by check=skip', () => {
  assert.deepEqual(findings('# check=skip=InvalidDefaultArgInFrom\nARG TAG\nFROM alpine:${TAG}\n', ID), []);
});

test('isImageReference: the Docker reference grammar', () => {
  for (const ok of ['alpine', 'alpine:3.20', 'library/alpine', 'ghcr.io/org/app:1.2', 'localhost:5000/a/b', 'my-registry:5000/app', 'a__b', 'a.b-c', `img@sha256:${'a'.repeat(64)}`, 'scratch', '[::1]:5000/app']) {
    assert.equal(isImageReference(ok), true, ok);
  }
  for (const bad of ['', 'Alpine', 'alpine:', '/app', 'a//b', 'a:b:c', `img@sha256:${'a'.repeat(32)}`, 'a-', 'a:.tag', '0'.repeat(64), 'app/UPPER']) {
    assert.equal(isImageReference(bad), false, bad);
  }
  // A first part with capitals is read as a registry host, where capitals are allowed.
  assert.equal(isImageReference('Registry.Example.com/app'), true);
  assert.equal(isImageReference('UPPER/app'), true);
});
