/**
 * Semantic tokens as the editor paints them: one row per token, `line:column "text" type.modifiers`
 * (1-based), expected tables written by hand. Plus deltas, CRLF, and a check over the corpus.
 */
import './setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../server/src/model/document';
import { semanticTokens, semanticTokensLegend, SemanticTokensStore, TOKEN_TYPES, TOKEN_MODIFIERS } from '../server/src/service/semanticTokens';
import { corpusDir, CORPUS_MISSING } from './corpus-dir';

/** The tokens of `text`, rendered one per row. Plain words with no token are not listed. */
function paint(text: string): string[] {
  const data = semanticTokens(parseDocument(text)).data;
  const lines = text.split(/\r?\n/);
  const rows: string[] = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    ch = data[i] ? data[i + 1] : ch + data[i + 1];
    const mods = TOKEN_MODIFIERS.filter((_, k) => data[i + 4] & (1 << k));
    rows.push(`${line + 1}:${ch + 1} ${JSON.stringify(lines[line].slice(ch, ch + data[i + 2]))} ${TOKEN_TYPES[data[i + 3]]}${mods.map((m) => '.' + m).join('')}`);
  }
  return rows;
}

const PYTHON = [
  '# syntax=docker/dockerfile:1',
  'ARG PYTHON=3.12',
  'FROM python:${PYTHON}-slim AS base',
  'ENV PYTHONDONTWRITEBYTECODE=1 \\',
  '    PIP_NO_CACHE_DIR=off',
  'RUN apt-get update \\',
  '    # no recommends: smaller image',
  '    && apt-get install -y --no-install-recommends libpq5 \\',
  '    && rm -rf /var/lib/apt/lists/*',
  'FROM base AS app',
  'COPY --from=base --chown=app:app requirements.txt .',
  'USER app',
  'EXPOSE 8000',
  'HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/ || exit 1',
  'CMD ["gunicorn", "app:app"]',
  '',
].join('\n');

const PYTHON_TOKENS = [
  '1:1 "# " comment',
  '1:3 "syntax" macro',
  '1:9 "=" operator',
  '1:10 "docker/" namespace',
  '1:17 "dockerfile" type',
  '1:27 ":" operator',
  '1:28 "1" string',
  '2:1 "ARG" keyword',
  '2:5 "PYTHON" variable.declaration',
  '2:11 "=" operator',
  '2:12 "3.12" string',
  '3:1 "FROM" keyword',
  '3:6 "python:" type',
  '3:13 "${PYTHON}" variable',
  '3:22 "-slim" type',
  '3:28 "AS" keyword',
  '3:31 "base" class.declaration',
  '4:1 "ENV" keyword',
  '4:5 "PYTHONDONTWRITEBYTECODE" variable.declaration',
  '4:28 "=" operator',
  '4:29 "1" string',
  '5:5 "PIP_NO_CACHE_DIR" variable.declaration',
  '5:21 "=" operator',
  '5:22 "off" string',
  '6:1 "RUN" keyword',
  '6:5 "apt-get" function',
  '7:5 "# no recommends: smaller image" comment',
  '8:5 "&&" operator',
  '8:8 "apt-get" function',
  '8:24 "-y" parameter',
  '8:27 "--no-install-recommends" parameter',
  '9:5 "&&" operator',
  '9:8 "rm" function',
  '9:11 "-rf" parameter',
  '10:1 "FROM" keyword',
  '10:6 "base" class',
  '10:11 "AS" keyword',
  '10:14 "app" class.declaration',
  '11:1 "COPY" keyword',
  '11:6 "--from" parameter',
  '11:12 "=" operator',
  '11:13 "base" class',
  '11:18 "--chown" parameter',
  '11:25 "=" operator',
  '11:26 "app:app" string',
  '12:1 "USER" keyword',
  '13:1 "EXPOSE" keyword',
  '13:8 "8000" number',
  '14:1 "HEALTHCHECK" keyword',
  '14:13 "--interval" parameter',
  '14:23 "=" operator',
  '14:24 "30s" number',
  '14:28 "CMD" keyword',
  '14:32 "curl" function',
  '14:37 "-f" parameter',
  '14:63 "||" operator',
  '14:66 "exit" function',
  '15:1 "CMD" keyword',
  '15:5 "[" operator',
  '15:6 "\\"gunicorn\\"" function',
  '15:16 "," operator',
  '15:18 "\\"app:app\\"" string',
  '15:27 "]" operator',
];

test('a multi-stage Python Dockerfile: directive, images, stages, variables, flags, shell, exec form', () => {
  assert.deepEqual(paint(PYTHON), PYTHON_TOKENS);
});

test('CRLF line breaks give the same tokens as LF (no token covers a CR)', () => {
  const crlf = PYTHON.replace(/\n/g, '\r\n');
  assert.deepEqual(semanticTokens(parseDocument(crlf)).data, semanticTokens(parseDocument(PYTHON)).data);
  assert.deepEqual(paint(crlf), PYTHON_TOKENS);
});

test('a token is cut around a line continuation: the escape character and the line break are not in it', () => {
  assert.deepEqual(paint('ENV GREETING="hello \\\n  world" \\\n    TARGET=prod\n'), [
    '1:1 "ENV" keyword',
    '1:5 "GREETING" variable.declaration',
    '1:13 "=" operator',
    '1:14 "\\"hello " string',
    '2:1 "  world\\"" string',
    '3:5 "TARGET" variable.declaration',
    '3:11 "=" operator',
    '3:12 "prod" string',
  ]);
});

test('escape=` with PowerShell: backtick continuations, strings and variables; no shell parsing of PowerShell', () => {
  const text = [
    '# escape=`',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
    'SHELL ["powershell", "-Command"]',
    'RUN Write-Host "hello `',
    '    world"; `',
    "    $env:PATH = 'C:\\tools;' + $env:PATH",
    'COPY app C:\\app\\',
    '',
  ].join('\r\n');
  assert.deepEqual(paint(text), [
    '1:1 "# " comment',
    '1:3 "escape" macro',
    '1:9 "=" operator',
    '1:10 "`" string',
    '2:1 "FROM" keyword',
    '2:6 "mcr.microsoft.com/windows/" namespace',
    '2:32 "servercore" type',
    '2:42 ":" operator',
    '2:43 "ltsc2022" string',
    '3:1 "SHELL" keyword',
    '3:7 "[" operator',
    '3:8 "\\"powershell\\"" function',
    '3:20 "," operator',
    '3:22 "\\"-Command\\"" string',
    '3:32 "]" operator',
    '4:1 "RUN" keyword',
    '4:16 "\\"hello " string',
    '5:1 "    world\\"" string',
    '6:5 "$env" variable',
    "6:17 \"'C:\\\\tools;'\" string",
    '6:31 "$env" variable',
    '7:1 "COPY" keyword',
  ]);
});

test('heredocs: a RUN script is highlighted as shell; data bodies (python, COPY) get no tokens', () => {
  const text = [
    'FROM alpine',
    'RUN <<EOF',
    'set -e',
    'if [ -n "$HOME" ]; then echo ok; fi',
    'EOF',
    "RUN python3 <<'PY'",
    'print("$not_a_variable")',
    'PY',
    'COPY <<EOF /etc/motd',
    'Hello $USER',
    'EOF',
    '',
  ].join('\n');
  assert.deepEqual(paint(text), [
    '1:1 "FROM" keyword',
    '1:6 "alpine" type',
    '2:1 "RUN" keyword',
    '2:5 "<<" operator',
    '2:7 "EOF" keyword',
    '3:1 "set" function',
    '3:5 "-e" parameter',
    '4:1 "if" keyword',
    '4:4 "[" function',
    '4:6 "-n" parameter',
    '4:9 "\\"" string',
    '4:10 "$HOME" variable',
    '4:15 "\\"" string',
    '4:18 ";" operator',
    '4:20 "then" keyword',
    '4:25 "echo" function',
    '4:32 ";" operator',
    '4:34 "fi" keyword',
    '5:1 "EOF" keyword',
    '6:1 "RUN" keyword',
    '6:5 "python3" function',
    '6:13 "<<" operator',
    "6:15 \"'PY'\" keyword",
    '8:1 "PY" keyword',
    '9:1 "COPY" keyword',
    '9:6 "<<" operator',
    '9:8 "EOF" keyword',
    '11:1 "EOF" keyword',
  ]);
});

test('RUN --mount options, case statements, command substitution, redirections and well-known ARGs', () => {
  const text = [
    'FROM --platform=$BUILDPLATFORM golang:1.22@sha256:abc AS build',
    'RUN --mount=type=secret,id=npmrc,required npm ci',
    'RUN case "$(uname -m)" in x86_64|amd64) arch=amd64 ;; *) exit 1 ;; esac 2>/dev/null',
    'MAINTAINER someone',
    'ONBUILD run make',
    '',
  ].join('\n');
  assert.deepEqual(paint(text), [
    '1:1 "FROM" keyword',
    '1:6 "--platform" parameter',
    '1:16 "=" operator',
    '1:17 "$BUILDPLATFORM" variable.defaultLibrary',
    '1:32 "golang" type',
    '1:38 ":" operator',
    '1:39 "1.22" string',
    '1:43 "@" operator',
    '1:44 "sha256:abc" string',
    '1:55 "AS" keyword',
    '1:58 "build" class.declaration',
    '2:1 "RUN" keyword',
    '2:5 "--mount" parameter',
    '2:12 "=" operator',
    '2:13 "type" property',
    '2:17 "=" operator',
    '2:18 "secret" enumMember',
    '2:24 "," operator',
    '2:25 "id" property',
    '2:27 "=" operator',
    '2:28 "npmrc" string',
    '2:33 "," operator',
    '2:34 "required" property',
    '2:43 "npm" function',
    '3:1 "RUN" keyword',
    '3:5 "case" keyword',
    '3:10 "\\"" string',
    '3:11 "$(" operator',
    '3:13 "uname" function',
    '3:19 "-m" parameter',
    '3:21 ")" operator',
    '3:22 "\\"" string',
    '3:24 "in" keyword',
    '3:33 "|" operator',
    '3:39 ")" operator',
    '3:41 "arch" variable.declaration',
    '3:45 "=" operator',
    '3:52 ";;" operator',
    '3:56 ")" operator',
    '3:58 "exit" function',
    '3:65 ";;" operator',
    '3:68 "esac" keyword',
    '3:73 "2>" operator',
    '4:1 "MAINTAINER" keyword.deprecated',
    '4:12 "someone" string',
    '5:1 "ONBUILD" keyword',
    '5:9 "run" keyword',
    '5:13 "make" function',
  ]);
});

test('the legend declares every token type and modifier the service emits', () => {
  assert.deepEqual(semanticTokensLegend.tokenTypes, [
    'keyword',
    'comment',
    'parameter',
    'property',
    'namespace',
    'type',
    'class',
    'string',
    'variable',
    'operator',
    'function',
    'macro',
    'number',
    'enumMember',
  ]);
  assert.deepEqual(semanticTokensLegend.tokenModifiers, ['declaration', 'deprecated', 'defaultLibrary']);
});

/** Applies LSP semantic-token edits to the previous data. */
function applyTokenEdits(data: number[], edits: { start: number; deleteCount: number; data?: number[] }[]): number[] {
  const out = [...data];
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

test('delta: after a one-line edit the answer is one small edit that rebuilds the full result', () => {
  const store = new SemanticTokensStore();
  const uri = 'file:///Dockerfile';
  const before = store.full(uri, parseDocument(PYTHON, uri, 1));
  // line 12 `USER app` becomes `USER $APP_USER`
  const after = PYTHON.replace('USER app', 'USER $APP_USER');
  const delta = store.delta(uri, parseDocument(after, uri, 2), before.resultId!);
  assert.ok('edits' in delta, 'a delta, not a full result');
  assert.notEqual(delta.resultId, before.resultId);
  assert.equal(delta.edits.length, 1);
  assert.deepEqual(delta.edits[0].data, [0, 5, 9, 8, 0]); // `$APP_USER` variable, inserted after USER
  assert.equal(delta.edits[0].deleteCount, 0);
  assert.deepEqual(applyTokenEdits(before.data, delta.edits), semanticTokens(parseDocument(after)).data);
  // the same text again: no edit at all
  const same = store.delta(uri, parseDocument(after, uri, 3), delta.resultId!);
  assert.deepEqual('edits' in same && same.edits, []);
});

test('delta against an unknown or stale result id answers with the full tokens', () => {
  const store = new SemanticTokensStore();
  const uri = 'file:///Dockerfile';
  store.full(uri, parseDocument(PYTHON, uri, 1));
  const r = store.delta(uri, parseDocument(PYTHON, uri, 2), 'not-a-result');
  assert.ok('data' in r);
  assert.deepEqual(r.data, semanticTokens(parseDocument(PYTHON)).data);
  store.forget(uri);
  assert.ok('data' in store.delta(uri, parseDocument(PYTHON, uri, 3), r.resultId!));
});

const dir = corpusDir();
const reason = CORPUS_MISSING;
if (!dir) console.log(`# skipping semantic-token corpus test: ${reason}`);

test('every corpus file: tokens in order, never overlapping, inside their line, never starting or ending on blank space', { skip: dir ? false : reason }, () => {
  const files = readdirSync(dir!).filter((f) => f !== 'MANIFEST.tsv');
  const problems: string[] = [];
  let tokens = 0;
  for (const f of files) {
    const text = readFileSync(join(dir!, f), 'utf8');
    const model = parseDocument(text, `file:///corpus/${f}`, 1);
    const data = semanticTokens(model).data;
    let line = 0;
    let ch = 0;
    let prevEnd = 0;
    for (let i = 0; i < data.length; i += 5) {
      if (data[i]) prevEnd = 0;
      line += data[i];
      ch = data[i] ? data[i + 1] : ch + data[i + 1];
      const lineText = model.lines.lineText(line);
      const token = lineText.slice(ch, ch + data[i + 2]);
      const type = TOKEN_TYPES[data[i + 3]];
      tokens++;
      const where = `${f}:${line + 1}:${ch + 1}`;
      if (!type || data[i + 4] >= 1 << TOKEN_MODIFIERS.length) problems.push(`${where} not in the legend`);
      if (ch < prevEnd) problems.push(`${where} overlaps the previous token`);
      if (data[i + 2] <= 0 || ch + data[i + 2] > lineText.length) problems.push(`${where} outside its line`);
      // strings and comments may hold blank space (`"a b"`, a string continued on the next line)
      else if (type !== 'string' && type !== 'comment' && /^\s|\s$/.test(token)) problems.push(`${where} ${JSON.stringify(token)} ${type}`);
      prevEnd = ch + data[i + 2];
    }
  }
  console.log(`semantic tokens: ${files.length} corpus files, ${tokens} tokens, ${problems.length} problems`);
  assert.deepEqual(problems.slice(0, 20), []);
});
