import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3066: flags a USER given by name, on the user part', () => {
  assert.deepEqual(findings('FROM python:3.12\nUSER appuser\n', 'DL3066'), ['2:6-2:13']);
  assert.deepEqual(findings('FROM python:3.12\nUSER app:app\nUSER root\n', 'DL3066'), ['2:6-2:9', '3:6-3:10']);
  assert.deepEqual(findings('FROM python:3.12\nUSER "app:1000"\n', 'DL3066'), ['2:6-2:16']);
  assert.deepEqual(messages('FROM python:3.12\nUSER app:app\n', 'DL3066'), [
    "`USER app` is a name: the host and tools such as Kubernetes' runAsNonRoot can't tell which UID it maps to. Use the numeric UID (`USER 1000`, or `1000:1000`).",
  ]);
});

test('DL3066: quiet for numeric user IDs, with or without a group', () => {
  assert.deepEqual(findings('FROM python:3.12\nUSER 10001\nUSER 10001:10001\nUSER 0:wheel\n', 'DL3066'), []);
});

test('DL3066: a build argument is accepted; an ENV counts when its value is numeric', () => {
  assert.deepEqual(findings('FROM python:3.12\nARG UID=10001\nUSER ${UID}:${GID}\n', 'DL3066'), []);
  assert.deepEqual(findings('ARG APP_USER=app\nFROM python:3.12\nUSER $APP_USER\n', 'DL3066'), []);
  assert.deepEqual(findings('FROM python:3.12\nENV APP_UID=10001\nUSER $APP_UID\n', 'DL3066'), []);
  assert.deepEqual(findings('FROM python:3.12\nENV APP_USER=app\nUSER $APP_USER\n', 'DL3066'), ['3:6-3:15']);
  // a variable from the base image can't be judged
  assert.deepEqual(findings('FROM jupyter/base-notebook:2024-01-01\nUSER ${NB_UID}\n', 'DL3066'), []);
});

test('DL3066: quiet in Windows images, whose users have no numeric IDs', () => {
  assert.deepEqual(findings('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n', 'DL3066'), []);
  assert.deepEqual(findings('# escape=`\nFROM mcr.microsoft.com/powershell:lts\nUSER ContainerAdministrator\n', 'DL3066'), []);
});

test('DL3066: applies inside ONBUILD and honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM python:3.12\nONBUILD USER app\n', 'DL3066'), ['2:14-2:17']);
  assert.deepEqual(findings('FROM python:3.12\n# hadolint ignore=DL3066\nUSER app\n', 'DL3066'), []);
});
