import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../server/src/model/document';
import { lint } from '../server/src/service/lint';
import { toDiagnostic } from '../server/src/service/diagnostics';
import { codeActions, FIX_ALL_KIND } from '../server/src/service/codeActions';
import { applyEdits } from './helpers';

function actionsFor(text: string, code?: string, only?: string[]) {
  const model = parseDocument(text, 'file:///w/Dockerfile', 7);
  const diags = lint(model).map((p) => toDiagnostic(model, p)).filter((d) => !code || d.code === code);
  return { actions: codeActions(model, diags, only), diags };
}

function apply(text: string, action: { edit?: { changes?: Record<string, { range: any; newText: string }[]> } }): string {
  return applyEdits(text, action.edit!.changes!['file:///w/Dockerfile']);
}

const APT = 'FROM debian:12\nRUN apt-get install -y curl\n';

test('diagnostic carries code, source, docs link and fix data', () => {
  const { diags } = actionsFor(APT, 'DL3015');
  assert.equal(diags.length, 1);
  const d = diags[0];
  assert.equal(d.source, 'dockerfile-explained');
  assert.equal(d.code, 'DL3015');
  assert.equal(d.severity, 3);
  assert.deepEqual(d.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 19 } });
  assert.equal(d.codeDescription?.href, 'https://github.com/dockerfile-explained/dockerfile-explained/blob/main/server/src/rules/DL3015.md');
  assert.equal((d.data as { version: number }).version, 7);
});

test('menu order: preferred fix, ignore on line, ignore in file, show documentation', () => {
  const { actions } = actionsFor(APT, 'DL3015');
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred ?? false]),
    [
      ['Add --no-install-recommends (review)', true],
      ['Ignore DL3015 on this line', false],
      ['Ignore DL3015 in this file', false],
      ['Show documentation for DL3015', false],
    ],
  );
  assert.equal(actions[0].diagnostics?.[0].code, 'DL3015');
  assert.equal(actions[3].command?.command, 'dockerfileExplained.showRuleDocumentation');
  assert.deepEqual(actions[3].command?.arguments, ['DL3015']);
});

test('applying the fix and the ignore actions', () => {
  const { actions } = actionsFor(APT, 'DL3015');
  assert.equal(apply(APT, actions[0]), 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n');
  assert.equal(apply(APT, actions[1]), 'FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install -y curl\n');
  assert.equal(apply(APT, actions[2]), '# hadolint global ignore=DL3015\nFROM debian:12\nRUN apt-get install -y curl\n');
});

test('ignore on this line merges with a pragma already above, keeping indentation', () => {
  const text = 'FROM debian:12\n  # hadolint ignore=DL3008\n  RUN apt-get install -y curl\n';
  const { actions } = actionsFor(text, 'DL3015');
  const ignore = actions.find((a) => a.title === 'Ignore DL3015 on this line')!;
  assert.equal(apply(text, ignore), 'FROM debian:12\n  # hadolint ignore=DL3008,DL3015\n  RUN apt-get install -y curl\n');
  const plain = 'FROM debian:12\n  RUN apt-get install -y curl\n';
  const a2 = actionsFor(plain, 'DL3015').actions.find((a) => a.title === 'Ignore DL3015 on this line')!;
  assert.equal(apply(plain, a2), 'FROM debian:12\n  # hadolint ignore=DL3015\n  RUN apt-get install -y curl\n');
});

test('ignore in file goes after parser directives and merges with a global pragma', () => {
  const text = '# syntax=docker/dockerfile:1\n# escape=\\\nFROM debian:12\nRUN apt-get install -y curl\n';
  const a = actionsFor(text, 'DL3015').actions.find((x) => x.title === 'Ignore DL3015 in this file')!;
  assert.equal(apply(text, a), '# syntax=docker/dockerfile:1\n# escape=\\\n# hadolint global ignore=DL3015\nFROM debian:12\nRUN apt-get install -y curl\n');
  const withGlobal = 'FROM debian:12\n# hadolint global ignore=DL3008\nRUN apt-get install -y curl\n';
  const b = actionsFor(withGlobal, 'DL3015').actions.find((x) => x.title === 'Ignore DL3015 in this file')!;
  assert.equal(apply(withGlobal, b), 'FROM debian:12\n# hadolint global ignore=DL3008,DL3015\nRUN apt-get install -y curl\n');
});

test('CRLF documents get CRLF pragmas', () => {
  const text = 'FROM debian:12\r\nRUN apt-get install -y curl\r\n';
  const a = actionsFor(text, 'DL3015').actions.find((x) => x.title === 'Ignore DL3015 on this line')!;
  assert.equal(apply(text, a), 'FROM debian:12\r\n# hadolint ignore=DL3015\r\nRUN apt-get install -y curl\r\n');
});

test('stale diagnostics (older document version) get no edits', () => {
  const model = parseDocument(APT, 'file:///w/Dockerfile', 7);
  const diags = lint(model).map((p) => toDiagnostic(model, p));
  const newer = parseDocument(APT, 'file:///w/Dockerfile', 8);
  assert.deepEqual(codeActions(newer, diags), []);
});

test('fix-all is offered only when asked for and applies only safe fixes', () => {
  const { actions } = actionsFor(APT);
  assert.equal(actions.some((a) => a.kind === FIX_ALL_KIND), false);
  // DL3015's fix needs review, so there is nothing safe to apply here.
  assert.deepEqual(actionsFor(APT, undefined, [FIX_ALL_KIND]).actions, []);
});

test('two findings on a line: each fix first (preferred, listing its diagnostic), then per finding ignore on the line, ignore in the file, documentation', () => {
  const text = 'FROM debian:12\nRUN apt-get install curl\n';
  const { actions, diags } = actionsFor(text);
  assert.deepEqual(
    diags.map((d) => d.code),
    ['DL3014', 'DL3015', 'DL3008'],
  );
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred ?? false, (a.diagnostics ?? []).map((d) => d.code).join(',')]),
    [
      ['Add -y', true, 'DL3014'],
      ['Add --no-install-recommends (review)', true, 'DL3015'],
      ['Ignore DL3014 on this line', false, 'DL3014'],
      ['Ignore DL3014 in this file', false, 'DL3014'],
      ['Show documentation for DL3014', false, 'DL3014'],
      ['Ignore DL3015 on this line', false, 'DL3015'],
      ['Ignore DL3015 in this file', false, 'DL3015'],
      ['Show documentation for DL3015', false, 'DL3015'],
      ['Ignore DL3008 on this line', false, 'DL3008'],
      ['Ignore DL3008 in this file', false, 'DL3008'],
      ['Show documentation for DL3008', false, 'DL3008'],
    ],
  );
});

test('an action offered for two findings of one rule is listed once and names both', () => {
  const text = 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl git\n';
  const { actions, diags } = actionsFor(text, 'DL3008');
  assert.equal(diags.length, 2);
  assert.deepEqual(
    actions.map((a) => [a.title, a.diagnostics?.length]),
    [
      ['Ignore DL3008 on this line', 2],
      ['Ignore DL3008 in this file', 2],
      ['Show documentation for DL3008', 2],
    ],
  );
});

test('fix-all with the server\'s lint goes on past overlapping fixes: applying it twice gives what once gives', () => {
  // The keyword's casing and MAINTAINER → LABEL edit the same word: one pass takes the first only.
  const text = 'FROM debian:12\nmaintainer me@example.com\nRUN echo hi\n';
  const model = parseDocument(text, 'file:///w/Dockerfile', 7);
  const diags = lint(model).map((p) => toDiagnostic(model, p));
  const onePass = codeActions(model, diags, [FIX_ALL_KIND]);
  assert.equal(apply(text, onePass[0]), 'FROM debian:12\nMAINTAINER me@example.com\nRUN echo hi\n');
  const [all] = codeActions(model, diags, [FIX_ALL_KIND], (m) => lint(m));
  assert.deepEqual(all.diagnostics?.map((d) => d.code), ['ConsistentInstructionCasing']);
  // One edit, on the changed line only.
  assert.deepEqual(all.edit!.changes!['file:///w/Dockerfile'], [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 25 } }, newText: 'LABEL org.opencontainers.image.authors="me@example.com"' },
  ]);
  const once = apply(text, all);
  assert.equal(once, 'FROM debian:12\nLABEL org.opencontainers.image.authors="me@example.com"\nRUN echo hi\n');
  const again = parseDocument(once, 'file:///w/Dockerfile', 8);
  assert.deepEqual(codeActions(again, lint(again).map((p) => toDiagnostic(again, p)), [FIX_ALL_KIND], (m) => lint(m)), []);
});

test('fix-all keeps CRLF line breaks and a missing final newline', () => {
  const text = 'FROM debian:12 as build\r\nRUN apt-get update && apt-get install curl\r\nENV A b';
  const model = parseDocument(text, 'file:///w/Dockerfile', 7);
  const [all] = codeActions(model, lint(model).map((p) => toDiagnostic(model, p)), [FIX_ALL_KIND], (m) => lint(m));
  assert.equal(apply(text, all), 'FROM debian:12 AS build\r\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\r\nENV A=b');
});
