import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SignatureHelp } from 'vscode-languageserver-types';
import { parseDocument } from '../server/src/model/document';
import { signatureHelp, type SignatureOptions } from '../server/src/service/signature';

/** The cursor in a test text. */
const CURSOR = '‸';

function help(textWithCursor: string, options?: SignatureOptions): SignatureHelp | null {
  const i = textWithCursor.indexOf(CURSOR);
  const text = textWithCursor.slice(0, i) + textWithCursor.slice(i + 1);
  const before = text.slice(0, i).split('\n');
  return signatureHelp(parseDocument(text), { line: before.length - 1, character: before[before.length - 1].length }, options);
}

/** The active signature's label and its active parameter, as the editor shows them. */
function active(textWithCursor: string): { label: string; param: string } | null {
  const h = help(textWithCursor);
  if (!h) return null;
  const sig = h.signatures[h.activeSignature ?? 0];
  const p = sig.parameters?.[h.activeParameter ?? 0];
  const [start, end] = p!.label as [number, number];
  return { label: sig.label, param: sig.label.slice(start, end) };
}

const COPY = 'COPY [--from=<stage|image|context>] [--chown=<user>[:<group>]] [--chmod=<perms>] [--link] [--parents] [--exclude=<pattern>]… <src>… <dest>';
const HEALTHCHECK = 'HEALTHCHECK [--interval=<duration>] [--timeout=<duration>] [--start-period=<duration>] [--start-interval=<duration>] [--retries=<n>] CMD <command>';
const RUN = 'RUN [--mount=<mount>]… [--network=default|none|host] [--security=sandbox|insecure] [--device=<device>[,required]]… <command>';

test('COPY: sources, then the last path is the destination; a flag under the cursor is the active parameter', () => {
  assert.deepEqual(active(`FROM python:3.12-slim\nCOPY --chown=app:app ‸`), { label: COPY, param: '<src>…' });
  assert.deepEqual(active(`FROM python:3.12-slim\nCOPY --chown=app:app requirements.txt ‸`), { label: COPY, param: '<dest>' });
  assert.deepEqual(active(`FROM python:3.12-slim\nCOPY --chown=app:app req‸uirements.txt .`), { label: COPY, param: '<src>…' });
  assert.deepEqual(active(`FROM python:3.12-slim\nCOPY a.txt ‸ b.txt ./`), { label: COPY, param: '<src>…' });
  assert.deepEqual(active(`FROM python:3.12-slim\nCOPY --ch‸own=app:app . .`), { label: COPY, param: '[--chown=<user>[:<group>]]' });
  assert.deepEqual(active(`FROM python:3.12-slim\nCOPY --li‸`), { label: COPY, param: '[--link]' });
});

test('COPY over continuation lines', () => {
  const text = ['FROM python:3.12-slim AS runtime', 'COPY --from=builder \\', '     /wheels \\', '     # the wheels built above', '     /wheels‸'].join('\n');
  assert.deepEqual(active(text), { label: COPY, param: '<dest>' });
});

test('COPY exec form: JSON items, the last one the destination', () => {
  const h = help(`FROM alpine\nCOPY ["my file.txt", "‸"]`)!;
  assert.equal(h.signatures.length, 2);
  assert.equal(h.activeSignature, 1);
  const sig = h.signatures[1];
  assert.equal(sig.label, 'COPY [--from=<stage|image|context>] [--chown=<user>[:<group>]] [--chmod=<perms>] [--link] [--parents] [--exclude=<pattern>]… ["<src>"…, "<dest>"]');
  assert.deepEqual(active(`FROM alpine\nCOPY ["my file.txt", "‸"]`)!.param, '"<dest>"');
  assert.deepEqual(active(`FROM alpine\nCOPY ["my ‸file.txt", "a, b", "/app/"]`)!.param, '"<src>"…');
});

test('HEALTHCHECK: options, then CMD, then the command; NONE is the other form', () => {
  assert.deepEqual(active(`FROM nginx\nHEALTHCHECK --interval=30s ‸`), { label: HEALTHCHECK, param: 'CMD' });
  assert.deepEqual(active(`FROM nginx\nHEALTHCHECK --interval=30s CMD ‸`), { label: HEALTHCHECK, param: '<command>' });
  assert.deepEqual(active(`FROM nginx\nHEALTHCHECK --timeout=5s CMD curl -f http://localhost/ ‸|| exit 1`), { label: HEALTHCHECK, param: '<command>' });
  assert.deepEqual(active(`FROM nginx\nHEALTHCHECK --ret‸`), { label: HEALTHCHECK, param: '[--retries=<n>]' });
  const none = help(`FROM nginx\nHEALTHCHECK NONE‸`)!;
  assert.equal(none.activeSignature, 1);
  assert.equal(none.signatures[1].label, 'HEALTHCHECK NONE');
});

test('FROM: image, then AS and the stage name', () => {
  const FROM = 'FROM [--platform=<platform>] <image> [AS <name>]';
  assert.deepEqual(active(`FROM --platform=$BUILDPLATFORM ‸`), { label: FROM, param: '<image>' });
  assert.deepEqual(active(`FROM python:3.12-slim ‸`), { label: FROM, param: '[AS <name>]' });
  assert.deepEqual(active(`FROM python:3.12-slim AS ‸`), { label: FROM, param: '[AS <name>]' });
});

test('RUN, CMD and ENTRYPOINT: shell or exec form, by how the arguments start', () => {
  assert.deepEqual(active(`FROM alpine\nRUN apk add ‸`), { label: RUN, param: '<command>' });
  assert.deepEqual(active(`FROM alpine\nRUN ["/bin/sh", "-c", "‸"]`), { label: 'RUN [--mount=<mount>]… [--network=default|none|host] [--security=sandbox|insecure] [--device=<device>[,required]]… ["<executable>", "<param>"…]', param: '"<param>"…' });
  assert.deepEqual(active(`FROM alpine\nCMD ["gunicorn‸"]`), { label: 'CMD ["<executable>", "<param>"…]', param: '"<executable>"' });
  assert.deepEqual(active(`FROM alpine\nCMD ["gunicorn", "‸"]`), { label: 'CMD ["<executable>", "<param>"…]', param: '"<param>"…' });
  assert.deepEqual(active(`FROM alpine\nCMD gunicorn ‸`), { label: 'CMD <command>', param: '<command>' });
  // With an ENTRYPOINT in the stage, an exec-form CMD holds its default arguments.
  assert.deepEqual(active(`FROM alpine\nENTRYPOINT ["gunicorn"]\nCMD ["‸"]`), { label: 'CMD ["<param>"…]', param: '"<param>"…' });
  assert.deepEqual(active(`FROM alpine\nENTRYPOINT ["tini", "‸"]`), { label: 'ENTRYPOINT ["<executable>", "<param>"…]', param: '"<param>"…' });
});

test('ENV and LABEL pairs; the legacy ENV form when the first word has no =', () => {
  assert.deepEqual(active(`FROM alpine\nENV PYTHONUNBUFFERED=1 ‸`), { label: 'ENV <key>=<value> [<key>=<value>…]', param: '[<key>=<value>…]' });
  assert.deepEqual(active(`FROM alpine\nENV PYTHONUNBUFFERED 1‸`), { label: 'ENV <key> <value>', param: '<value>' });
  assert.deepEqual(active(`FROM alpine\nLABEL org.opencontainers.image.source=‸`), { label: 'LABEL <key>=<value> [<key>=<value>…]', param: '<key>=<value>' });
  assert.deepEqual(active(`FROM alpine\nEXPOSE 8000 ‸`), { label: 'EXPOSE <port>[/<protocol>] [<port>[/<protocol>]…]', param: '[<port>[/<protocol>]…]' });
});

test('--mount=: one form per mount type, the one written active, the option under the cursor active', () => {
  const h = help(`FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip,sh‸ pip install -r requirements.txt`)!;
  assert.deepEqual(h.signatures.map((s) => s.label), [
    '--mount=type=bind,target=<path>[,source=<path>][,from=<stage|image|context>][,ro][,rw]',
    '--mount=type=cache,target=<path>[,source=<path>][,from=<stage|image|context>][,ro][,id=<id>][,sharing=shared|private|locked][,mode=<octal>][,uid=<n>][,gid=<n>]',
    '--mount=type=tmpfs,target=<path>[,size=<size>]',
    '--mount=type=secret[,target=<path>][,source=<path>][,id=<id>][,mode=<octal>][,uid=<n>][,gid=<n>][,required][,env=<NAME>]',
    '--mount=type=ssh[,target=<path>][,id=<id>][,mode=<octal>][,uid=<n>][,gid=<n>][,required]',
  ]);
  assert.equal(h.activeSignature, 1);
  assert.deepEqual(active(`FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip,sh‸ pip install -r requirements.txt`)!.param, '[,sharing=shared|private|locked]');
  assert.deepEqual(active(`FROM node:22\nRUN --mount=type=secret,id=‸npmrc,target=/root/.npmrc npm ci`)!.param, '[,id=<id>]');
  assert.deepEqual(active(`FROM node:22\nRUN --mount=type=secret,id=npmrc,dst=/root/.np‸mrc npm ci`)!.param, '[,target=<path>]');
  // No type: a bind mount.
  assert.deepEqual(active(`FROM golang:1.23\nRUN --mount=target=.‸ go build`)!.label.startsWith('--mount=type=bind,'), true);
  // On the flag's name, the instruction's form.
  assert.deepEqual(active(`FROM golang:1.23\nRUN --mo‸unt=type=cache,target=/go/pkg/mod go build`), { label: RUN, param: '[--mount=<mount>]…' });
});

test('other flag values: one placeholder with what the flag does', () => {
  assert.deepEqual(active(`FROM alpine\nRUN --network=‸`), { label: '--network=default|none|host', param: 'default|none|host' });
  assert.deepEqual(active(`FROM --platform=‸`), { label: '--platform=<os>/<arch>[/<variant>]', param: '<os>/<arch>[/<variant>]' });
  assert.deepEqual(active(`FROM alpine\nCOPY --chmod=7‸ a b`), { label: '--chmod=<perms>', param: '<perms>' });
  assert.deepEqual(active(`FROM nginx\nHEALTHCHECK --interval=‸`), { label: '--interval=<duration>', param: '<duration>' });
  const doc = help(`FROM alpine\nRUN --network=‸`)!.signatures[0].documentation;
  assert.deepEqual(doc, { kind: 'markdown', value: 'Network the step can use: `default`, `none` or `host`.' });
});

test('ONBUILD: its own form while the trigger keyword is typed, then the trigger\'s', () => {
  assert.deepEqual(active(`FROM alpine\nONBUILD ‸`), { label: 'ONBUILD <INSTRUCTION>', param: '<INSTRUCTION>' });
  assert.deepEqual(active(`FROM alpine\nONBUILD COPY . /app‸`), { label: `ONBUILD ${COPY}`, param: '<dest>' });
});

test('no signature on a keyword, a comment, a blank line, a heredoc body, or past the end', () => {
  assert.equal(help(`FROM alpine\nRU‸N echo`), null);
  assert.equal(help(`# syntax=‸docker/dockerfile:1\nFROM alpine`), null);
  assert.equal(help(`FROM alpine\n‸\nRUN x`), null);
  assert.equal(help(`FROM alpine\nRUN <<EOF\napk add ‸curl\nEOF`), null);
  const model = parseDocument('FROM alpine\nRUN x');
  assert.equal(signatureHelp(model, { line: 9, character: 0 }), null);
  assert.equal(signatureHelp(model, { line: 1, character: 40 }), null);
});

test('parameter and form documentation as plain text for clients that want it', () => {
  const h = help(`FROM alpine\nCOPY ‸`, { plainText: true })!;
  assert.equal(h.signatures[0].documentation, 'Copies files from the build context, a stage or an image.');
  assert.equal(typeof h.signatures[0].parameters![0].documentation, 'string');
});

test('never throws: every position of broken and half-typed files', () => {
  const broken = [
    'FROM',
    'COPY --from= --chown= \\\n  # c\n\n  [',
    'ONBUILD ONBUILD RUN --mount=type=,,=',
    'HEALTHCHECK --interval CMD\nHEALTHCHECK NONE --x=\n',
    'CMD ["a", \nENTRYPOINT [\nSHELL ["\\"]',
    'ENV\nLABEL\nEXPOSE\nARG\nUSER\nVOLUME [\nWORKDIR\nSTOPSIGNAL\nMAINTAINER\nADD ["',
    '# escape=`\nFROM x\nCOPY a `\n  b',
    'RUN <<EOF\n',
  ];
  for (const text of broken) {
    const model = parseDocument(text);
    const lines = text.split('\n');
    for (let line = 0; line <= lines.length; line++) {
      for (let character = 0; character <= (lines[line]?.length ?? 0) + 1; character++) signatureHelp(model, { line, character });
    }
  }
});
