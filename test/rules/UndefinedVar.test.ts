import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

const ID = 'UndefinedVar';

test('UndefinedVar: flags an undefined variable in the words the builder expands, on the variable', () => {
  assert.deepEqual(findings('FROM alpine\nCOPY $foo .\n', ID), ['2:6-2:10']);
  assert.deepEqual(findings('FROM alpine\nENV A=${B}/x\nLABEL v=$C\nWORKDIR /$D\nUSER $E\nVOLUME /$F\nSTOPSIGNAL $G\n', ID), [
    '2:7-2:11',
    '3:9-3:11',
    '4:10-4:12',
    '5:6-5:8',
    '6:9-6:11',
    '7:12-7:14',
  ]);
  assert.deepEqual(findings('FROM alpine\nCOPY --chown=$U:1 a /b\nRUN --mount=type=cache,target=/root/$T true\n', ID), ['2:14-2:16', '3:37-3:39']);
  assert.deepEqual(messages('FROM alpine\nCOPY $foo .\n', ID), [
    '`$foo` is not defined at this point (no ARG or ENV declares it in this stage), so it expands to nothing.',
  ]);
});

test('UndefinedVar: a global ARG must be declared again in the stage', () => {
  const text = 'ARG VERSION=1.4\nFROM alpine\nCOPY app-$VERSION.tar /opt/\n';
  assert.deepEqual(findings(text, ID), ['3:10-3:18']);
  assert.deepEqual(messages(text, ID), [
    '`$VERSION` is a global ARG, which a stage does not see until it declares it again: add `ARG VERSION` in this stage.',
  ]);
  assert.deepEqual(findings('ARG VERSION=1.4\nFROM alpine\nARG VERSION\nCOPY app-$VERSION.tar /opt/\n', ID), []);
  assert.equal(fixed(text, ID), 'ARG VERSION=1.4\nFROM alpine\nARG VERSION\nCOPY app-$VERSION.tar /opt/\n');
  assert.equal(fixed(text.replace(/\n/g, '\r\n'), ID), 'ARG VERSION=1.4\r\nFROM alpine\r\nARG VERSION\r\nCOPY app-$VERSION.tar /opt/\r\n');
});

test('UndefinedVar: ARG, ENV, PATH and parent stages define variables; the order matters', () => {
  assert.deepEqual(findings('FROM alpine\nARG A\nENV B=1\nCOPY $A $B $PATH /x/\n', ID), []);
  assert.deepEqual(findings('FROM alpine AS base\nARG A\nFROM base\nCOPY $A /x/\n', ID), []);
  assert.deepEqual(findings('FROM alpine AS base\nARG A\nFROM alpine\nCOPY $A /x/\n', ID), ['4:6-4:8']);
  // ENV reads the values from before the instruction; ARG declares name by name.
  assert.deepEqual(findings('FROM alpine\nENV A=1 B=$A\n', ID), ['2:11-2:13']);
  assert.deepEqual(findings('FROM alpine\nARG A=1 B=$A\n', ID), []);
  assert.deepEqual(findings('FROM alpine\nCOPY $A /x/\nARG A\n', ID), ['2:6-2:8']);
});

test('UndefinedVar: shell bodies, EXPOSE, single quotes, escaped dollars and ONBUILD are not checked', () => {
  assert.deepEqual(findings("FROM alpine\nRUN echo $X\nCMD echo $Y\nEXPOSE $P\nENV A='$B'\nENV C=\\$D\nONBUILD COPY $E /x\n", ID), []);
  assert.deepEqual(findings('FROM alpine\nENV A="$B"\n', ID), ['2:8-2:10']);
});

test('UndefinedVar: defaults and nested variables are still reads of the variable', () => {
  assert.deepEqual(findings('FROM alpine\nCOPY ${SRC:-.} /app\n', ID), ['2:6-2:15']);
  assert.deepEqual(messages('FROM alpine\nCOPY ${SRC:-.} /app\n', ID), [
    '`$SRC` is not defined at this point (no ARG or ENV declares it in this stage), so it always takes its default.',
  ]);
  assert.deepEqual(findings('FROM alpine\nENV A=1\nENV C=${A:-$B}\n', ID), ['3:12-3:14']);
});

test('UndefinedVar: heredoc bodies of COPY with an unquoted delimiter are expanded', () => {
  assert.deepEqual(findings('FROM alpine\nCOPY <<EOF /etc/app.conf\nport=$PORT\nEOF\n', ID), ['3:6-3:11']);
  assert.deepEqual(findings("FROM alpine\nCOPY <<'EOF' /etc/app.conf\nport=$PORT\nEOF\n", ID), []);
  assert.deepEqual(findings('FROM alpine\nRUN <<EOF\necho $PORT\nEOF\n', ID), []);
});

test('UndefinedVar: suggests a close name', () => {
  const text = 'FROM alpine\nENV PATH=$PAHT:/app/bin\n';
  assert.deepEqual(messages(text, ID), [
    '`$PAHT` is not defined at this point (no ARG or ENV declares it in this stage), so it expands to nothing. Did you mean `$PATH`?',
  ]);
  assert.equal(fixed(text, ID), 'FROM alpine\nENV PATH=$PATH:/app/bin\n');
});

test('UndefinedVar: names a non-bare base image may define are given the benefit of the doubt', () => {
  assert.deepEqual(findings('FROM python:3.12\nCOPY $APP_HOME /x/\nENV P=$JAVA_HOME\n', ID), []);
  assert.deepEqual(findings('FROM registry.example.com/base AS b\nFROM b\nUSER $NB_UID\n', ID), []);
  // …but global ARGs and the builder's platform arguments are never in an image's environment.
  assert.deepEqual(findings('ARG V=1\nFROM python:3.12\nCOPY a-$V /x/\nCOPY dist/$TARGETARCH/app /x/\n', ID), ['3:8-3:10', '4:11-4:22']);
  // scratch and bare OS images have no variable but PATH, also through a stage built FROM them.
  assert.deepEqual(findings('FROM scratch\nCOPY $A /x/\n', ID), ['2:6-2:8']);
  assert.deepEqual(findings('FROM docker.io/library/ubuntu:24.04 AS b\nFROM b\nWORKDIR $HOME/app\n', ID), ['3:9-3:14']);
});

test('UndefinedVar: every word of an ARG declares a name', () => {
  assert.deepEqual(findings('FROM python:3.12\nARG TARGETOS TARGETARCH\nCOPY dist/$TARGETOS/$TARGETARCH/app /x/\n', ID), []);
  assert.deepEqual(findings('ARG A B\nFROM alpine\nCOPY $B /x/\n', ID), ['3:6-3:8']);
});

test('UndefinedVar: silenced by check=skip', () => {
  assert.deepEqual(findings('# check=skip=UndefinedVar\nFROM alpine\nCOPY $foo .\n', ID), []);
  assert.deepEqual(findings('FROM alpine\n# check=skip=UndefinedVar\nCOPY $foo .\nCOPY $bar .\n', ID), ['4:6-4:10']);
});
