import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/document';
import { hover } from '../../server/src/service/hover';
import { commandDoc, commandNames, idiomDoc, idiomIds, parseCommandDoc } from '../../server/src/hover/commandDocs';

/**
 * Hovers the `nth` occurrence (0-based) of `needle` in `text`, `at` characters into it, and
 * returns the Markdown and the text of the range the editor highlights.
 */
function hoverOn(text: string, needle: string, nth = 0, at = 0): { md: string; token: string } | null {
  let idx = -1;
  for (let k = 0; k <= nth; k++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`"${needle}" #${nth} not in text`);
  }
  const model = parseDocument(text);
  const h = hover(model, model.lines.positionAt(idx + at));
  if (!h) return null;
  const md = (h.contents as { value: string }).value;
  const token = h.range ? text.slice(model.lines.offsetAt(h.range.start), model.lines.offsetAt(h.range.end)) : '';
  return { md, token };
}

function md(text: string, needle: string, nth = 0, at = 0): string {
  const h = hoverOn(text, needle, nth, at);
  assert.ok(h, `no hover on "${needle}"`);
  return h.md;
}

const APT = [
  'FROM python:3.11-slim',
  'RUN apt-get update && apt-get install -y --no-install-recommends \\',
  '    libpq-dev \\',
  '    gcc \\',
  '    && rm -rf /var/lib/apt/lists/*',
  '',
].join('\n');

test('apt-get: --no-install-recommends is about recommended packages and image size', () => {
  const h = hoverOn(APT, '--no-install-recommends');
  assert.ok(h);
  assert.equal(h.token, '--no-install-recommends');
  assert.match(h.md, /^\*\*apt-get install --no-install-recommends\*\*/);
  assert.match(h.md, /recommended/i);
  assert.match(h.md, /image size|megabytes/i);
});

test('apt-get: -y answers yes, and names its long spellings', () => {
  const h = hoverOn(APT, '-y');
  assert.ok(h);
  assert.equal(h.token, '-y');
  assert.match(h.md, /answers yes/i);
  assert.match(h.md, /--assume-yes/);
});

test('apt-get: the command shows its doc and the subcommand in use; the subcommand word shows its section', () => {
  const name = md(APT, 'apt-get', 1);
  assert.match(name, /^\*\*apt-get\*\*/);
  assert.match(name, /\*\*apt-get install\*\*/);
  const sub = hoverOn(APT, 'install');
  assert.ok(sub);
  assert.equal(sub.token, 'install');
  assert.match(sub.md, /^\*\*apt-get install\*\*/);
  assert.match(sub.md, /depend/);
});

test('apt-get update in the same RUN as install: the update word explains why they go together', () => {
  const m = md(APT, 'update');
  assert.match(m, /^\*\*apt-get update\*\*/);
  assert.match(m, /Idiom:.*same `RUN`/);
});

test('rm -rf /var/lib/apt/lists/*: hover on rm explains the package index and the layer', () => {
  const h = hoverOn(APT, 'rm -rf');
  assert.ok(h);
  assert.equal(h.token, 'rm');
  assert.match(h.md, /^\*\*rm\*\*/);
  assert.match(h.md, /package index/);
  assert.match(h.md, /layer/);
  // the path itself shows the idiom too
  const path = hoverOn(APT, '/var/lib/apt/lists/*');
  assert.ok(path);
  assert.equal(path.token, '/var/lib/apt/lists/*');
  assert.match(path.md, /package index/);
  // -rf is explained letter by letter
  const rf = md(APT, '-rf');
  assert.match(rf, /`-r` \(`--recursive`\): Deletes folders/);
  assert.match(rf, /`-f` \(`--force`\): Never asks/);
});

test('pip install --no-cache-dir: the flag says the cache is not kept in the layer', () => {
  const text = 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n';
  const h = hoverOn(text, '--no-cache-dir');
  assert.ok(h);
  assert.equal(h.token, '--no-cache-dir');
  assert.match(h.md, /^\*\*pip install --no-cache-dir\*\*/);
  assert.match(h.md, /cache/);
  assert.match(h.md, /not kept in the layer|stay in the layer/);
  assert.match(md(text, '-r '), /requirements file/);
  assert.match(md(text, 'requirements.txt', 1), /requirements file/); // the value of -r
});

const EXEC_CMD = 'FROM python:3.11-slim\nCMD ["gunicorn", "--bind", "0.0.0.0:5500", "--workers", "4", "--threads", "2", "run:app"]\n';

test('exec-form CMD: gunicorn flags, their values and the app module', () => {
  const bind = hoverOn(EXEC_CMD, '--bind');
  assert.ok(bind);
  assert.equal(bind.token, '"--bind"');
  assert.match(bind.md, /^\*\*gunicorn --bind\*\*/);
  assert.match(bind.md, /0\.0\.0\.0/);
  assert.match(bind.md, /every interface/);
  const workers = md(EXEC_CMD, '--workers');
  assert.match(workers, /worker processes/);
  const four = hoverOn(EXEC_CMD, '"4"', 0, 1);
  assert.ok(four);
  assert.equal(four.token, '"4"');
  assert.match(four.md, /^\*\*gunicorn --workers\*\* `4`/);
  assert.match(four.md, /process/);
  assert.match(md(EXEC_CMD, '--threads'), /[Tt]hreads per worker/);
  assert.match(md(EXEC_CMD, 'run:app'), /module:variable/);
  assert.match(md(EXEC_CMD, 'gunicorn'), /^\*\*gunicorn\*\*[\s\S]*production/);
});

test('shell-form gunicorn: -w 4 and --bind=value', () => {
  const text = 'FROM python:3.11-slim\nCMD gunicorn --bind=0.0.0.0:8000 -w 4 -k gthread app:app\n';
  assert.match(md(text, '-w'), /^\*\*gunicorn -w\*\* · same as `--workers`[\s\S]*processes/);
  const bind = hoverOn(text, '--bind', 0, 10);
  assert.ok(bind);
  assert.equal(bind.token, '--bind=0.0.0.0:8000');
  assert.match(bind.md, /^\*\*gunicorn --bind\*\* `0\.0\.0\.0:8000`/);
  assert.match(md(text, '-k'), /worker/);
});

test('set -eux: e, u and x each explained', () => {
  const text = 'FROM debian:12\nRUN set -eux; \\\n    apt-get update\n';
  const h = hoverOn(text, '-eux');
  assert.ok(h);
  assert.equal(h.token, '-eux');
  assert.match(h.md, /`-e`: Exits as soon as a command fails/);
  assert.match(h.md, /`-u`: .*unset variable/);
  assert.match(h.md, /`-x`: Prints each command/);
  assert.match(md(text, 'set'), /Idiom:.*strict/);
});

test('set -o pipefail: the value explains pipefail', () => {
  const text = 'FROM debian:12\nRUN set -o pipefail && curl -fsSL https://example.com/x.tgz | tar -xz\n';
  assert.match(md(text, 'pipefail'), /^\*\*set -o\*\* `pipefail`[\s\S]*pipeline fail/);
});

test('curl -fsSL: every letter explained', () => {
  const text = 'FROM debian:12\nRUN curl -fsSL https://example.com/app.tgz -o /tmp/app.tgz\n';
  const h = hoverOn(text, '-fsSL');
  assert.ok(h);
  assert.equal(h.token, '-fsSL');
  assert.match(h.md, /`-f` \(`--fail`\): .*HTTP error/);
  assert.match(h.md, /`-s` \(`--silent`\): .*progress/);
  assert.match(h.md, /`-S` \(`--show-error`\): .*error message/);
  assert.match(h.md, /`-L` \(`--location`\): .*redirects/);
  assert.match(md(text, '-o'), /^\*\*curl -o\*\*[\s\S]*file/);
  assert.match(md(text, '/tmp/app.tgz'), /^\*\*curl -o\*\* `\/tmp\/app\.tgz`/);
});

test('curl piped into sh: the risk is explained on both commands and on the pipe', () => {
  const text = 'FROM debian:12\nRUN curl -fsSL https://get.example.com | sh\n';
  assert.match(md(text, 'curl'), /Idiom:.*whatever the server returns/);
  assert.match(md(text, '| sh', 0, 2), /Idiom:.*whatever the server returns/);
  const pipe = hoverOn(text, '|');
  assert.ok(pipe);
  assert.equal(pipe.token, '|');
  assert.match(pipe.md, /pipefail/);
});

test('useradd --create-home and the non-root user idiom', () => {
  const text = [
    'FROM python:3.11-slim',
    'RUN groupadd --gid 1000 appgroup \\',
    '    && useradd --uid 1000 --gid appgroup --shell /bin/bash --create-home appuser \\',
    '    && chown -R appuser:appgroup /app',
    '',
  ].join('\n');
  const h = hoverOn(text, '--create-home');
  assert.ok(h);
  assert.match(h.md, /^\*\*useradd --create-home\*\* · same as `-m`/);
  assert.match(h.md, /home folder/);
  assert.match(md(text, '--uid'), /user ID/);
  assert.match(md(text, '--gid 1000'), /group ID/);
  assert.match(md(text, 'useradd'), /Idiom:.*`USER`/);
  assert.match(md(text, 'chown'), /Idiom:.*`USER`/);
  assert.match(md(text, 'appuser:appgroup'), /`user:group`/);
});

test('flask run --reload: development server', () => {
  const text = 'FROM python:3.11-slim\nCMD ["flask", "run", "--host=0.0.0.0", "--port=5500", "--reload"]\n';
  const reload = md(text, '--reload');
  assert.match(reload, /^\*\*flask run --reload\*\*/);
  assert.match(reload, /development server/);
  assert.match(md(text, '"run"', 0, 1), /development server/);
  assert.match(md(text, '--host'), /0\.0\.0\.0/);
});

test('apk add --no-cache and a virtual group removed with apk del', () => {
  const text = [
    'FROM python:3.12-alpine',
    'RUN apk add --no-cache --virtual .build-deps gcc musl-dev \\',
    '    && pip install --no-cache-dir psycopg2 \\',
    '    && apk del .build-deps',
    '',
  ].join('\n');
  assert.match(md(text, '--no-cache'), /^\*\*apk add --no-cache\*\*[\s\S]*Idiom:/);
  assert.match(md(text, '--virtual'), /group name[\s\S]*Idiom:.*apk del/);
  const del = hoverOn(text, '.build-deps', 1);
  assert.ok(del);
  assert.equal(del.token, '.build-deps');
  assert.match(del.md, /Idiom:.*apk del \.build-deps/);
});

test('apt-get -o APT::Install-Recommends=false: the value explains the option', () => {
  const text = 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n';
  const h = hoverOn(text, 'APT::');
  assert.ok(h);
  assert.equal(h.token, 'APT::Install-Recommends=false');
  assert.match(h.md, /^\*\*apt-get install -o\*\* `APT::Install-Recommends=false`/);
  assert.match(h.md, /--no-install-recommends/);
});

test('&& and line continuations between commands', () => {
  const and = hoverOn(APT, '&&');
  assert.ok(and);
  assert.equal(and.token, '&&');
  assert.match(and.md, /only if the previous one succeeded/);
  assert.match(and.md, /one layer/);
  const cont = hoverOn(APT, '\\');
  assert.ok(cont);
  assert.equal(cont.token, '\\');
  assert.match(cont.md, /continues the instruction/);
});

test('a comment line inside a continued RUN is not explained as an operator', () => {
  const text = 'FROM debian:12\nRUN apt-get update \\\n# a && b\n    && apt-get install -y curl\n';
  assert.equal(hoverOn(text, '&& b'), null);
});

test('RUN --mount=type=cache: the target path explains cache mounts; apt needs docker-clean removed', () => {
  const pip = 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n';
  const h = hoverOn(pip, '/root/.cache/pip');
  assert.ok(h);
  assert.equal(h.token, '/root/.cache/pip');
  assert.match(h.md, /^\*\*RUN --mount\*\*/);
  assert.match(h.md, /between builds/);
  assert.match(h.md, /layer/);
  const apt = 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update\n';
  assert.match(md(apt, '/var/cache/apt'), /docker-clean/);
  // elsewhere in the flag value the flag's own doc answers
  assert.match(md(pip, 'type=cache'), /^\*\*RUN --mount\*\*[\s\S]*type=bind/);
});

test('npm ci --omit=dev', () => {
  const text = 'FROM node:20-slim\nRUN npm ci --omit=dev && npm cache clean --force\n';
  assert.match(md(text, 'ci'), /^\*\*npm ci\*\*[\s\S]*package-lock\.json[\s\S]*Idiom:/);
  assert.match(md(text, '--omit'), /^\*\*npm ci --omit\*\* `dev`[\s\S]*devDependencies/);
  assert.match(md(text, 'cache'), /^\*\*npm cache clean\*\*/);
  assert.match(md(text, '--force'), /cache clean/);
});

test('wrappers: python -m pip, tini -- gunicorn, ENTRYPOINT + CMD flags', () => {
  const text = [
    'FROM python:3.12-slim',
    'RUN python -m pip install --no-cache-dir flask',
    'ENTRYPOINT ["tini", "--", "gunicorn"]',
    'CMD ["--workers", "2", "app:app"]',
    '',
  ].join('\n');
  assert.match(md(text, 'pip'), /^\*\*python -m pip\*\*/);
  assert.match(md(text, 'install'), /^\*\*python -m pip install\*\*/);
  assert.match(md(text, '--no-cache-dir'), /^\*\*python -m pip install --no-cache-dir\*\*/);
  assert.match(md(text, '"--"', 0, 1), /^\*\*tini --\*\*/);
  assert.match(md(text, 'gunicorn'), /^\*\*gunicorn\*\*/);
  assert.match(md(text, '--workers'), /^\*\*gunicorn --workers\*\*/);
});

test('HEALTHCHECK CMD: exec form and shell form with || exit 1', () => {
  const exec = 'FROM nginx\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n';
  const f = hoverOn(exec, '"-f"', 0, 1);
  assert.ok(f);
  assert.equal(f.token, '"-f"');
  assert.match(f.md, /HTTP error/);
  const shell = 'FROM nginx\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n';
  assert.match(md(shell, 'exit'), /Idiom:.*unhealthy/);
  assert.match(md(shell, '||'), /unhealthy/);
  assert.match(md(shell, '-f'), /HTTP error/);
});

test('tar old-style letters, --strip-components and ln -sf /dev/stdout', () => {
  const text = 'FROM nginx\nRUN tar xzf app.tgz -C /opt --strip-components=1 && ln -sf /dev/stdout /var/log/nginx/access.log\n';
  const x = md(text, 'xzf');
  assert.match(x, /`x` \(`--extract`\)/);
  assert.match(x, /`z` \(`--gzip`\)/);
  assert.match(md(text, '--strip-components'), /`1`[\s\S]*folders/);
  assert.match(md(text, '/dev/stdout'), /Idiom:.*container's output/);
  assert.match(md(text, 'ln'), /Idiom:.*container's output/);
});

test('go build flags are whole words, not letter clusters', () => {
  const text = 'FROM golang:1.22\nRUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app\n';
  assert.match(md(text, '-trimpath'), /^\*\*go build -trimpath\*\*/);
  assert.match(md(text, '-ldflags'), /^\*\*go build -ldflags\*\* `-s -w`[\s\S]*symbol table/);
  assert.match(md(text, 'go build'), /CGO_ENABLED=0/);
});

test('find -name *.pyc -delete, and a command run by find -exec', () => {
  const text = "FROM python:3.12-slim\nRUN find / -name '*.pyc' -delete && find /app -type d -name __pycache__ -exec rm -rf {} +\n";
  assert.match(md(text, 'find'), /Idiom:.*bytecode/);
  assert.match(md(text, '-delete'), /Deletes each match/);
  assert.match(md(text, 'rm -rf'), /^\*\*rm\*\*/);
  assert.match(md(text, '-rf'), /`-r`/);
});

test('silent where there is nothing to say', () => {
  const text = "FROM debian:12\nRUN ./build-tool --frobnicate && sh -c 'echo hi' && curl --no-such-flag x\n";
  assert.equal(hoverOn(text, 'build-tool'), null);
  assert.equal(hoverOn(text, '--frobnicate'), null);
  assert.equal(hoverOn(text, 'echo hi'), null);
  assert.equal(hoverOn(text, '--no-such-flag'), null);
  assert.match(md(text, '-c'), /^\*\*sh -c\*\*/);
});

test('a command inside $(…) wins over the word around it', () => {
  const text = 'FROM debian:12\nRUN make -j"$(nproc)" install\n';
  assert.match(md(text, 'nproc'), /^\*\*nproc\*\*/);
  assert.match(md(text, '-j'), /^\*\*make -j\*\*/);
});

test('ONBUILD RUN and a heredoc body are explained too', () => {
  const text = 'FROM debian:12\nONBUILD RUN apt-get install -y curl\nRUN <<EOF\nset -eux\napt-get update\nEOF\n';
  assert.match(md(text, '-y'), /answers yes/i);
  assert.match(md(text, '-eux'), /`-u`/);
});

test('command docs: every file parses, names itself, and keeps its summary short', () => {
  for (const name of commandNames()) {
    const doc = commandDoc(name);
    assert.ok(doc, name);
    assert.equal(doc.name, name);
    const words = doc.intro.summary.split(/\s+/).length;
    assert.ok(words <= 30, `${name}: summary has ${words} words`);
    for (const f of new Set(doc.flags.values())) {
      assert.ok(f.section.summary, `${name} ${f.names.join(', ')}: empty section`);
      assert.ok(f.section.summary.split(/\s+/).length <= 30, `${name} ${f.names[0]}: summary too long`);
    }
  }
  assert.ok(commandNames().length >= 60);
  // aliases and versioned names reach the right doc
  assert.equal(commandDoc('/usr/bin/pip3.12')?.name, 'pip');
  assert.equal(commandDoc('python3')?.name, 'python');
  assert.equal(commandDoc('yum')?.name, 'dnf');
  assert.equal(commandDoc('./gradlew')?.name, 'gradle');
  assert.equal(commandDoc('no-such-command'), undefined);
});

test('command doc format: flag spellings, values, subcommands and operands', () => {
  const doc = parseCommandDoc(
    ['# tool', '', 'Does things.', '', '## install, i', '', 'Installs.', '', '## -o, --output <file>', '', 'Where to write.', '', '## -q', '', 'Quiet.', '', '## <target>', '', 'The target.', ''].join('\n'),
  );
  assert.equal(doc.intro.summary, 'Does things.');
  assert.equal(doc.subcommands.get('i')?.summary, 'Installs.');
  assert.equal(doc.flags.get('--output'), doc.flags.get('-o'));
  assert.equal(doc.flags.get('-o')?.takesValue, true);
  assert.equal(doc.flags.get('-q')?.takesValue, false);
  assert.equal(doc.operands[0]?.summary, 'The target.');
});

test('idioms: the ones the hover promises are documented', () => {
  for (const id of [
    'apt-lists-cleanup', 'apt-get-clean', 'apt-update-install', 'apt-purge-auto-remove', 'apt-mark-auto', 'apk-no-cache',
    'virtual-build-deps', 'pip-no-cache-dir', 'npm-ci-omit-dev', 'set-strict', 'and-chain', 'line-continuation', 'pipe',
    'or-fallback', 'cache-mount', 'cache-mount-apt', 'non-root-user', 'pipe-to-shell', 'update-ca-certificates',
    'log-to-stdout', 'delete-pyc', 'checksum-verify', 'healthcheck-exit',
  ]) {
    assert.ok(idiomDoc(id)?.summary, id);
  }
  assert.ok(idiomIds().length >= 23);
});


test('sort -u removes duplicates; awk -F sets the field separator; tr and cut flags', () => {
  const text = [
    'FROM alpine:3.20',
    "RUN scanelf --needed --nobanner --format '%n#p' --recursive /usr/local \\",
    "    | tr ',' '\\n' | sort -u \\",
    "    | awk -F- '{ print $NF }' | cut -d: -f1 | tr -d '\\r'",
    '',
  ].join('\n');
  const u = hoverOn(text, '-u');
  assert.ok(u);
  assert.equal(u.token, '-u');
  assert.match(u.md, /^\*\*sort -u\*\* · same as `--unique`/);
  assert.match(u.md, /once|unique|duplicate/i);
  const f = hoverOn(text, '-F-');
  assert.ok(f);
  assert.equal(f.token, '-F-');
  assert.match(f.md, /^\*\*awk -F\*\* `-`/);
  assert.match(f.md, /field separator/);
  assert.match(md(text, '{ print'), /^\*\*awk\*\* `\{ print \$NF \}` \(program\)/);
  assert.match(md(text, '-d:'), /^\*\*cut -d\*\* `:`/);
  assert.match(md(text, '-f1'), /^\*\*cut -f\*\* `1`[\s\S]*fields/i);
  assert.match(md(text, "-d '"), /^\*\*tr -d\*\*[\s\S]*[Dd]eletes/);
  assert.match(md(text, '--needed'), /libraries/);
  assert.match(md(text, 'scanelf'), /runtime|run time/);
  // gawk and mawk read the awk doc
  assert.equal(commandDoc('gawk')?.name, 'awk');
  assert.equal(commandDoc('/usr/bin/mawk')?.name, 'awk');
});

test('test -f checks that a file exists; [ is the same command', () => {
  const text = 'FROM debian:12\nRUN test -f /usr/local/bin/app && test -n "$VERSION"\n';
  const f = hoverOn(text, '-f');
  assert.ok(f);
  assert.equal(f.token, '-f');
  assert.match(f.md, /^\*\*test -f\*\*/);
  assert.match(f.md, /exists/);
  assert.match(f.md, /regular file/);
  // the path after -f is its value
  assert.match(md(text, '/usr/local/bin/app'), /^\*\*test -f\*\* `\/usr\/local\/bin\/app`/);
  assert.match(md(text, '-n'), /not empty/);
  assert.equal(commandDoc('[')?.name, 'test');
  assert.ok(commandDoc('[')?.flags.get('-f')?.section.summary.match(/exists/));
});

test('install -d creates directories with owner and mode in one step', () => {
  const text = [
    'FROM postgres:16',
    'RUN install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql \\',
    '    && install -dm 0755 -o app -g app /data',
    '',
  ].join('\n');
  const d = hoverOn(text, '--directory');
  assert.ok(d);
  assert.match(d.md, /^\*\*install --directory\*\* · same as `-d`/);
  assert.match(d.md, /[Cc]reates the named folders/);
  assert.match(md(text, 'install'), /^\*\*install\*\*[\s\S]*chown/);
  assert.match(md(text, '3777'), /^\*\*install --mode\*\* `3777`/);
  const dm = md(text, '-dm');
  assert.match(dm, /`-d` \(`--directory`\): Creates/);
  assert.match(dm, /`-m` \(`--mode`\): The permissions/);
  assert.match(md(text, '0755'), /^\*\*install -m\*\* `0755`/);
});

test('rpm --import imports a signing key; rpm -qa reads letter by letter', () => {
  const text = 'FROM rockylinux:9\nRUN rpm --import https://example.com/RPM-GPG-KEY && rpm -qa && rpm --query --queryformat=\'%{ARCH}\' rpm\n';
  const imp = hoverOn(text, '--import');
  assert.ok(imp);
  assert.equal(imp.token, '--import');
  assert.match(imp.md, /^\*\*rpm --import\*\*/);
  assert.match(imp.md, /[Ii]mports a public signing key/);
  assert.match(md(text, 'https://example.com/RPM-GPG-KEY'), /^\*\*rpm --import\*\* `https:/);
  const qa = md(text, '-qa');
  assert.match(qa, /`-q` \(`--query`\)/);
  assert.match(qa, /`-a` \(`--all`\)/);
  assert.match(md(text, '--queryformat'), /^\*\*rpm --queryformat\*\* `'?%\{ARCH\}'?`/);
});

test('pwsh -NoLogo -NoProfile -Command: whole-word PowerShell parameters', () => {
  const text = 'FROM mcr.microsoft.com/powershell:latest\nRUN pwsh -NoLogo -NoProfile -Command "Install-Module Pester -Force"\n';
  const c = hoverOn(text, '-Command');
  assert.ok(c);
  assert.equal(c.token, '-Command');
  assert.match(c.md, /^\*\*pwsh -Command\*\* · same as `-command`, `-c`/);
  assert.match(c.md, /PowerShell code/);
  assert.match(md(text, '-NoProfile'), /profile scripts/);
  assert.match(md(text, '-NoLogo'), /banner/);
  assert.match(md(text, 'Install-Module'), /^\*\*pwsh -Command\*\* `Install-Module/);
  assert.match(md(text, 'pwsh'), /^\*\*pwsh\*\*[\s\S]*SHELL/);
  assert.equal(commandDoc('powershell')?.name, 'pwsh');
  // not read as a cluster of letters
  const exec = 'FROM mcr.microsoft.com/powershell:latest\nRUN pwsh -ExecutionPolicy Bypass -File ./setup.ps1\n';
  assert.match(md(exec, '-ExecutionPolicy'), /^\*\*pwsh -ExecutionPolicy\*\*/);
  assert.match(md(exec, 'Bypass'), /^\*\*pwsh -ExecutionPolicy\*\* `Bypass`/);
  assert.match(md(exec, '-File'), /\.ps1/);
});

test('JDK smoke tests: javac --version and jshell -s -', () => {
  const text = [
    'FROM eclipse-temurin:21-jdk',
    'RUN javac --version \\',
    "    && enc=\"$(echo 'System.out.println(1)' | jshell -s -)\"",
    '',
  ].join('\n');
  assert.match(md(text, '--version'), /^\*\*javac --version\*\* · same as `-version`/);
  assert.match(md(text, 'javac'), /JDK/);
  assert.match(md(text, '-s -'), /^\*\*jshell -s\*\*[\s\S]*[Ss]ilent/);
  assert.match(md(text, '-)', 0, 0), /^\*\*jshell\*\* `-` \(file\)[\s\S]*standard input/);
});

test('head, tail, readlink -f, command -v and || true', () => {
  const text = [
    'FROM debian:12',
    'RUN v="$(ls /opt | sort -V | tail -n 1)" \\',
    '    && head -c 32 /dev/urandom > /tmp/seed \\',
    '    && readlink -f /usr/bin/java \\',
    '    && command -v curl \\',
    '    && rm /etc/x || true',
    '',
  ].join('\n');
  assert.match(md(text, '-V'), /version numbers/);
  assert.match(md(text, '-n 1'), /^\*\*tail -n\*\*[\s\S]*from the end/);
  assert.match(md(text, '-c 32'), /^\*\*head -c\*\*[\s\S]*bytes/);
  assert.match(md(text, '32'), /^\*\*head -c\*\* `32`/);
  assert.match(md(text, '-f /usr'), /^\*\*readlink -f\*\*[\s\S]*symbolic link/);
  assert.match(md(text, 'command'), /^\*\*command\*\*[\s\S]*installed/);
  assert.match(md(text, '-v curl'), /^\*\*command -v\*\*[\s\S]*path/);
  assert.match(md(text, 'true'), /^\*\*true\*\*[\s\S]*\|\| true/);
});

test('go: a single-dash long flag is not read as a shorter flag plus a glued value', () => {
  const text = 'FROM golang:1.22\nRUN go vet -vettool=/usr/local/bin/shadow ./... && go build -o /out/app .\n';
  const vet = hoverOn(text, '-vettool');
  assert.ok(!vet || !vet.md.includes('`-v`'), vet?.md);
  assert.match(md(text, '-o /out'), /-o/);
});
