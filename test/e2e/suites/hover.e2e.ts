import * as assert from 'node:assert/strict';
import { activate, firstDiagnostics, hoverAt, openCase, openExample, suite, suiteSetup, test } from '../harness';
import type * as vscode from 'vscode';

suite('Hover', () => {
  let uri: vscode.Uri;
  suiteSetup(async () => {
    await activate();
    uri = (await openExample('Dockerfile')).document.uri;
    await firstDiagnostics(uri);
  });

  test('an instruction: HEALTHCHECK', async () => {
    const md = await hoverAt(uri, 78, 3);
    assert.match(md, /^\*\*HEALTHCHECK\*\*/);
    assert.match(md, /healthy/);
    assert.match(md, /docs\.docker\.com/);
  });

  test('an instruction flag: COPY --chown and HEALTHCHECK --interval', async () => {
    assert.match(await hoverAt(uri, 46, 9), /^\*\*COPY --chown\*\*/);
    assert.match(await hoverAt(uri, 78, 15), /^\*\*HEALTHCHECK --interval\*\*[\s\S]*defaults to `30s`/);
  });

  test('a command and its flag inside RUN: apt-get, apt-get install --no-install-recommends, useradd', async () => {
    assert.match(await hoverAt(uri, 26, 8), /^\*\*apt-get\*\*/);
    assert.match(await hoverAt(uri, 26, 50), /^\*\*apt-get install --no-install-recommends\*\*[\s\S]*recommended packages/);
    assert.match(await hoverAt(uri, 15, 12), /^\*\*useradd\*\*/);
  });

  test('an image: python:3.11-slim', async () => {
    const md = await hoverAt(uri, 5, 8);
    assert.match(md, /^\*\*`python:3\.11-slim`\*\* · base image of stage `base`/);
    assert.match(md, /Docker Hub/);
  });

  test('a variable: its declaration and a reference', async () => {
    assert.match(await hoverAt(uri, 8, 6), /^\*\*`PYTHONDONTWRITEBYTECODE`\*\* · `ENV` in stage `base`[\s\S]*Value: `1`/);
    const ref = (await openCase('FROM alpine:3.20\nARG APP_HOME=/srv/app\nWORKDIR $APP_HOME\n')).document.uri;
    assert.match(await hoverAt(ref, 3, 11), /^\*\*`\$APP_HOME`\*\* · ARG of this stage[\s\S]*Value here: `\/srv\/app`/);
  });
});
