import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { parseDocument } from '../server/src/model/document';
import { completion, resolveCompletion, type CompletionOptions } from '../server/src/service/completion';
import { applyEdits } from './helpers';

/** The cursor in a test text. */
const CURSOR = '‸';

function at(textWithCursor: string): { text: string; line: number; character: number } {
  const i = textWithCursor.indexOf(CURSOR);
  if (i < 0) throw new Error('no cursor in the test text');
  const text = textWithCursor.slice(0, i) + textWithCursor.slice(i + 1);
  const before = text.slice(0, i).split('\n');
  return { text, line: before.length - 1, character: before[before.length - 1].length };
}

function items(textWithCursor: string, options: CompletionOptions = { snippets: true }): CompletionItem[] {
  const { text, line, character } = at(textWithCursor);
  const list = completion(parseDocument(text), { line, character }, options);
  // As an editor lists them before any filtering: by sortText, then label.
  return [...list].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
}

const labels = (textWithCursor: string, options?: CompletionOptions) => items(textWithCursor, options).map((i) => i.label);

/** The text after accepting the item with this label. */
function accept(textWithCursor: string, label: string, options?: CompletionOptions): string {
  const item = items(textWithCursor, options).find((i) => i.label === label);
  if (!item) throw new Error(`no item ${label}`);
  return applyEdits(at(textWithCursor).text, [item.textEdit as TextEdit]);
}

/** A realistic two-stage Python build; the cursor is inserted where each test needs it. */
const PY = [
  '# syntax=docker/dockerfile:1', //                                          0
  '# check=skip=JSONArgsRecommended', //                                      1
  '', //                                                                      2
  'ARG PYTHON_VERSION=3.12', //                                               3
  'FROM --platform=$BUILDPLATFORM python:${PYTHON_VERSION}-slim AS builder', // 4
  'ARG TARGETARCH', //                                                        5
  'ENV PIP_NO_CACHE_DIR=1', //                                                6
  'WORKDIR /src', //                                                          7
  'COPY requirements.txt .', //                                               8
  'RUN --mount=type=cache,target=/root/.cache/pip \\', //                     9
  '    pip wheel -r requirements.txt -w /wheels', //                          10
  '', //                                                                      11
  'FROM python:${PYTHON_VERSION}-slim AS runtime', //                         12
  'RUN useradd --create-home appuser', //                                     13
  'COPY --from=builder --chown=appuser:appuser /wheels /wheels', //           14
  'USER appuser', //                                                          15
  'HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/ || exit 1', // 16
  'CMD ["gunicorn", "app:app"]', //                                           17
].join('\n');

/** PY with `insert` put at the end of line `line` (a new line when it starts with a newline). */
function py(line: number, insert: string): string {
  const lines = PY.split('\n');
  lines[line] += insert;
  return lines.join('\n');
}

const ALL_KEYWORDS = [
  'FROM', 'FROM … AS …', 'ARG', 'ARG …=…', 'RUN', 'COPY', 'ADD', 'WORKDIR', 'ENV', 'USER', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'LABEL',
  'HEALTHCHECK', 'HEALTHCHECK NONE', 'VOLUME', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER',
];

// ---------------------------------------------------------------------------------------
// Keywords

test('an empty file offers FROM and ARG only, as snippets', () => {
  const list = items(CURSOR);
  assert.deepEqual(list.map((i) => i.label), ['FROM', 'FROM … AS …', 'ARG', 'ARG …=…']);
  assert.deepEqual(list[1].textEdit, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'FROM ${1:image} AS ${2:name}' });
  assert.equal(list[1].insertTextFormat, 2);
});

test('without snippet support, keywords are inserted with a space and the variants that need a snippet are left out', () => {
  const list = items(CURSOR, {});
  assert.deepEqual(list.map((i) => i.label), ['FROM', 'ARG']);
  assert.equal((list[0].textEdit as TextEdit).newText, 'FROM ');
  assert.equal(list[0].insertTextFormat, undefined);
});

test('inside a stage every keyword is offered, MAINTAINER last and marked deprecated', () => {
  const list = items(py(17, `\n${CURSOR}`));
  assert.deepEqual(list.map((i) => i.label), ALL_KEYWORDS);
  const maintainer = list.find((i) => i.label === 'MAINTAINER')!;
  assert.deepEqual(maintainer.tags, [1]);
  assert.equal((list.find((i) => i.label === 'HEALTHCHECK')!.textEdit as TextEdit).newText, 'HEALTHCHECK --interval=${1:30s} --timeout=${2:5s} CMD ${3:command}');
  assert.equal((list.find((i) => i.label === 'CMD')!.textEdit as TextEdit).newText, 'CMD ["${1:executable}"${2:, "${3:param}"}]');
});

test('a partly typed keyword is replaced as a whole word', () => {
  const after = accept(py(17, `\nWORK${CURSOR}`), 'WORKDIR');
  assert.equal(after.split('\n')[18], 'WORKDIR ${1:/app}');
});

test('changing the keyword of an instruction with arguments inserts the keyword alone', () => {
  const text = PY.replace('USER appuser', `US${CURSOR}R appuser`);
  const list = items(text);
  assert.ok(!list.some((i) => i.label === 'FROM … AS …'), 'no snippet variants');
  assert.equal(accept(text, 'USER').split('\n')[15], 'USER appuser');
  assert.equal(accept(text, 'WORKDIR').split('\n')[15], 'WORKDIR appuser');
});

test('keywords follow the casing of most of the file, AS and NONE included', () => {
  const lower = `from alpine:3.20 as base\nrun apk add --no-cache curl\n${CURSOR}`;
  const list = labels(lower);
  assert.deepEqual(list.slice(0, 4), ['from', 'from … as …', 'arg', 'arg …=…']);
  assert.ok(list.includes('healthcheck none'));
  assert.equal((items(lower).find((i) => i.label === 'from … as …')!.textEdit as TextEdit).newText, 'from ${1:image} as ${2:name}');
});

test('after ONBUILD: every keyword a trigger may use (not ONBUILD, FROM, MAINTAINER)', () => {
  const list = labels(py(17, `\nONBUILD ${CURSOR}`));
  assert.deepEqual(list, ALL_KEYWORDS.filter((k) => !/^(FROM|ONBUILD|MAINTAINER)/.test(k)));
});

// ---------------------------------------------------------------------------------------
// Flags and their values

test('RUN flags, and --mount again when one is already there (it repeats)', () => {
  assert.deepEqual(labels(py(17, `\nRUN --${CURSOR}`)), ['--mount', '--network', '--security', '--device']);
  assert.deepEqual(labels(py(17, `\nRUN --mount=type=cache,target=/x --network=none --${CURSOR}`)), ['--mount', '--security', '--device']);
});

test('COPY flags leave out the ones already written; a value flag is inserted with its =', () => {
  const text = PY.replace('COPY --from=builder --chown', `COPY --from=builder --${CURSOR} --chown`);
  assert.deepEqual(labels(text), ['--chmod', '--link', '--parents', '--exclude']);
  assert.equal(accept(text, '--chmod').split('\n')[14], 'COPY --from=builder --chmod= --chown=appuser:appuser /wheels /wheels');
  assert.equal(accept(text, '--link').split('\n')[14], 'COPY --from=builder --link --chown=appuser:appuser /wheels /wheels');
});

test('ADD and HEALTHCHECK flags; flags are offered before the arguments only', () => {
  assert.deepEqual(labels(py(17, `\nADD --${CURSOR}`)), ['--chown', '--chmod', '--link', '--checksum', '--keep-git-dir', '--unpack', '--exclude']);
  assert.deepEqual(labels(py(17, `\nHEALTHCHECK --timeout=3s --${CURSOR}`)), ['--interval', '--start-period', '--start-interval', '--retries']);
  assert.deepEqual(labels(py(17, `\nCOPY app.py --${CURSOR}`)), []);
  assert.deepEqual(labels(py(17, `\nCOPY app.py --li${CURSOR}`)), []);
  assert.deepEqual(labels(py(17, `\nRUN apt-get install -${CURSOR}`)), []);
  assert.deepEqual(labels(py(17, `\nWORKDIR --${CURSOR}`)), []);
});

test('--mount=: a new mount starts with its type; the type list; each type its own options', () => {
  assert.deepEqual(labels(py(17, `\nRUN --mount=${CURSOR}`)), ['type', 'target', 'source', 'from', 'readonly', 'readwrite']);
  assert.equal(accept(py(17, `\nRUN --mount=${CURSOR}`), 'type').split('\n')[18], 'RUN --mount=type=');
  assert.deepEqual(labels(py(17, `\nRUN --mount=type=${CURSOR}`)), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
  assert.deepEqual(labels(py(17, `\nRUN --mount=type=cache,${CURSOR}`)), ['target', 'source', 'from', 'readonly', 'id', 'sharing', 'mode', 'uid', 'gid']);
  assert.deepEqual(labels(py(17, `\nRUN --mount=type=secret,id=npmrc,${CURSOR}`)), ['target', 'source', 'mode', 'uid', 'gid', 'required', 'env']);
  assert.deepEqual(labels(py(17, `\nRUN --mount=type=tmpfs,${CURSOR}`)), ['target', 'size']);
  assert.deepEqual(labels(py(17, `\nRUN --mount=type=ssh,${CURSOR}`)), ['target', 'id', 'mode', 'uid', 'gid', 'required']);
});

test('--mount option values: sharing modes, cache targets with the sharing apt needs, stages for from=', () => {
  assert.deepEqual(labels(py(17, `\nRUN --mount=type=cache,target=/var/cache/apt,sharing=${CURSOR}`)), ['shared', 'private', 'locked']);
  const text = py(17, `\nRUN --mount=type=cache,target=${CURSOR} apt-get update`);
  assert.equal(accept(text, '/var/cache/apt').split('\n')[18], 'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update');
  assert.equal(accept(text, '/root/.cache/pip').split('\n')[18], 'RUN --mount=type=cache,target=/root/.cache/pip apt-get update');
  // Editing the target of a mount that already says how it is shared.
  const edit = py(17, `\nRUN --mount=type=cache,sharing=locked,target=/var/${CURSOR}cache/apt true`);
  assert.equal(accept(edit, '/var/lib/apt/lists').split('\n')[18], 'RUN --mount=type=cache,sharing=locked,target=/var/lib/apt/lists true');
  assert.deepEqual(labels(py(17, `\nRUN --mount=type=bind,from=${CURSOR}`)), ['builder']);
  assert.deepEqual(labels(py(17, `\nRUN --mount=type=cache,ro=${CURSOR}`)), ['true', 'false']);
});

test('--network and --security values', () => {
  assert.deepEqual(labels(py(17, `\nRUN --network=${CURSOR}`)), ['default', 'none', 'host']);
  assert.deepEqual(labels(py(17, `\nRUN --security=${CURSOR}`)), ['sandbox', 'insecure']);
});

test('FROM --platform=: the platform ARGs first, then platforms', () => {
  assert.deepEqual(labels(py(11, `FROM --platform=${CURSOR}`)), [
    '$BUILDPLATFORM', '$TARGETPLATFORM', 'linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64', 'windows/amd64',
  ]);
  const text = PY.replace('--platform=$BUILDPLATFORM', `--platform=$BUILD${CURSOR}PLATFORM`);
  // After `$` the variables in scope take over: the whole name is replaced.
  assert.equal(accept(text, 'TARGETPLATFORM').split('\n')[4], 'FROM --platform=$TARGETPLATFORM python:${PYTHON_VERSION}-slim AS builder');
});

test('--chmod, --chown, --link and HEALTHCHECK values', () => {
  assert.deepEqual(labels(py(17, `\nCOPY --chmod=${CURSOR}`)).slice(0, 3), ['755', '644', '750']);
  // Owners the file uses already, in the order they appear, then root.
  assert.deepEqual(labels(py(17, `\nCOPY --chown=${CURSOR}`)), ['appuser:appuser', 'appuser', 'root:root']);
  assert.deepEqual(labels(py(17, `\nCOPY --link=${CURSOR}`)), ['true', 'false']);
  assert.deepEqual(labels(py(17, `\nHEALTHCHECK --interval=${CURSOR}`)), ['30s', '10s', '1m', '5m']);
  assert.deepEqual(labels(py(17, `\nHEALTHCHECK --retries=${CURSOR}`)), ['3', '1', '5']);
  const thirty = items(py(17, `\nHEALTHCHECK --interval=${CURSOR}`))[0];
  assert.equal(thirty.detail, 'every 30 seconds (default)');
});

// ---------------------------------------------------------------------------------------
// Stages and images

test('COPY --from= offers the earlier stages, not the stage it is in', () => {
  const text = PY.replace('COPY --from=builder', `COPY --from=${CURSOR}builder`);
  assert.deepEqual(labels(text), ['builder']);
  assert.equal(items(text)[0].detail, 'stage 0: FROM python:${PYTHON_VERSION}-slim (line 5)');
  assert.deepEqual(labels(PY.replace('COPY requirements.txt', `COPY --from=${CURSOR} requirements.txt`)), []);
});

test('FROM offers the earlier stages first, then the common images we know', () => {
  const list = labels(py(17, `\n\nFROM ${CURSOR}`), { snippets: true, triggerCharacter: ' ' });
  assert.deepEqual(list.slice(0, 5), ['builder', 'runtime', 'scratch', 'alpine', 'debian']);
  for (const image of ['python', 'node', 'golang', 'nginx', 'mcr.microsoft.com/dotnet/sdk', 'eclipse-temurin']) assert.ok(list.includes(image), image);
  assert.ok(!list.some((l) => l.includes('*')), 'no patterns');
  assert.ok(!list.includes('--platform'), 'no flags after a typed space');
  assert.ok(labels(py(17, `\n\nFROM ${CURSOR}`)).includes('--platform'), 'flags when asked for');
  assert.deepEqual(labels(py(17, `\n\nFROM python:${CURSOR}`)), [], 'no tags');
});

test('after the FROM image: AS, cased like FROM', () => {
  assert.deepEqual(labels(py(17, `\nFROM alpine:3.20 ${CURSOR}`)), ['AS']);
  assert.equal(accept(py(17, `\nfrom alpine:3.20 ${CURSOR}`), 'as').split('\n')[18], 'from alpine:3.20 as ');
});

// ---------------------------------------------------------------------------------------
// Variables

test('in FROM: the global ARGs declared before it and BuildKit\'s automatic platform ARGs', () => {
  const text = PY.replace('FROM python:${PYTHON_VERSION}-slim AS runtime', `FROM python:\${${CURSOR}PYTHON_VERSION}-slim AS runtime`);
  assert.deepEqual(labels(text), [
    'PYTHON_VERSION', 'BUILDARCH', 'BUILDOS', 'BUILDPLATFORM', 'BUILDVARIANT', 'TARGETARCH', 'TARGETOS', 'TARGETPLATFORM', 'TARGETVARIANT',
  ]);
  const list = items(text);
  assert.equal(list[0].detail, 'ARG on line 4 = 3.12');
  // The closing brace is there already: only the name is replaced.
  assert.deepEqual(list[0].textEdit, { range: { start: { line: 12, character: 14 }, end: { line: 12, character: 28 } }, newText: 'PYTHON_VERSION' });
});

test('in a stage: its ARGs and ENVs only (a global ARG needs redeclaring); RUN adds the proxy ARGs', () => {
  assert.deepEqual(labels(py(7, ` $${CURSOR}`)), ['PIP_NO_CACHE_DIR', 'TARGETARCH']);
  const run = labels(py(10, ` $${CURSOR}`));
  assert.deepEqual(run.slice(0, 2), ['PIP_NO_CACHE_DIR', 'TARGETARCH']);
  assert.ok(run.includes('HTTPS_PROXY') && run.includes('no_proxy'));
  assert.ok(!run.includes('PYTHON_VERSION') && !run.includes('BUILDPLATFORM'));
  assert.deepEqual(labels(py(15, ` $${CURSOR}`)), [], 'nothing is declared in the runtime stage');
});

test('${ gets its closing brace; an escaped $ is no variable', () => {
  assert.equal(accept(py(7, `/\${PIP${CURSOR}`), 'PIP_NO_CACHE_DIR').split('\n')[7], 'WORKDIR /src/${PIP_NO_CACHE_DIR}');
  assert.deepEqual(labels(py(7, ` \\$${CURSOR}`)), []);
});

test('ARG names in a stage: global ARGs to redeclare, automatic ARGs, BuildKit build arguments', () => {
  const list = labels(py(12, `\nARG ${CURSOR}`));
  assert.deepEqual(list.slice(0, 4), ['PYTHON_VERSION', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH']);
  assert.ok(list.includes('BUILDKIT_SBOM_SCAN_STAGE') && list.includes('SOURCE_DATE_EPOCH'));
  // TARGETARCH is declared in the builder stage already.
  assert.ok(!labels(py(5, `\nARG ${CURSOR}`)).includes('TARGETARCH'));
  // Before the first FROM, only BuildKit's own arguments.
  assert.deepEqual(labels(`ARG ${CURSOR}\nFROM alpine`).slice(0, 2), ['BUILDKIT_SYNTAX', 'BUILDKIT_DOCKERFILE_CHECK']);
  assert.deepEqual(labels(py(12, `\nARG PYTHON_VERSION=${CURSOR}`)), []);
});

// ---------------------------------------------------------------------------------------
// Other arguments

test('HEALTHCHECK CMD or NONE, cased like the keyword', () => {
  assert.deepEqual(labels(py(17, `\nHEALTHCHECK ${CURSOR}`), { snippets: true, triggerCharacter: ' ' }), ['CMD', 'NONE']);
  assert.deepEqual(labels(py(17, `\nHEALTHCHECK --interval=5s ${CURSOR}`), { snippets: true, triggerCharacter: ' ' }), ['CMD', 'NONE']);
  assert.deepEqual(labels(py(17, `\nhealthcheck ${CURSOR}`), { snippets: true, triggerCharacter: ' ' }), ['cmd', 'none']);
  assert.deepEqual(labels(py(16, ` ${CURSOR}`)), [], 'nothing inside the check command');
});

test('LABEL keys: the OCI annotations not set yet', () => {
  const text = py(17, `\nLABEL org.opencontainers.image.title="app" org.${CURSOR}`);
  const list = labels(text);
  assert.deepEqual(list.slice(0, 3), ['org.opencontainers.image.description', 'org.opencontainers.image.version', 'org.opencontainers.image.source']);
  assert.ok(!list.includes('org.opencontainers.image.title'));
  assert.equal(accept(text, 'org.opencontainers.image.source').split('\n')[18], 'LABEL org.opencontainers.image.title="app" org.opencontainers.image.source=');
  assert.deepEqual(labels(py(17, `\nLABEL org.opencontainers.image.title=${CURSOR}`)), []);
});

test('STOPSIGNAL signals and SHELL forms', () => {
  assert.deepEqual(labels(py(17, `\nSTOPSIGNAL ${CURSOR}`)).slice(0, 3), ['SIGTERM', 'SIGINT', 'SIGQUIT']);
  const shell = py(17, `\nSHELL ${CURSOR}`);
  assert.equal(labels(shell)[0], '["/bin/bash", "-o", "pipefail", "-c"]');
  assert.equal(accept(shell, '["/bin/sh", "-c"]').split('\n')[18], 'SHELL ["/bin/sh", "-c"]');
});

test('nothing is offered in command text, heredoc bodies, blank space after the line, or past the end', () => {
  assert.deepEqual(labels(py(10, ` ${CURSOR}`)), []);
  assert.deepEqual(labels(`FROM alpine\nRUN <<EOF\napk add ${CURSOR}\nEOF\n`), []);
  const model = parseDocument(PY);
  assert.deepEqual(completion(model, { line: 40, character: 0 }), []);
  assert.deepEqual(completion(model, { line: 7, character: 30 }), []);
  assert.deepEqual(completion(model, { line: -1, character: 0 }), []);
});

test('a continuation line still belongs to its instruction (comment lines in it skipped)', () => {
  const text = ['FROM alpine', 'RUN --mount=type=cache,target=/var/cache/apk \\', '    # the package index', `    --net${CURSOR}`].join('\n');
  assert.deepEqual(labels(text), ['--mount', '--network', '--security', '--device']);
  assert.equal(accept(text, '--network').split('\n')[3], '    --network=');
  const crlf = ['FROM alpine', 'RUN --mount=type=cache,target=/var/cache/apk \\', `    --mount=type=${CURSOR}`].join('\r\n');
  assert.deepEqual(labels(crlf), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
});

// ---------------------------------------------------------------------------------------
// Comments: parser directives and pragmas

test('parser directives at the top, each once, with their values', () => {
  assert.deepEqual(labels(`# ${CURSOR}\nFROM alpine`), ['syntax', 'escape', 'check', 'hadolint ignore=', 'hadolint global ignore=', 'hadolint shell=']);
  assert.deepEqual(labels(`# syntax=docker/dockerfile:1\n# ${CURSOR}`).slice(0, 2), ['escape', 'check']);
  assert.deepEqual(labels(`# syntax=${CURSOR}`), ['docker/dockerfile:1', 'docker/dockerfile:1-labs']);
  assert.deepEqual(labels(`# escape=${CURSOR}`), ['\\', '`']);
  assert.equal(accept(`# sy${CURSOR}\nFROM alpine`, 'syntax'), '# syntax=\nFROM alpine');
});

test('# check= keys, check names to skip (listed ones left out) and experimental checks', () => {
  assert.deepEqual(labels(`# check=${CURSOR}`), ['skip', 'error', 'experimental']);
  assert.deepEqual(labels(`# check=skip=FromAsCasing;${CURSOR}`), ['error', 'experimental']);
  const skip = labels(`# check=skip=JSONArgsRecommended,${CURSOR}`);
  assert.ok(!skip.includes('JSONArgsRecommended') && !skip.includes('all'));
  assert.deepEqual(skip.slice(0, 3), ['StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation']);
  assert.ok(skip.includes('InvalidBaseImagePlatform'), 'every BuildKit check, implemented here or not');
  assert.deepEqual(labels(`# check=skip=${CURSOR}`)[0], 'all');
  assert.deepEqual(labels(`# check=experimental=${CURSOR}`), ['all', 'InvalidDefinitionDescription']);
  assert.deepEqual(labels(`# check=error=${CURSOR}`), ['true', 'false']);
  assert.equal(accept(`# check=skip=From${CURSOR}AsCasing`, 'StageNameCasing'), '# check=skip=StageNameCasing');
  assert.ok(!labels(`# check=skip=${CURSOR},UndefinedVar;error=true`).includes('UndefinedVar'), 'names after the cursor count too');
});

test('# hadolint pragmas: the keys, then every rule code (hadolint, ours, BuildKit names), listed ones left out', () => {
  const text = PY.replace('RUN useradd', `# hadolint ${CURSOR}\nRUN useradd`);
  assert.deepEqual(labels(text), ['ignore=', 'global ignore=', 'shell=']);
  const codes = labels(PY.replace('RUN useradd', `# hadolint ignore=DL3008, ${CURSOR}\nRUN useradd`));
  assert.deepEqual(codes.slice(0, 3), ['DL1001', 'DL3000', 'DL3001']);
  assert.ok(!codes.includes('DL3008'));
  assert.ok(codes.includes('DX1001') && codes.includes('FromAsCasing'));
  assert.ok(codes.indexOf('DL4006') < codes.indexOf('DX1001') && codes.indexOf('DX2025') < codes.indexOf('ConsistentInstructionCasing'));
  assert.deepEqual(labels(`FROM alpine\n# hadolint shell=${CURSOR}`), ['bash', 'sh', 'pwsh', 'powershell']);
  assert.deepEqual(labels(`FROM alpine\n# ${CURSOR}`), ['hadolint ignore=', 'hadolint global ignore=', 'hadolint shell=', 'check=skip=']);
  assert.ok(labels(`FROM alpine\n# check=skip=${CURSOR}\nRUN x`).includes('UndefinedVar'));
  assert.deepEqual(labels(`FROM alpine\n# Install the packages${CURSOR}`), []);
});

// ---------------------------------------------------------------------------------------
// Documentation and commands

test('resolve adds the documentation: instruction, flag, image, rule, directive, variable, signal', () => {
  const doc = (textWithCursor: string, label: string, plainText = false) => {
    const item = items(textWithCursor).find((i) => i.label === label)!;
    assert.equal(item.documentation, undefined, 'documentation only on resolve');
    const d = resolveCompletion({ ...item }, { plainText }).documentation;
    return typeof d === 'string' ? d : d?.value ?? '';
  };
  assert.match(doc(py(17, `\n${CURSOR}`), 'HEALTHCHECK'), /\[Docker reference\]\(https:\/\/docs\.docker\.com\/reference\/dockerfile\/#healthcheck\)/);
  assert.match(doc(py(17, `\nRUN --${CURSOR}`), '--mount'), /type=cache/);
  assert.match(doc(py(17, `\n\nFROM ${CURSOR}`), 'python'), /CPython/);
  assert.match(doc(`FROM alpine\n# hadolint ignore=${CURSOR}`, 'DL3008'), /^\*\*DL3008\*\* · .+\n\n.+\n\n\[Documentation\]\(https:\/\/github\.com\/.+\/DL3008\.md\)$/);
  assert.match(doc(`# ${CURSOR}`, 'check'), /skip=/);
  assert.match(doc(py(7, ` $${CURSOR}`), 'PIP_NO_CACHE_DIR'), /pip/i);
  assert.match(doc(py(17, `\nSTOPSIGNAL ${CURSOR}`), 'SIGQUIT'), /nginx/);
  const plainDoc = doc(py(17, `\n${CURSOR}`), 'HEALTHCHECK', true);
  assert.doesNotMatch(plainDoc, /\*\*|\]\(/);
});

test('items that need a value reopen the list only for clients that can (retrigger)', () => {
  const withCommand = items(py(17, `\nRUN --${CURSOR}`), { retrigger: true });
  assert.deepEqual(withCommand.find((i) => i.label === '--network')!.command, { title: 'Suggest', command: 'editor.action.triggerSuggest' });
  assert.equal(withCommand.find((i) => i.label === '--device')!.command, undefined, 'no values to offer');
  assert.equal(items(py(17, `\nRUN --${CURSOR}`)).find((i) => i.label === '--network')!.command, undefined);
});

// ---------------------------------------------------------------------------------------
// Robustness

test('never throws: every position of broken and half-typed files', () => {
  const broken = [
    PY,
    'FROM',
    'FROM --platform=',
    'RUN --mount=type=cache,,,=,target \\\n',
    'COPY --from= --chown= \\\n  # c\n\n  ',
    'ONBUILD ONBUILD RUN --mount=',
    '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  C:\\\\ `\n',
    'RUN <<EOF\n${\nEOF',
    'RUN <<"EOF" cat\n$\n',
    'HEALTHCHECK --interval CMD\nHEALTHCHECK NONE --x=\n',
    'ENV A=${B:-${C\nARG ${\n',
    'CMD ["a", \nENTRYPOINT [',
    '\uFEFF# syntax=\r\n# check=skip=,;error=\r\n\r\nfrom x as y\r\n',
    '#\n#=\n# hadolint ignore=,,\n# hadolint global \n# check=skip=a,b;;\n',
    '\\\n\\\n$',
  ];
  for (const text of broken) {
    const model = parseDocument(text);
    const lines = text.split('\n');
    for (let line = 0; line <= lines.length; line++) {
      for (let character = 0; character <= (lines[line]?.length ?? 0) + 1; character++) {
        for (const options of [{ snippets: true, retrigger: true }, {}, { triggerCharacter: ' ' }]) {
          const list = completion(model, { line, character }, options);
          for (const item of list) resolveCompletion(item);
        }
      }
    }
  }
});
