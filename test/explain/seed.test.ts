/**
 * The seed's example (examples/Dockerfile) explained: every idea the seed document explains for
 * that file is in the generated document, and so is what the seed's file gets wrong. Read side by
 * side with the seed, section by section; the expectations are written by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { example, explained, explanationOf, fenced, headings, section } from './helpers';

const { md, errors } = explained(example('Dockerfile'), { imageName: 'myapp' });

test('no part of the document failed', () => {
  assert.deepEqual(errors, []);
});

test('the sections of the seed, in its order: overview, stage flow, one section per stage, building and running, key concepts', () => {
  assert.deepEqual(headings(md), [
    'Contents',
    'Overview',
    'Stage flow',
    'Stage 1: `base`',
    'Stage 2: `dependencies`',
    'Stage 3: `development`',
    'Stage 4: `production`',
    'Building and running',
    'Key concepts',
  ]);
  assert.match(md, /^# `Dockerfile` explained\n/);
  assert.match(section(md, 'Contents'), /3\. \[Stage 1: `base`\]\(#stage-1-base\)/);
});

test('overview: a multi-stage build with a development and a production image, each stage with its purpose', () => {
  const o = section(md, 'Overview');
  assert.match(o, /is a \*\*multi-stage build\*\*: 4 stages, 2 final images \(`development` and `production`\)/);
  assert.match(o, /without `--target` the last stage, `production`, is built/);
  const row = (stage: string) => o.split('\n').find((l) => l.startsWith(`| [\`${stage}\`]`)) ?? '';
  assert.match(row('base'), /\| `python:3\.11-slim` \| \*\*Base\*\*: .*non-root user `appuser`.*working directory `\/app`/);
  assert.match(row('dependencies'), /\| `base` \| \*\*Dependencies\*\*: system packages \(`libpq-dev` and `gcc`\), Python packages from `requirements\.txt` \| — \|/);
  assert.match(row('development'), /\| `dependencies` \| \*\*Development server\*\*: .*`pytest`.*`flask run` \| `--target development` \|$/);
  assert.match(row('production'), /\| `dependencies` \| \*\*Production server\*\*: .*health check, starts `gunicorn` \| `--target production` \(default\) \|$/);
  // The two final images compared.
  assert.match(o, /\| Starts \| `flask run --host=0\.0\.0\.0 --port=5500 --reload` \| `gunicorn --bind 0\.0\.0\.0:5500 --workers 4 --threads 2 run:app` \|/);
  assert.match(o, /\| Health check \| — \| every 30 seconds \|/);
  assert.match(o, /\| Runs as \| `appuser` \| `appuser` \|/);
});

test('stage flow: a Mermaid flowchart and a box diagram with FROM inheritance and the --target of each final stage', () => {
  const flow = section(md, 'Stage flow');
  const mermaid = fenced(flow, 'mermaid').split('\n');
  assert.equal(mermaid[0], 'flowchart TD');
  for (const edge of ['  img0 --> s0', '  s0 --> s1', '  s1 --> s2', '  s1 --> s3']) assert.ok(mermaid.includes(edge), edge);
  assert.ok(mermaid.includes('  img0["python:3.11-slim"]'));
  assert.ok(mermaid.includes('  s2["development<br/>--target development"]'));
  assert.ok(mermaid.includes('  s3["production<br/>default target: --target production"]'));
  assert.ok(mermaid.includes('  class s2,s3 final'));
  const boxes = fenced(flow, 'text');
  assert.match(boxes, /│ Stage: base +│/);
  assert.match(boxes, /│ from python:3\.11-slim +│/);
  assert.match(boxes, /│ • system packages \(libpq-dev and gcc\) +│/);
  // dependencies branches into development and production, side by side.
  assert.match(boxes, /┌─+┴─+┐/);
  assert.match(boxes, /│ Stage: development +│ +│ Stage: production +│/);
  assert.match(boxes, /docker build --target development +docker build --target production/);
});

test('every instruction is shown as written, comments above it included, followed by its explanation', () => {
  const lines = [5, 8, 14, 18, 23, 26, 32, 35, 40, 43, 46, 49, 52, 55, 60, 63, 66, 69, 72, 75, 78, 82];
  for (const l of lines) assert.ok(md.includes(`**Explanation** · line ${l}`), `line ${l}`);
  assert.equal(md.split('**Explanation** · ').length - 1, lines.length);
  assert.ok(md.includes('```dockerfile\n# Copy requirements first for better caching\nCOPY requirements.txt .\n```'));
  assert.ok(
    md.includes(
      '```dockerfile\n# =============================================================================\n# Base Image\n# =============================================================================\n# Using Python 3.11 slim for smaller image size while maintaining compatibility\nFROM python:3.11-slim as base\n```',
    ),
  );
});

test('FROM python:3.11-slim as base: the official image, the pinned version, what slim means, the stage name, the variants compared', () => {
  const e = explanationOf(md, 5);
  assert.match(e, /The official CPython image/);
  assert.match(e, /`3\.11` — version 3\.11: the tag follows 3\.11\.x patch releases/);
  assert.match(e, /`slim` — A trimmed variant: .*without compilers, `-dev` headers/);
  assert.match(e, /`as base` — names the stage, so that `FROM base`, `COPY --from=base` and `docker build --target base` can refer to it/);
  assert.match(e, /\| full \| `python:3\.11` \|/);
  assert.match(e, /\| \*\*slim\*\* \(this file\) \| `python:3\.11-slim` \|/);
  assert.match(e, /\| alpine \| `python:3\.11-alpine` \| Built on Alpine Linux/);
  assert.match(e, /⚠ \*\*FromAsCasing\*\* \(warning\): .*\(fix: Write "AS" — `lint --fix` applies it\)/);
});

test('ENV: a table of the variables, their values and what each is for', () => {
  const e = explanationOf(md, 8);
  assert.match(e, /\| Variable \| Value \| Purpose \|/);
  assert.match(e, /\| `PYTHONDONTWRITEBYTECODE` \| `1` \| Stops Python from writing `\.pyc` bytecode files/);
  assert.match(e, /\| `PYTHONUNBUFFERED` \| `1` \| .*reaches `docker logs`/);
  assert.match(e, /\| `PIP_NO_CACHE_DIR` \| `1` \| Tells pip not to keep downloaded and built packages/);
  assert.match(e, /\| `PIP_DISABLE_PIP_VERSION_CHECK` \| `1` \| Stops pip from asking the package index/);
});

test('RUN groupadd/useradd: each command and flag, and why a non-root user', () => {
  const e = explanationOf(md, 14);
  assert.match(e, /- `groupadd --gid 1000 appgroup` — Creates a group/);
  assert.match(e, /  - `--uid 1000` — The numeric user ID/);
  assert.match(e, /\*\*Idiom:\*\* Create a dedicated user, .*a compromised app then does not run as root/);
});

test('WORKDIR /app: later commands run there, it is created, COPY destinations are relative to it', () => {
  const e = explanationOf(md, 18);
  assert.match(e, /the working directory is `\/app`/);
  assert.match(e, /Created if it does not exist/);
  assert.match(e, /where relative `COPY`\/`ADD` destinations land/);
});

test('FROM base as dependencies: builds on base, with the chain down to the image', () => {
  assert.match(explanationOf(md, 23), /`FROM base` — builds on the stage `base` \(line 5\).*Base chain: `dependencies ← base ← python:3\.11-slim`/);
});

test('the apt-get RUN: a package table, --no-install-recommends, cleaning the lists in the same RUN, and the missing pins', () => {
  const e = explanationOf(md, 26);
  assert.match(e, /\| `libpq-dev` \| not pinned \| Headers and `pg_config` for libpq, the PostgreSQL client library\. \|/);
  assert.match(e, /\| `gcc` \| not pinned \| The GNU C compiler/);
  assert.match(e, /`--no-install-recommends` — Installs only required dependencies/);
  assert.match(e, /\*\*Idiom:\*\* `rm -rf \/var\/lib\/apt\/lists\/\*` at the end of an apt install .*It has to be in the same `RUN` as the install/);
  assert.match(e, /⚠ \*\*DL3008\*\* \(warning\): Pin versions in `apt-get install`: `libpq-dev` and `gcc` \(fix: /);
});

test('COPY requirements.txt .: copied first so the install stays cached, with the what-rebuilds diagram', () => {
  const e = explanationOf(md, 32);
  assert.match(e, /Copies only `requirements\.txt` into `\.`, that is `\/app\/` \(the working directory\)/);
  assert.match(e, /\*\*Why first\?\*\* .*the install on line 35 stays cached while the code changes/);
  assert.match(e, /Code change +→ rebuild from COPY --chown=appuser:appgroup \. \. \(line 46\) on/);
  assert.match(e, /requirements\.txt change +→ rebuild from RUN pip install .*\(line 35\) on/);
});

test('pip install -r requirements.txt: installs the listed packages, without a download cache', () => {
  const e = explanationOf(md, 35);
  assert.match(e, /Installs Python packages from `requirements\.txt`/);
  assert.match(e, /`--no-cache-dir` — Does not keep downloaded packages/);
});

test('the development tools: one row per tool with what it is, and their missing pins', () => {
  const e = explanationOf(md, 43);
  assert.match(e, /6 packages installed with `pip`/);
  assert.match(e, /\| `pytest` \| not pinned \| The test runner/);
  assert.match(e, /\| `black` \| not pinned \| A code formatter/);
  assert.match(e, /\| `flake8` \| not pinned \| A linter\. \|/);
  assert.match(e, /\| `mypy` \| not pinned \| A static type checker\. \|/);
  assert.match(e, /⚠ \*\*DL3013\*\* \(warning\): Pin versions in pip install: `pytest`, `pytest-cov`, `black`, `isort`, `flake8` and `mypy`/);
});

test('COPY --chown . .: the whole context, owned by the non-root user; the same line in production says so', () => {
  const e = explanationOf(md, 46);
  assert.match(e, /Copies the whole build context — every file not excluded by `\.dockerignore`/);
  assert.match(e, /`--chown=appuser:appgroup` — Sets the owner and group of the copied files/);
  assert.equal(explanationOf(md, 63).trim(), 'Same as line 46, in `development`.');
});

test('USER, EXPOSE: who runs the app and that EXPOSE publishes nothing', () => {
  const user = explanationOf(md, 49);
  assert.match(user, /Created on line 14 by `useradd` with UID 1000/);
  assert.match(user, /⚠ \*\*DL3066\*\* \(info\)/);
  const expose = explanationOf(md, 52);
  assert.match(expose, /TCP port 5500/);
  assert.match(expose, /Documents the port, publishes nothing: use `docker run -p 5500:5500`/);
  assert.match(explanationOf(md, 75), /^Same as line 52, in `development`\.$/m);
});

test('CMD flask run: exec form, the development server, a table of its options', () => {
  const e = explanationOf(md, 55);
  assert.match(e, /Exec form \(a JSON array\): `flask` runs without a shell, as the container's main process \(PID 1\)/);
  assert.match(e, /`flask run` — Starts Flask's built-in development server/);
  assert.match(e, /\| `--host` \| `0\.0\.0\.0` \| The address to listen on\. Inside a container it must be `0\.0\.0\.0`/);
  assert.match(e, /\| `--port` \| `5500` \|/);
  assert.match(e, /\| `--reload` \| — \| Restarts the development server when a source file changes/);
});

test('RUN rm -rf tests/ docs/ …: what the seed gets wrong — deleting in a later step does not make the image smaller', () => {
  const e = explanationOf(md, 66);
  assert.match(
    e,
    /⚠ \*\*Deleting in a later step does not shrink the image:\*\* `tests\/`, `docs\/`, `\*\.md`, `\.git\*` and `\.env\.example` came in with the `COPY` on line 63 and stay in that layer/,
  );
  assert.match(e, /`\.dockerignore`/);
});

test('HEALTHCHECK: a table of the options, what they add up to, and what the check does', () => {
  const e = explanationOf(md, 78);
  assert.match(e, /\| `--interval` \| `30s` \| Check every 30 seconds \|/);
  assert.match(e, /\| `--timeout` \| `10s` \| A check that takes longer than 10 seconds fails \|/);
  assert.match(e, /\| `--start-period` \| `5s` \| Failures in the first 5 seconds after start do not count \|/);
  assert.match(e, /\| `--retries` \| `3` \| Mark the container `unhealthy` after 3 failed checks in a row \|/);
  assert.match(e, /reported `unhealthy` after about 3 × \(30 seconds \+ 10 seconds\) ≈ 120 seconds/);
  assert.match(e, /\*\*The check\*\* requests `http:\/\/localhost:5500\/health`/);
  assert.match(e, /\*\*Idiom:\*\* `\|\| exit 1` at the end of a `HEALTHCHECK` command/);
  assert.match(e, /⚠ \*\*DL3025\*\* \(warning\)/);
});

test('CMD gunicorn: the production server, a table of its options', () => {
  const e = explanationOf(md, 82);
  assert.match(e, /`gunicorn` — A production web server for Python WSGI apps.*The production replacement for Flask's or Django's development server/);
  assert.match(e, /\| `--bind` \| `0\.0\.0\.0:5500` \| The address and port to listen on/);
  assert.match(e, /\| `--workers` \| `4` \| The number of worker processes/);
  assert.match(e, /\| `--threads` \| `2` \| Threads per worker process/);
  assert.match(e, /\| `run:app` \| \(APP_MODULE\) \| Which app to serve, as `module:variable`/);
});

test('building and running: docker build --target and docker run -p for each final image, the source mounted for the reloading one', () => {
  const b = section(md, 'Building and running');
  assert.ok(b.includes('### `development`\n\n```bash\ndocker build --target development -t myapp:development .\ndocker run -p 5500:5500 -v "$(pwd)":/app myapp:development\n```'));
  assert.ok(b.includes('### `production` (default target)\n\n```bash\ndocker build --target production -t myapp:production .\ndocker run -p 5500:5500 myapp:production\n```'));
  assert.match(b, /`docker ps` shows its health \(`HEALTHCHECK` on line 78\)/);
  assert.match(b, /`docker build --target base \.`, `docker build --target dependencies \.`/);
});

test('key concepts: the practices the seed explains, followed, and what its file misses', () => {
  const k = section(md, 'Key concepts');
  const [followed, missed] = k.split('### Practices it misses');
  for (const title of [
    'Multi-stage build',
    'Small base image',
    'Non-root user',
    '`--no-install-recommends`',
    'apt lists cleaned',
    "pip's download cache",
    'Dependencies before code, for layer caching',
    'Development tools kept out of production',
    'Production server in production',
    '`HEALTHCHECK`',
    'Exec-form `CMD`',
    '`COPY --chown`',
    'Pinned base images',
  ]) {
    assert.ok(followed.includes(`**${title}**`), `followed: ${title}`);
  }
  assert.match(missed, /\*\*Build tools kept out of production\*\* — `libpq-dev` and `gcc` ship in `production`, inherited from `dependencies` \(line 26\)/);
  assert.match(missed, /\*\*Pinned package versions\*\* — `libpq-dev`, `gcc`, `pytest`/);
  assert.match(missed, /\*\*Fewer layers\*\* — The `RUN` on line 69 directly follows another `RUN`/);
  assert.match(missed, /\*\*Files deleted where they were added\*\* — The `rm` on line 66/);
  assert.match(k, /\| \*\*FromAsCasing\*\* \| warning \| 5, 23, 40, 60 \|/);
  assert.match(k, /\| \*\*DL3008\*\* \| warning \| 27, 28 \|/);
});

test('the same text gives the same bytes', () => {
  assert.equal(explained(example('Dockerfile'), { imageName: 'myapp' }).md, md);
});
