/** The flawed example (the seed's file as a first draft): the key concepts list every practice it misses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { example, explained, section, explanationOf } from './helpers';

const { md, errors } = explained(example('Dockerfile.flawed'), { fileName: 'Dockerfile.flawed', imageName: 'myapp' });

test('a single-stage development image: its purpose, and how to build and run it without --target', () => {
  assert.deepEqual(errors, []);
  assert.match(section(md, 'Overview'), /`Dockerfile\.flawed` builds one image from `python:latest`, in a single stage: \*\*Development server\*\*/);
  assert.ok(section(md, 'Building and running').includes('```bash\ndocker build -t myapp .\ndocker run -p 5500:5500 -v "$(pwd)":/app myapp\n```'));
});

test('key concepts: nothing followed, and each missed practice with its line and rule', () => {
  const k = section(md, 'Key concepts');
  assert.match(k, /### Practices this file follows\n\nNone of the practices checked here\./);
  const missed = k.slice(k.indexOf('### Practices it misses'), k.indexOf('### Findings at a glance'));
  for (const expected of [
    /\*\*Multi-stage build\*\* — The only stage installs build tools \(`libpq-dev` and `gcc`\)/,
    /\*\*Small base image\*\* — `python:latest` is the full variant/,
    /\*\*Non-root user\*\* — Stage 1 runs as root/,
    /\*\*`--no-install-recommends`\*\* — `apt-get install` on line 10 .*\(DL3015\)/,
    /\*\*apt lists cleaned\*\* — The `RUN` on line 10 .*\(DL3009\)/,
    /\*\*pip's download cache\*\* — `pip install` on line 13 .*\(DL3042\)/,
    /\*\*Dependencies before code, for layer caching\*\* — The whole build context is copied on line 12, before the install on line 13/,
    /\*\*Production server in production\*\* — The default target \(stage 1\) runs a development server \(`flask run`\)/,
    /\*\*Exec-form `CMD`\*\* — The shell form on line 16/,
    /\*\*Pinned base images\*\* — `python:latest` has no version tag.*\(DL3007\)/,
  ]) {
    assert.match(missed, expected);
  }
});

test('COPY . . before the install: the line says the install re-runs on any change', () => {
  assert.match(explanationOf(md, 12), /⚠ \*\*Layer caching:\*\* the install on line 13 \(Python packages from `requirements\.txt`\) comes after this copy of everything/);
});

test('CMD in shell form: why the exec form stops cleanly', () => {
  assert.match(explanationOf(md, 16), /Shell form: Docker runs it as `\/bin\/sh -c "…"`, so the shell is PID 1/);
});
