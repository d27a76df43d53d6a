import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';

const ID = 'InvalidDefinitionDescription';

test('InvalidDefinitionDescription: off by default (experimental in BuildKit)', () => {
  const rule = findRule(ID)!;
  assert.equal(rule.severity, 'off');
  assert.deepEqual(lint(parseDocument('# hi\nFROM alpine AS base\n'), { rules: [rule] }), []);
});

test('InvalidDefinitionDescription: flags the last comment above a named FROM or an ARG when it does not start with the name', () => {
  assert.deepEqual(findings('# a non-descriptive comment\nFROM scratch AS base\n', ID), ['1:1-1:28']);
  assert.deepEqual(findings('FROM alpine\n# the version\nARG VERSION=1\n', ID), ['2:1-2:14']);
  assert.deepEqual(messages('# hello\nFROM scratch AS base\n', ID), [
    'The comment right above the stage `base` is read as its description, but does not start with `base`: write `# base <description>`, or put an empty line between them.',
  ]);
  assert.deepEqual(messages('FROM alpine\n# x\nARG A=1 B=2\n', ID), [
    'The comment right above these build arguments is read as the description of one of them, but does not start with a name (`A`, `B`): write `# <name> <description>`, or put an empty line between them.',
  ]);
});

test('InvalidDefinitionDescription: quiet for descriptions, separated comments, unnamed stages and other instructions', () => {
  assert.deepEqual(findings('# base is a stage for compiling\nFROM scratch AS base\n# VERSION This is the version.\nARG VERSION=1\n', ID), []);
  assert.deepEqual(findings('# a comment\n\nFROM scratch AS base\n# a comment\n#\nARG VERSION=1\n', ID), []);
  assert.deepEqual(findings('# a comment\nFROM scratch\n# install\nRUN true\n', ID), []);
  // Only the last comment line counts.
  assert.deepEqual(findings('# something\n# base compiles things\nFROM scratch AS base\n', ID), []);
  // Directives and pragmas are not descriptions.
  assert.deepEqual(findings('# syntax=docker/dockerfile:1\nARG A\n# hadolint ignore=DL3006\nFROM a AS b\n', ID), []);
});

test('InvalidDefinitionDescription: the fix inserts an empty line, keeping CRLF; not when a pragma is in the block', () => {
  assert.equal(fixed('# a comment\r\nFROM scratch AS base\r\n', ID), '# a comment\r\n\r\nFROM scratch AS base\r\n');
  assert.throws(() => fixed('# hadolint ignore=DL3006\n# a comment\nFROM scratch AS base\n', ID), /has no fix/);
});

test('InvalidDefinitionDescription: silenced by check=skip', () => {
  assert.deepEqual(findings('# check=skip=InvalidDefinitionDescription\nFROM alpine\n# x\nARG A\n', ID), []);
});
