// Tokenizes hand-written Dockerfile snippets with the real TextMate engine
// (vscode-textmate + vscode-oniguruma, the same engine VS Code uses) and checks
// literal scopes on specific tokens. `source.shell` is deliberately not
// available here: the loader returns null, the embedded include is a no-op, and
// we assert on our own `meta.embedded.shell` region instead. One test swaps in
// a tiny stand-in shell grammar (written here) to check that embedded shell
// state cannot leak past the end of an instruction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const SCOPE = 'source.dockerfile.explained';

/** Walks up from the bundle (dist-test/) — or, if bundled elsewhere, from the cwd — to the repo root. */
function findRepoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'syntaxes', 'dockerfile.tmLanguage.json'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`no syntaxes/dockerfile.tmLanguage.json above ${__dirname} or ${process.cwd()}`);
}

const ROOT = findRepoRoot();
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'dockerfile.tmLanguage.json');
const GENERATOR_PATH = path.join(ROOT, 'syntaxes', 'build-dockerfile-grammar.mjs');
const LANGUAGE_CONFIG_PATH = path.join(ROOT, 'language-configuration.json');

const requestedScopes: string[] = [];
let wasmLoaded: Promise<void> | undefined;
const grammars = new Map<string, Promise<vsctm.IGrammar>>();

function loadOnig(): Promise<void> {
  wasmLoaded ??= oniguruma.loadWASM({
    data: fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')),
  });
  return wasmLoaded;
}

/**
 * Our grammar, with `source.shell` unavailable (the default), or — with
 * `fakeShell` — a tiny stand-in shell grammar of our own that has regions able
 * to stay open across lines, to check that embedded shell cannot swallow the
 * instructions that follow.
 */
function loadGrammar(fakeShell?: object): Promise<vsctm.IGrammar> {
  const key = fakeShell ? 'fake-shell' : 'no-shell';
  let loaded = grammars.get(key);
  if (!loaded) {
    loaded = (async () => {
      await loadOnig();
      const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
          createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
          createOnigString: (s: string) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scopeName: string) => {
          requestedScopes.push(scopeName);
          if (scopeName === SCOPE) return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
          if (scopeName === 'source.shell' && fakeShell) {
            return vsctm.parseRawGrammar(JSON.stringify(fakeShell), 'fake-shell.json');
          }
          return null; // e.g. source.shell: not available here
        },
      });
      const grammar = await registry.loadGrammar(SCOPE);
      if (!grammar) throw new Error(`grammar ${SCOPE} did not load`);
      return grammar;
    })();
    grammars.set(key, loaded);
  }
  return loaded;
}

interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

class Doc {
  constructor(
    readonly lines: string[],
    readonly tokens: Token[][],
  ) {}

  /** The token covering the `nth` occurrence of `needle` on line `line` (0-based). */
  token(line: number, needle: string, nth = 0): Token {
    const text = this.lines[line];
    assert.ok(text !== undefined, `no line ${line}`);
    let index = -1;
    for (let i = 0; i <= nth; i++) {
      index = text.indexOf(needle, index + 1);
      assert.ok(index >= 0, `"${needle}" (#${nth}) not found on line ${line}: ${text}`);
    }
    const tok = this.tokens[line].find((t) => t.start <= index && index < t.end);
    assert.ok(tok, `no token at ${line}:${index}`);
    return tok;
  }

  scopes(line: number, needle: string, nth = 0): string[] {
    return this.token(line, needle, nth).scopes;
  }
}

async function tokenize(source: string, fakeShell?: object): Promise<Doc> {
  const grammar = await loadGrammar(fakeShell);
  const lines = source.split('\n');
  let state = vsctm.INITIAL;
  const tokens: Token[][] = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    tokens.push(
      result.tokens.map((t) => ({
        text: line.slice(t.startIndex, t.endIndex),
        start: t.startIndex,
        end: Math.min(t.endIndex, line.length),
        scopes: t.scopes,
      })),
    );
    state = result.ruleStack;
  }
  return new Doc(lines, tokens);
}

function hasScope(scopes: string[], scope: string, what: string): void {
  assert.ok(scopes.includes(scope), `${what}: expected ${scope} in [${scopes.join(', ')}]`);
}

function lacksScope(scopes: string[], scopePrefix: string, what: string): void {
  assert.ok(
    !scopes.some((s) => s === scopePrefix || s.startsWith(scopePrefix + '.')),
    `${what}: did not expect ${scopePrefix} in [${scopes.join(', ')}]`,
  );
}

const EMBEDDED = 'meta.embedded.shell';
const COMMENT = 'comment.line.number-sign.dockerfile';
const VARIABLE = 'variable.other.readwrite.dockerfile';
const BRACED_VARIABLE = 'variable.other.readwrite.braced.dockerfile';
const RULE_CODE = 'constant.other.rule-code.dockerfile';
const INSTRUCTIONS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK',
  'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];

test('grammar file: valid JSON, expected identity, and generated from the checked-in source', () => {
  const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string; name: string };
  assert.equal(raw.scopeName, SCOPE);
  assert.equal(raw.name, 'Dockerfile');
  // Throws (non-zero exit) when the JSON differs from what the generator emits.
  execFileSync(process.execPath, [GENERATOR_PATH, '--check'], { stdio: 'pipe' });
});

test('every regex in the grammar compiles with oniguruma', async () => {
  await loadOnig();
  const raw: unknown = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
  const failures: string[] = [];
  let compiled = 0;
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${where}[${i}]`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if ((key === 'match' || key === 'begin' || key === 'end' || key === 'while') && typeof value === 'string') {
        // end/while may refer back to begin captures (\4): substitute a literal, as vscode-textmate does.
        const source = key === 'end' || key === 'while' ? value.replace(/\\([1-9])/g, 'X') : value;
        try {
          new oniguruma.OnigScanner([source]).dispose();
          compiled++;
        } catch (err) {
          failures.push(`${where}.${key}: ${value} (${(err as Error).message})`);
        }
      } else {
        walk(value, `${where}.${key}`);
      }
    }
  };
  walk(raw, '$');
  assert.deepEqual(failures, []);
  assert.ok(compiled > 100, `only ${compiled} regexes found`);
});

test('FROM: flag, image, tag, digest, AS and stage name', async () => {
  const doc = await tokenize(
    [
      'FROM python:3.11-slim AS base',
      'FROM --platform=$BUILDPLATFORM golang:1.22@sha256:0123abcd as build',
      'FROM localhost:5000/team/app:${TAG}',
    ].join('\n'),
  );
  hasScope(doc.scopes(0, 'FROM'), 'keyword.other.instruction.from.dockerfile', 'FROM');
  assert.ok(doc.scopes(0, 'FROM').some((s) => s.startsWith('keyword.')), 'FROM is a keyword');
  hasScope(doc.scopes(0, 'python'), 'entity.name.image.dockerfile', 'image name');
  hasScope(doc.scopes(0, '3.11-slim'), 'constant.other.image-tag.dockerfile', 'tag');
  hasScope(doc.scopes(0, 'AS'), 'keyword.other.as.dockerfile', 'AS');
  const stage = doc.token(0, 'base');
  assert.equal(stage.text, 'base');
  hasScope(stage.scopes, 'entity.name.type.stage.dockerfile', 'stage name');

  hasScope(doc.scopes(1, 'platform'), 'entity.other.attribute-name.flag.dockerfile', '--platform');
  hasScope(doc.scopes(1, 'BUILDPLATFORM'), VARIABLE, '$BUILDPLATFORM');
  hasScope(doc.scopes(1, 'golang'), 'entity.name.image.dockerfile', 'image after flag');
  hasScope(doc.scopes(1, 'sha256:0123abcd'), 'constant.other.image-digest.dockerfile', 'digest');
  hasScope(doc.scopes(1, 'as'), 'keyword.other.as.dockerfile', 'lower-case as');
  hasScope(doc.scopes(1, 'build'), 'entity.name.type.stage.dockerfile', 'stage name after as');

  // A registry port is part of the name, not a tag; a variable tag is a variable.
  const registry = doc.token(2, 'localhost');
  assert.equal(registry.text, 'localhost:5000/team/app');
  hasScope(registry.scopes, 'entity.name.image.dockerfile', 'registry with port');
  hasScope(doc.scopes(2, 'TAG'), BRACED_VARIABLE, '${TAG}');
});

test('parser directives at the top are directives; the same text later is a comment', async () => {
  const doc = await tokenize(
    [
      '# syntax=docker/dockerfile:1',
      '# check=skip=JSONArgsRecommended;error=true',
      'FROM alpine',
      '# syntax=docker/dockerfile:1',
      '# just a comment',
    ].join('\n'),
  );
  hasScope(doc.scopes(0, 'syntax'), 'keyword.control.directive.dockerfile', 'syntax directive key');
  hasScope(doc.scopes(0, 'docker/dockerfile:1'), 'string.unquoted.directive-value.dockerfile', 'directive value');
  lacksScope(doc.scopes(0, '#'), 'comment', 'directive # is not a comment');
  hasScope(doc.scopes(1, 'check'), 'keyword.control.directive.dockerfile', 'check directive key');
  hasScope(doc.scopes(1, 'JSONArgsRecommended'), RULE_CODE, 'check rule name');
  // after an instruction, directives are plain comments
  hasScope(doc.scopes(3, 'syntax'), COMMENT, 'late "directive"');
  lacksScope(doc.scopes(3, 'syntax'), 'keyword', 'late "directive"');
  hasScope(doc.scopes(4, 'just'), COMMENT, 'comment');
  hasScope(doc.scopes(4, '#'), 'punctuation.definition.comment.dockerfile', 'comment #');
});

test('hadolint pragmas: keyword and rule codes are scoped', async () => {
  const doc = await tokenize(
    ['# hadolint ignore=DL3008,DL3015', '# hadolint global ignore=DL3003', 'RUN apt-get update'].join('\n'),
  );
  hasScope(doc.scopes(0, 'hadolint'), 'keyword.other.pragma.hadolint.dockerfile', 'hadolint');
  hasScope(doc.scopes(0, 'ignore'), 'keyword.other.pragma.command.dockerfile', 'ignore');
  const code = doc.token(0, 'DL3008');
  assert.equal(code.text, 'DL3008');
  hasScope(code.scopes, RULE_CODE, 'DL3008');
  hasScope(doc.scopes(0, 'DL3015'), RULE_CODE, 'DL3015');
  hasScope(doc.scopes(0, ','), 'punctuation.separator.rule-code.dockerfile', 'comma');
  hasScope(doc.scopes(1, 'global'), 'storage.modifier.pragma.global.dockerfile', 'global');
  hasScope(doc.scopes(1, 'DL3003'), RULE_CODE, 'DL3003');
  // an ordinary comment mentioning a rule is not a pragma
  const plain = await tokenize('# see DL3008 for details');
  lacksScope(plain.scopes(0, 'DL3008'), 'constant', 'DL3008 in plain comment');
});

test('RUN body is embedded shell, across continuations and comment lines, and ends with the instruction', async () => {
  const doc = await tokenize(
    [
      'RUN --mount=type=cache,target=/root/.cache apt-get update \\',
      '    # refresh the index first',
      '    && apt-get install -y curl \\',
      '',
      '    && echo $HOME',
      'USER app',
    ].join('\n'),
  );
  hasScope(doc.scopes(0, 'RUN'), 'keyword.other.instruction.run.dockerfile', 'RUN');
  lacksScope(doc.scopes(0, 'RUN'), EMBEDDED, 'RUN keyword');
  lacksScope(doc.scopes(0, 'mount'), EMBEDDED, 'flag before the body');
  hasScope(doc.scopes(0, 'type'), 'support.type.property-name.flag-option.dockerfile', 'mount option key');
  hasScope(doc.scopes(0, 'cache,'), 'string.unquoted.flag-value.dockerfile', 'mount option value');
  hasScope(doc.scopes(0, 'apt-get'), EMBEDDED, 'apt-get');
  hasScope(doc.scopes(0, 'apt-get'), 'entity.name.function.command.dockerfile', 'first command word');
  hasScope(doc.scopes(0, '\\'), 'constant.character.escape.line-continuation.dockerfile', 'continuation');
  hasScope(doc.scopes(1, 'refresh'), COMMENT, 'comment between continuation lines');
  hasScope(doc.scopes(2, 'install'), EMBEDDED, 'continuation line');
  hasScope(doc.scopes(4, 'echo'), EMBEDDED, 'line after an empty continuation line');
  hasScope(doc.scopes(4, 'HOME'), VARIABLE, '$HOME in RUN');
  hasScope(doc.scopes(5, 'USER'), 'keyword.other.instruction.user.dockerfile', 'next instruction');
  lacksScope(doc.scopes(5, 'USER'), EMBEDDED, 'next instruction');
  lacksScope(doc.scopes(5, 'USER'), 'meta.instruction.run', 'next instruction');
});

test('heredocs: RUN body is shell up to the terminator, COPY body is a string', async () => {
  const doc = await tokenize(
    [
      'RUN <<EOF',
      'apt-get update',
      'echo "$HOME"',
      'EOF',
      'COPY <<-CONF /etc/app.conf',
      '\tkey=$VALUE',
      '\tCONF',
      "COPY <<'RAW' /raw",
      'x=$NOT_EXPANDED',
      'RAW',
      'RUN python3 <<PY',
      'print("hi")',
      'PY',
      'WORKDIR /app',
    ].join('\n'),
  );
  hasScope(doc.scopes(0, '<<'), 'keyword.operator.heredoc.dockerfile', '<<');
  hasScope(doc.scopes(0, 'EOF'), 'keyword.control.heredoc-delimiter.dockerfile', 'delimiter');
  hasScope(doc.scopes(1, 'apt-get'), EMBEDDED, 'RUN heredoc body');
  hasScope(doc.scopes(2, 'echo'), EMBEDDED, 'RUN heredoc body line 2');
  const terminator = doc.token(3, 'EOF');
  hasScope(terminator.scopes, 'keyword.control.heredoc-delimiter.dockerfile', 'terminator');
  lacksScope(terminator.scopes, EMBEDDED, 'terminator');

  hasScope(doc.scopes(4, 'COPY'), 'keyword.other.instruction.copy.dockerfile', 'COPY after heredoc');
  hasScope(doc.scopes(5, 'key='), 'string.unquoted.heredoc.dockerfile', 'COPY heredoc body');
  lacksScope(doc.scopes(5, 'key='), EMBEDDED, 'COPY heredoc body');
  hasScope(doc.scopes(5, 'VALUE'), VARIABLE, 'variable in unquoted COPY heredoc');
  hasScope(doc.scopes(6, 'CONF'), 'keyword.control.heredoc-delimiter.dockerfile', '<<- terminator with tab');
  lacksScope(doc.scopes(8, 'NOT_EXPANDED'), 'variable', 'quoted heredoc does not expand');
  hasScope(doc.scopes(11, 'print'), 'string.unquoted.heredoc.dockerfile', 'stdin of a non-shell command');
  hasScope(doc.scopes(13, 'WORKDIR'), 'keyword.other.instruction.workdir.dockerfile', 'after the heredocs');
  lacksScope(doc.scopes(13, 'WORKDIR'), 'meta.heredoc', 'after the heredocs');
});

test('variables: $VAR, ${VAR}, ${VAR:-default}, ${VAR:+x} in instruction arguments', async () => {
  const doc = await tokenize(
    [
      'WORKDIR $HOME/app',
      'ENV PATH=${PATH}:/opt/bin MODE=${MODE:-dev} EXTRA=${DEBUG:+-v}',
      'LABEL version="$VERSION" literal=\'$NOPE\'',
      'COPY --chown=${UID}:${GID} ["src", "$DEST"]',
      'ENV COST=\\$5',
    ].join('\n'),
  );
  const home = doc.token(0, 'HOME');
  assert.equal(home.text, 'HOME');
  hasScope(home.scopes, VARIABLE, '$HOME');
  hasScope(doc.scopes(0, '$'), 'punctuation.definition.variable.dockerfile', '$ of $HOME');
  hasScope(doc.scopes(1, 'PATH', 1), BRACED_VARIABLE, '${PATH}');
  hasScope(doc.scopes(1, '${'), 'punctuation.definition.variable.begin.dockerfile', '${');
  hasScope(doc.scopes(1, ':-'), 'keyword.operator.expansion.dockerfile', ':-');
  hasScope(doc.scopes(1, 'dev'), 'string.unquoted.expansion-value.dockerfile', 'default value');
  hasScope(doc.scopes(1, ':+'), 'keyword.operator.expansion.dockerfile', ':+');
  hasScope(doc.scopes(1, 'MODE'), 'variable.other.definition.dockerfile', 'ENV key');
  hasScope(doc.scopes(2, 'VERSION'), VARIABLE, 'variable inside double quotes');
  hasScope(doc.scopes(2, 'VERSION'), 'string.quoted.double.dockerfile', 'double-quoted string');
  hasScope(doc.scopes(2, 'NOPE'), 'string.quoted.single.dockerfile', 'single-quoted string');
  lacksScope(doc.scopes(2, 'NOPE'), 'variable', 'no expansion in single quotes');
  hasScope(doc.scopes(3, 'UID'), BRACED_VARIABLE, 'variable in a flag value');
  hasScope(doc.scopes(3, 'DEST'), VARIABLE, 'variable in COPY JSON form');
  hasScope(doc.scopes(4, '\\$'), 'constant.character.escape.dockerfile', 'escaped $');
  lacksScope(doc.scopes(4, '5'), 'variable', 'escaped $');
});

test('exec form stays JSON strings; shell form of CMD/ENTRYPOINT/HEALTHCHECK CMD is shell', async () => {
  const doc = await tokenize(
    [
      'CMD ["python", "-m", "app"]',
      'ENTRYPOINT ["/bin/sh", "-c", "echo $HOME"]',
      'CMD python -m app',
      'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1',
      'HEALTHCHECK NONE',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN [ -f /etc/os-release ] && echo ok',
    ].join('\n'),
  );
  hasScope(doc.scopes(0, 'python'), 'string.quoted.double.json.dockerfile', 'exec-form element');
  hasScope(doc.scopes(0, '['), 'punctuation.definition.array.begin.dockerfile', '[');
  hasScope(doc.scopes(0, ','), 'punctuation.separator.array.dockerfile', ',');
  lacksScope(doc.scopes(0, 'python'), EMBEDDED, 'exec-form element');
  lacksScope(doc.scopes(1, 'HOME'), 'variable', 'no substitution in exec form');
  hasScope(doc.scopes(2, 'python'), EMBEDDED, 'shell-form CMD');
  hasScope(doc.scopes(3, 'interval'), 'entity.other.attribute-name.flag.dockerfile', 'HEALTHCHECK flag');
  hasScope(doc.scopes(3, 'CMD'), 'keyword.other.instruction.cmd.dockerfile', 'HEALTHCHECK CMD');
  hasScope(doc.scopes(3, 'curl'), EMBEDDED, 'HEALTHCHECK CMD body');
  lacksScope(doc.scopes(3, 'interval'), EMBEDDED, 'HEALTHCHECK flag');
  hasScope(doc.scopes(4, 'NONE'), 'constant.language.none.dockerfile', 'HEALTHCHECK NONE');
  hasScope(doc.scopes(5, 'pipefail'), 'string.quoted.double.json.dockerfile', 'SHELL exec form');
  // `[ -f … ]` is the test command, not a JSON array
  hasScope(doc.scopes(6, '-f'), EMBEDDED, 'shell test bracket');
});

test('all 18 instructions are keywords, case-insensitive, with leading whitespace; ONBUILD takes a trigger', async () => {
  const lines = INSTRUCTIONS.map((word, i) => {
    const cased = i % 3 === 0 ? word.toLowerCase() : i % 3 === 1 ? word : word[0] + word.slice(1).toLowerCase();
    return `${i % 2 ? '  ' : ''}${cased} x`;
  });
  const doc = await tokenize(lines.join('\n'));
  INSTRUCTIONS.forEach((word, i) => {
    const kw = doc.token(i, lines[i].trim().split(' ')[0]);
    assert.equal(kw.text.toUpperCase(), word);
    hasScope(kw.scopes, `keyword.other.instruction.${word.toLowerCase()}.dockerfile`, word);
  });

  const notKeyword = await tokenize('RUNNER x\nFROMAGE y');
  lacksScope(notKeyword.scopes(0, 'RUNNER'), 'keyword', 'RUNNER');
  lacksScope(notKeyword.scopes(1, 'FROMAGE'), 'keyword', 'FROMAGE');

  const onbuild = await tokenize('ONBUILD RUN make install\nonbuild \\\n  COPY . /src');
  hasScope(onbuild.scopes(0, 'ONBUILD'), 'keyword.other.instruction.onbuild.dockerfile', 'ONBUILD');
  hasScope(onbuild.scopes(0, 'RUN'), 'keyword.other.instruction.run.dockerfile', 'ONBUILD trigger');
  hasScope(onbuild.scopes(0, 'make'), EMBEDDED, 'ONBUILD RUN body');
  hasScope(onbuild.scopes(2, 'COPY'), 'keyword.other.instruction.copy.dockerfile', 'trigger on continuation line');
});

test('ARG, ENV, LABEL, EXPOSE and STOPSIGNAL arguments', async () => {
  const doc = await tokenize(
    [
      'ARG PY_VERSION=3.12 TARGETARCH',
      'ENV LEGACY_FORM some value',
      'LABEL org.opencontainers.image.title="demo"',
      'EXPOSE 8080/tcp 53/udp',
      'STOPSIGNAL SIGTERM',
    ].join('\n'),
  );
  hasScope(doc.scopes(0, 'PY_VERSION'), 'variable.other.definition.dockerfile', 'ARG name');
  hasScope(doc.scopes(0, 'TARGETARCH'), 'variable.other.definition.dockerfile', 'ARG without default');
  hasScope(doc.scopes(1, 'LEGACY_FORM'), 'variable.other.definition.dockerfile', 'legacy ENV key');
  lacksScope(doc.scopes(1, 'value'), 'variable', 'legacy ENV value');
  hasScope(doc.scopes(2, 'org.opencontainers'), 'entity.other.attribute-name.label.dockerfile', 'LABEL key');
  hasScope(doc.scopes(3, '8080'), 'constant.numeric.port.dockerfile', 'port');
  hasScope(doc.scopes(3, 'udp'), 'constant.language.protocol.dockerfile', 'protocol');
  hasScope(doc.scopes(4, 'SIGTERM'), 'constant.language.signal.dockerfile', 'signal');
});

test('escape=` directive: backtick continues lines, backslash does not', async () => {
  const windows = await tokenize(
    [
      '# escape=`',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'RUN powershell -Command `',
      '    Write-Host hello',
      'WORKDIR C:\\app\\',
      'COPY . .',
    ].join('\n'),
  );
  hasScope(windows.scopes(0, 'escape'), 'keyword.control.directive.dockerfile', 'escape directive');
  hasScope(windows.scopes(2, '`'), 'constant.character.escape.line-continuation.dockerfile', 'backtick continuation');
  hasScope(windows.scopes(3, 'Write-Host'), EMBEDDED, 'continued with backtick');
  hasScope(windows.scopes(5, 'COPY'), 'keyword.other.instruction.copy.dockerfile', 'trailing backslash does not continue');

  const unix = await tokenize(['RUN echo `date`', 'USER app'].join('\n'));
  hasScope(unix.scopes(1, 'USER'), 'keyword.other.instruction.user.dockerfile', 'backtick is not a continuation by default');
  lacksScope(unix.scopes(1, 'USER'), EMBEDDED, 'backtick is not a continuation by default');
});

// The shell grammar is only used from capture patterns, which engines do not
// scan for dependencies; the grammar carries a visible include so it is loaded.
test('embedded shell is requested as source.shell, and a missing shell grammar is tolerated', async () => {
  await loadGrammar();
  await tokenize('RUN echo hi');
  assert.ok(requestedScopes.includes('source.shell'), `requested: ${requestedScopes.join(', ')}`);
});

test('embedded shell is contained: shell state left open on one line cannot swallow what follows', async () => {
  const fakeShell = {
    scopeName: 'source.shell',
    patterns: [
      { begin: "'", end: "'", name: 'string.quoted.single.fake-shell' },
      { begin: '\\bif\\b', end: '\\bfi\\b', name: 'meta.if.fake-shell' },
      { match: '\\becho\\b', name: 'support.function.fake-shell' },
    ],
  };
  const doc = await tokenize(
    [
      "RUN echo 'unterminated \\",
      '    && echo next',
      'RUN if true; then \\',
      '      echo yes; \\',
      '    else echo no; fi',
      'RUN <<EOF',
      'echo from heredoc',
      "echo 'unbalanced",
      'EOF',
      'USER app',
    ].join('\n'),
    fakeShell,
  );
  // the shell grammar is really used, inside our embedded region
  hasScope(doc.scopes(0, 'unterminated'), 'string.quoted.single.fake-shell', 'shell string');
  hasScope(doc.scopes(0, 'unterminated'), EMBEDDED, 'shell string');
  // ... but one physical line at a time: the unterminated quote ends with its line
  hasScope(doc.scopes(1, 'echo'), 'support.function.fake-shell', 'next continuation line');
  lacksScope(doc.scopes(1, 'echo'), 'string', 'next continuation line');
  hasScope(doc.scopes(1, 'echo'), EMBEDDED, 'next continuation line');
  hasScope(doc.scopes(3, 'echo'), EMBEDDED, 'inside a multi-line if');
  hasScope(doc.scopes(5, 'RUN'), 'keyword.other.instruction.run.dockerfile', 'RUN after an open if');
  lacksScope(doc.scopes(5, 'RUN'), EMBEDDED, 'RUN after an open if');
  hasScope(doc.scopes(6, 'echo'), 'support.function.fake-shell', 'heredoc script uses the shell grammar');
  hasScope(doc.scopes(6, 'echo'), EMBEDDED, 'heredoc script uses the shell grammar');
  const terminator = doc.token(8, 'EOF');
  hasScope(terminator.scopes, 'keyword.control.heredoc-delimiter.dockerfile', 'terminator after an unbalanced quote');
  lacksScope(terminator.scopes, 'string', 'terminator after an unbalanced quote');
  hasScope(doc.scopes(9, 'USER'), 'keyword.other.instruction.user.dockerfile', 'instruction after all of it');
  lacksScope(doc.scopes(9, 'USER'), EMBEDDED, 'instruction after all of it');
});

test('language configuration: # comments, brackets, quotes, Enter after a trailing backslash', () => {
  type RegexSpec = string | { pattern: string; flags?: string };
  interface Rule {
    beforeText: RegexSpec;
    action: { indent: string };
  }
  const config = JSON.parse(fs.readFileSync(LANGUAGE_CONFIG_PATH, 'utf8')) as {
    comments: { lineComment: string };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string }[];
    onEnterRules: Rule[];
  };
  assert.equal(config.comments.lineComment, '#');
  for (const pair of [['[', ']'], ['{', '}']]) {
    assert.ok(config.brackets.some((b) => b[0] === pair[0] && b[1] === pair[1]), `bracket ${pair.join('')}`);
  }
  for (const q of ['[', '{', '"', "'"]) {
    assert.ok(config.autoClosingPairs.some((p) => p.open === q), `auto-closing ${q}`);
  }
  const toRegExp = (spec: RegexSpec): RegExp =>
    typeof spec === 'string' ? new RegExp(spec) : new RegExp(spec.pattern, spec.flags);
  const onEnter = (line: string): string | undefined =>
    config.onEnterRules.find((r) => toRegExp(r.beforeText).test(line))?.action.indent;

  assert.equal(onEnter('    apt-get install -y curl \\'), 'none', 'continuation keeps indentation');
  assert.equal(onEnter('    && rm -rf /var/lib/apt/lists/* \\  '), 'none', 'trailing blanks after the backslash');
  assert.equal(onEnter('run apt-get update && \\'), 'indent', 'first line of an instruction indents');
  assert.equal(onEnter('RUN apt-get update'), undefined, 'no backslash: no rule');
});
