import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2022: `${VAR:=x}` is flagged on the substitution, with a fix to `:-`', () => {
  const text = 'FROM alpine:3.20\nARG APP_HOME\nWORKDIR ${APP_HOME:=/srv/app}\n';
  assert.deepEqual(findings(text, 'DX2022'), ['3:9-3:30']);
  assert.deepEqual(messages(text, 'DX2022'), [
    '`${APP_HOME:=/srv/app}`: the `:=` modifier is not supported; the builder fails when it expands this WORKDIR. For a default value, use `:-`: `${APP_HOME:-/srv/app}`.',
  ]);
  assert.equal(fixed(text, 'DX2022'), 'FROM alpine:3.20\nARG APP_HOME\nWORKDIR ${APP_HOME:-/srv/app}\n');
  assert.equal(fixed('FROM alpine:3.20\r\nENV A=${B=1}\r\n', 'DX2022'), 'FROM alpine:3.20\r\nENV A=${B-1}\r\n');
});

test('DX2022: lengths, case conversion, substrings, missing braces and names', () => {
  const text = 'FROM alpine:3.20\nENV A=${#B} C=${D^^} E=${F:0:3}\nLABEL g=${H\nCOPY ${}/x /y/\n';
  assert.deepEqual(findings(text, 'DX2022'), ['2:7-2:12', '2:15-2:21', '2:24-2:32', '3:9-3:12', '4:6-4:9']);
  assert.deepEqual(messages(text, 'DX2022'), [
    '`${#B}`: the length form `${#name}` is not supported; the builder fails when it expands this ENV.',
    '`${D^^}`: the `^` modifier is not supported; the builder fails when it expands this ENV.',
    '`${F:0:3}`: the `:0` modifier is not supported; the builder fails when it expands this ENV.',
    '`${H`: no closing `}`; the builder fails when it expands this LABEL.',
    '`${}`: no variable name; the builder fails when it expands this COPY.',
  ]);
});

test('DX2022: RUN --mount options, FROM and COPY flags are expanded too', () => {
  const text = 'ARG TAG=3.20\nFROM alpine:${TAG:=3.20}\nRUN --mount=type=cache,target=${C:=/c} true\nCOPY --chown=${U:=app} a /b\n';
  assert.deepEqual(findings(text, 'DX2022'), ['2:13-2:25', '3:31-3:39', '4:14-4:23']);
});

test('DX2022: quiet for every supported form, shell-form RUN/CMD, escaped dollars and single quotes', () => {
  const text = [
    'ARG V=1.2.3',
    'FROM alpine:${V%%.*}',
    'ENV A=$V B=${V} C=${V:-x} D=${V-x} E=${V:+y} F=${V+y} G=${V:?unset} H=${V?unset}',
    'ENV I=${V#1.} J=${V##*.} K=${V%.3} L=${V%%.*} M=${V/./-} N=${V//./-} O=${V:#1} P=${#}',
    "ENV Q='${V:=x}' R=\\${V:=x} S=$ T=$$ U=\"${V:-a b}\"",
    'RUN echo ${V:=x} ${#V} ${V^^}',
    'CMD echo ${V:0:3}',
    'COPY ["${V:=x}", "/y"]',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2022'), []);
});

test('DX2022: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD ENV A=${B:=1}\n', 'DX2022'), ['2:15-2:22']);
});
