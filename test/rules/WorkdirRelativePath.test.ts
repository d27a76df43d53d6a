import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const ID = 'WorkdirRelativePath';

test('WorkdirRelativePath: flags the first WORKDIR of a stage when it is relative, on its path', () => {
  assert.deepEqual(findings('FROM node:20\nWORKDIR app\n', ID), ['2:9-2:12']);
  assert.deepEqual(messages('FROM node:20\nWORKDIR app\n', ID), [
    '`WORKDIR app` is relative and no absolute WORKDIR is set before it: it lands inside whatever working directory the base image has, which can change with the image.',
  ]);
  // Only the first one: later ones build on it.
  assert.deepEqual(findings('FROM node:20\nWORKDIR app\nWORKDIR src\n', ID), ['2:9-2:12']);
});

test('WorkdirRelativePath: quiet when the first WORKDIR is absolute, even if later ones are relative', () => {
  assert.deepEqual(findings('FROM node:20\nWORKDIR /app\nWORKDIR src\n', ID), []);
  assert.deepEqual(findings('FROM node:20\nWORKDIR "/app"\n', ID), []);
});

test('WorkdirRelativePath: a WORKDIR in a stage it is built FROM counts; other stages do not', () => {
  assert.deepEqual(findings('FROM node:20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n', ID), []);
  assert.deepEqual(findings('FROM node:20 AS base\nWORKDIR /srv\nFROM node:20\nWORKDIR app\n', ID), ['4:9-4:12']);
  assert.deepEqual(findings('FROM node:20 AS base\nWORKDIR app\nFROM base\nWORKDIR other\n', ID), ['2:9-2:12']);
});

test('WorkdirRelativePath: variables are expanded where their value is known', () => {
  assert.deepEqual(findings('FROM node:20\nENV APP=/srv/app\nWORKDIR $APP\n', ID), []);
  assert.deepEqual(findings('FROM node:20\nENV APP=srv\nWORKDIR ${APP}/x\n', ID), ['3:9-3:17']);
  // Unknown here (base image, build argument): not reported.
  assert.deepEqual(findings('FROM node:20\nWORKDIR $HOME/app\n', ID), []);
  assert.deepEqual(findings('FROM node:20\nARG DIR\nWORKDIR $DIR\n', ID), []);
});

test('WorkdirRelativePath: Windows paths with a drive or a backslash are absolute in Windows images', () => {
  assert.deepEqual(findings('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n', ID), []);
  assert.deepEqual(findings('FROM alpine\nWORKDIR C:\\app\n', ID), ['2:9-2:15']);
});

test('WorkdirRelativePath: ONBUILD WORKDIR is not checked; silenced by check=skip', () => {
  assert.deepEqual(findings('FROM node:20\nONBUILD WORKDIR app\n', ID), []);
  assert.deepEqual(findings('# check=skip=WorkdirRelativePath\nFROM node:20\nWORKDIR app\n', ID), []);
});
