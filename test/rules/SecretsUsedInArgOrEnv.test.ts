import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const ID = 'SecretsUsedInArgOrEnv';

test('SecretsUsedInArgOrEnv: flags ARG and ENV names with a secret word, on the name', () => {
  assert.deepEqual(findings('FROM node:20\nARG NPM_TOKEN\nENV DB_PASSWORD=changeme\n', ID), ['2:5-2:14', '3:5-3:16']);
  assert.deepEqual(messages('FROM node:20\nARG NPM_TOKEN\n', ID), [
    '`NPM_TOKEN` looks like it holds a secret (the word `TOKEN`), and ARG values are recorded in the image history; mount the secret with `RUN --mount=type=secret` instead.',
  ]);
  assert.deepEqual(messages('FROM node:20\nENV api_key=x\n', ID), [
    '`api_key` looks like it holds a secret (the word `key`), and ENV values are stored in the image configuration; mount the secret with `RUN --mount=type=secret` instead.',
  ]);
});

test('SecretsUsedInArgOrEnv: whole underscore-separated words only, in any case', () => {
  assert.deepEqual(findings('FROM alpine\nARG SIGNING_KEY\n', ID), ['2:5-2:16']);
  assert.deepEqual(findings('FROM alpine\nARG GITHUB_TOKEN\n', ID), ['2:5-2:17']);
  assert.deepEqual(findings('FROM alpine\nENV Auth=basic secret=x My_Credentials_Home=/c APIKEY=1 PWORD=2 passwd=3\n', ID), [
    '2:5-2:9',
    '2:16-2:22',
    '2:25-2:44',
    '2:48-2:54',
    '2:57-2:62',
    '2:65-2:71',
  ]);
  // Words inside longer words do not count.
  assert.deepEqual(findings('FROM alpine\nENV TOKENIZER_MODEL=bert KEYRING=/k MONKEY=1 AUTHOR=me PASSWORDLESS=1 SECRETS_DIR=/s\n', ID), []);
});

test('SecretsUsedInArgOrEnv: a public, file or version word makes the name harmless', () => {
  assert.deepEqual(findings('FROM alpine\nENV PASSWORD_FILE=/run/secrets/pw PUBLIC_KEY=abc TOKEN_VERSION=2 key_File=/k\n', ID), []);
  assert.deepEqual(findings('FROM alpine\nENV PASSWORD_FILES=/p PUBLICKEY_TOKEN=abc PUBLICKEY=abc\n', ID), ['2:5-2:19', '2:23-2:38']);
});

test('SecretsUsedInArgOrEnv: an ARG without a default is reported; several names each get a finding', () => {
  assert.deepEqual(findings('FROM alpine\nARG VERSION API_TOKEN\n', ID), ['2:13-2:22']);
  assert.deepEqual(findings('FROM alpine\nENV a=b AUTH_TOKEN=x\n', ID), ['2:9-2:19']);
  assert.deepEqual(findings('FROM alpine\nENV MODE=prod \\\n    AWS_SECRET_ACCESS_KEY=x\n', ID), ['3:5-3:26']);
  assert.deepEqual(findings('FROM alpine\nENV DEPLOY_KEY deadbeef\n', ID), ['2:5-2:15']);
});

test('SecretsUsedInArgOrEnv: ARGs before the first FROM are not checked (the stage re-declaring one is)', () => {
  assert.deepEqual(findings('ARG GITHUB_TOKEN\nFROM alpine\nARG GITHUB_TOKEN\n', ID), ['3:5-3:17']);
});

test('SecretsUsedInArgOrEnv: quiet for ordinary names', () => {
  assert.deepEqual(findings('FROM node:20\nARG VERSION=1\nENV NODE_ENV=production PATH=/app/bin:$PATH\nLABEL secret_token=x\n', ID), []);
});

test('SecretsUsedInArgOrEnv: applies inside ONBUILD; silenced by check=skip', () => {
  assert.deepEqual(findings('FROM node:20\nONBUILD ARG GITHUB_TOKEN\n', ID), ['2:13-2:25']);
  assert.deepEqual(findings('# check=skip=SecretsUsedInArgOrEnv\nFROM node:20\nARG NPM_TOKEN\n', ID), []);
  assert.deepEqual(findings('FROM node:20\n# check=skip=SecretsUsedInArgOrEnv\nARG NPM_TOKEN\nARG GH_TOKEN\n', ID), ['4:5-4:13']);
});

test('SecretsUsedInArgOrEnv: an ARG with several words declares several names, across continuations', () => {
  assert.deepEqual(findings('FROM alpine\nARG X=1 \\\n  Y_TOKEN="a b" SECRET\n', ID), ['3:3-3:10', '3:17-3:23']);
});

test('SecretsUsedInArgOrEnv: unlike BuildKit, a path word, or a GPG key fingerprint, is not a secret', () => {
  assert.deepEqual(findings('FROM alpine\nENV sa_password_path="C:\\secrets\\sa" TOKEN_PATH=/run/t\n', ID), []);
  assert.deepEqual(findings('FROM python:3.12\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\nENV JENKINS_GPG_KEY=5E38 pgp_key=ab\n', ID), []);
  assert.deepEqual(findings('FROM alpine\nENV GPG_PRIVATE_KEY=x GPG_PASSWORD=y GPG_KEY_TOKEN=z\n', ID), ['2:5-2:20', '2:23-2:35', '2:38-2:51']);
});
