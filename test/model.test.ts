import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, variablesAt, stageChain, allInstructions } from '../server/src/model/document';

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

test('stages: name, image, index, parent, AS range, instructions', () => {
  const m = parseDocument('ARG V=3.11\nFROM python:${V}-slim as base\nWORKDIR /app\nFROM base AS prod\nCOPY --from=base /app /app\nFROM scratch\n');
  assert.deepEqual(
    m.stages.map((s) => [s.index, s.name, s.image, s.parent?.name, s.instructions.map((i) => i.keyword).join(' ')]),
    [
      [0, 'base', 'python:${V}-slim', undefined, 'FROM WORKDIR'],
      [1, 'prod', 'base', 'base', 'FROM COPY'],
      [2, undefined, 'scratch', undefined, 'FROM'],
    ],
  );
  assert.deepEqual(m.stages[0].asRange, r(1, 22, 1, 24));
  assert.deepEqual(m.stages[0].nameRange, r(1, 25, 1, 29));
  assert.deepEqual(m.stages[1].imageRange, r(3, 5, 3, 9));
  assert.deepEqual(stageChain(m.stages[1]).map((s) => s.name), ['prod', 'base']);
  assert.deepEqual(m.globalArgs.map((a) => [a.name, a.value]), [['V', '3.11']]);
});

test('instructions: keyword as written, exact flag ranges, arguments, JSON form', () => {
  const m = parseDocument('from alpine\ncopy --chown=app:app --link src/ /dst/\nCMD ["a", "b c", "\\u0041\\""]\n');
  const copy = m.instructions[1];
  assert.equal(copy.keyword, 'COPY');
  assert.equal(copy.keywordText, 'copy');
  assert.deepEqual(copy.keywordRange, r(1, 0, 1, 4));
  assert.deepEqual(copy.flags.map((f) => [f.name, f.value, f.range, f.nameRange, f.valueRange]), [
    ['chown', 'app:app', r(1, 5, 1, 20), r(1, 7, 1, 12), r(1, 13, 1, 20)],
    ['link', null, r(1, 21, 1, 27), r(1, 23, 1, 27), null],
  ]);
  assert.deepEqual(copy.args.map((a) => a.value), ['src/', '/dst/']);
  const cmd = m.instructions[2];
  assert.equal(cmd.isJson, true);
  assert.deepEqual(cmd.args.map((a) => a.value), ['a', 'b c', 'A"']);
});

test('parser directives: syntax, escape, check; pseudo-directives stay comments', () => {
  const m = parseDocument('# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\n# hadolint global ignore=DL3008\nFROM alpine\n');
  assert.deepEqual(m.directives.map((d) => [d.name, d.value]), [['syntax', 'docker/dockerfile:1'], ['check', 'skip=JSONArgsRecommended']]);
  assert.deepEqual(m.comments.map((c) => [c.line, c.content]), [[2, 'hadolint global ignore=DL3008']]);
});

test('shell model across continuations, comment lines inside them and CRLF', () => {
  const text = 'FROM debian\r\nRUN apt-get update \\\r\n  # note\r\n  && apt-get install -y curl | tee log\r\n';
  const m = parseDocument(text);
  const sh = m.instructions[1].shell!;
  assert.deepEqual(sh.commands.map((c) => [c.joinedBy, c.name?.text, c.args.map((a) => a.text).join(' ')]), [
    ['', 'apt-get', 'update'],
    ['&&', 'apt-get', 'install -y curl'],
    ['|', 'tee', 'log'],
  ]);
  assert.equal(sh.hasPipe, true);
  const install = sh.commands[1].args[0];
  assert.deepEqual(m.lines.range(install.start, install.end), r(3, 13, 3, 20));
});

test('escape=` directive: backtick continuations', () => {
  const m = parseDocument('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN Write-Host a; `\n    Write-Host b\n');
  assert.equal(m.escapeChar, '`');
  const sh = m.instructions[1].shell!;
  assert.deepEqual(sh.commands.map((c) => c.name?.text), ['Write-Host', 'Write-Host']);
  assert.deepEqual(m.lines.range(sh.commands[1].name!.start, sh.commands[1].name!.end), r(3, 4, 3, 14));
});

test('heredoc RUN: the body is the script, with positions in the file', () => {
  const m = parseDocument('FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n');
  const ins = m.instructions[1];
  assert.deepEqual(ins.heredocs.map((h) => [h.name, h.contentRange, h.endRange]), [['EOF', r(2, 0, 3, 23), r(4, 0, 4, 3)]]);
  const sh = ins.shell!;
  assert.deepEqual(sh.commands.map((c) => c.name?.text), ['apt-get', 'apt-get']);
  assert.deepEqual(m.lines.range(sh.commands[1].args[0].start, sh.commands[1].args[0].end), r(3, 8, 3, 15));
});

test('shell words (tree-sitter-bash): quotes, escapes, assignments, redirections, keywords, command substitution', () => {
  const m = parseDocument('FROM debian\nRUN DEBIAN_FRONTEND=noninteractive apt-get install "a b" c\\ d 2>/dev/null > out; if true; then echo "$(id -u)"; fi\n');
  const sh = m.instructions[1].shell!;
  assert.deepEqual(sh.commands.map((c) => [c.assignments.map((a) => a.text), c.name?.text, c.args.map((a) => a.text)]), [
    [['DEBIAN_FRONTEND=noninteractive'], 'apt-get', ['install', 'a b', 'c d']],
    [[], 'true', []],
    [[], 'echo', ['$(id -u)']],
    [[], 'id', ['-u']],
  ]);
  // commands inside $(…) are commands too (hadolint finds them), marked as nested
  assert.deepEqual(sh.commands.map((c) => !!c.nested), [false, false, false, true]);
  assert.deepEqual(sh.commands.map((c) => c.joinedBy), ['', ';', ';', '(']);
});

test('a BOM does not hide the first instruction or shift columns', () => {
  const m = parseDocument('\ufeffFROM alpine:3.20\nRUN echo hi\n');
  assert.equal(m.instructions[0].keyword, 'FROM');
  assert.deepEqual(m.instructions[1].keywordRange, r(1, 0, 1, 3));
});

test('ONBUILD triggers are instructions of their own, anchored to the ONBUILD line', () => {
  const m = parseDocument('FROM alpine\nONBUILD RUN apk add curl\n');
  const all = [...allInstructions(m)];
  assert.deepEqual(all.map((i) => i.keyword), ['FROM', 'ONBUILD', 'RUN']);
  assert.equal(all[2].onbuild, all[1]);
  assert.deepEqual(all[2].keywordRange, r(1, 8, 1, 11));
  assert.deepEqual(all[2].shell!.commands.map((c) => c.name?.text), ['apk']);
});

test('variables in scope: global ARGs in FROM, re-declared ARG takes the default, ENV/ARG inherited from the parent stage', () => {
  const m = parseDocument('ARG V=1\nFROM alpine AS a\nARG V\nENV HOME=/h\nRUN true\nFROM a AS b\nARG X=2\nRUN true\nFROM alpine\nRUN true\n');
  const at = (i: number) => [...variablesAt(m, m.instructions[i]).values()].map((d) => `${d.kind} ${d.name}=${d.value}`);
  assert.deepEqual(at(1), ['ARG V=1']); // FROM alpine AS a
  assert.deepEqual(at(4), ['ARG V=1', 'ENV HOME=/h']); // RUN in a
  assert.deepEqual(at(7), ['ARG V=1', 'ENV HOME=/h', 'ARG X=2']); // RUN in b
  assert.deepEqual(at(9), []); // RUN in an unrelated stage
});

test('broken input never throws: empty, only comments, unterminated heredoc, dangling continuation', () => {
  for (const text of ['', '# just a comment', 'FROM', 'RUN <<EOF\napt-get install x\n', 'FROM a \\', 'RUN "unterminated \\\n', 'COPY --from= .', '\\\n\\\n']) {
    const m = parseDocument(text);
    for (const ins of allInstructions(m)) void ins.shell;
  }
});

test('a JSON string continued over two lines reads as Docker reads it', () => {
  const m = parseDocument('FROM alpine\nCMD ["flask run \\\n--reload", "x"]\n');
  assert.deepEqual(m.instructions[1].args.map((a) => a.value), ['flask run --reload', 'x']);
});

test('SHELL and `# hadolint shell=`: a non-POSIX shell turns the shell model off for what follows', () => {
  const m = parseDocument(
    'FROM mcr.microsoft.com/powershell AS a\nRUN echo one\nSHELL ["pwsh", "-Command"]\nRUN Write-Host two\nFROM a\nRUN Write-Host three\nFROM debian\nRUN echo four\n# hadolint shell=powershell\nRUN Write-Host five\nSHELL ["/bin/bash", "-c"]\nRUN echo six\n',
  );
  const runs = m.instructions.filter((i) => i.keyword === 'RUN');
  assert.deepEqual(runs.map((i) => [i.posixShell, !!i.shell]), [[true, true], [false, false], [false, false], [true, true], [false, false], [true, true]]);
  assert.deepEqual(runs[1].shellCommand, ['pwsh', '-Command']);
  assert.deepEqual(runs[5].shellCommand, ['/bin/bash', '-c']);
  assert.deepEqual(runs[3].shellCommand, ['/bin/sh', '-c']);
});

test('the fallback tokenizer (used only if tree-sitter-bash cannot load) reads the same simple commands', async () => {
  const { tokenizeShell, dockerLogical } = await import('../server/src/model/shell');
  const text = 'apt-get update && \\\n  # note\n  apt-get install -y "a b" | tee log';
  const sh = tokenizeShell(dockerLogical(text, 0, text.length, '\\'), 0, text.length);
  assert.deepEqual(sh.commands.map((c) => [c.joinedBy, c.name?.text, c.args.map((a) => a.text)]), [
    ['', 'apt-get', ['update']],
    ['&&', 'apt-get', ['install', '-y', 'a b']],
    ['|', 'tee', ['log']],
  ]);
  assert.deepEqual([sh.commands[1].args[0].start, sh.commands[1].args[0].end], [39, 46]); // `install` on the third line
});

test('a line ending in two escapes is not continued (a Windows path), as the builder reads it', () => {
  const text = [
    'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022',
    'COPY --from=mongo:7.0 \\',
    '\tC:\\\\Windows\\\\System32\\\\msvcp140.dll \\',
    '\tC:\\\\Windows\\\\System32\\\\',
    '',
    'ENV MONGO_VERSION=7.0.37',
    'RUN echo a\\\\',
    'RUN echo b',
  ].join('\n');
  const m = parseDocument(text);
  assert.deepEqual(
    m.instructions.map((i) => `${i.keyword}@${i.range.start.line}-${i.range.end.line}`),
    ['FROM@0-0', 'COPY@1-3', 'ENV@5-5', 'RUN@6-6', 'RUN@7-7'],
  );
  const copy = m.instructions[1];
  // The builder's word processing (and the shell) read a doubled backslash as one.
  assert.deepEqual(copy.args.map((a) => a.value), ['C:\\Windows\\System32\\msvcp140.dll', 'C:\\Windows\\System32\\']);
  assert.deepEqual(copy.args[1].range, { start: { line: 3, character: 1 }, end: { line: 3, character: 24 } });
  assert.deepEqual(m.instructions[3].shell?.commands.map((c) => c.args.map((a) => a.text)), [['a\\']]);
  // With `# escape=\``, two backticks end a line the same way; backslashes are plain text.
  const tick = parseDocument('# escape=`\nFROM alpine\nRUN echo a``\nRUN echo b `\n  c\n');
  assert.deepEqual(tick.instructions.map((i) => `${i.keyword}@${i.range.start.line}-${i.range.end.line}`), ['FROM@1-1', 'RUN@2-2', 'RUN@3-4']);
});

test('every word of an ARG declares a name, as the builder reads it; quoted defaults stay whole', () => {
  const m = parseDocument('FROM alpine\nARG TARGETOS TARGETARCH\nARG A=1 B="x y" C\n');
  assert.deepEqual(
    m.stages[0].vars.map((v) => [v.name, v.value, v.nameRange.start.character, v.nameRange.end.character]),
    [
      ['TARGETOS', null, 4, 12],
      ['TARGETARCH', null, 13, 23],
      ['A', '1', 4, 5],
      ['B', 'x y', 8, 9],
      ['C', null, 16, 17],
    ],
  );
});
