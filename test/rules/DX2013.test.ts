import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2013: an unknown mount type is flagged on the value, with the closest type as fix', () => {
  const text = 'FROM python:3.12-slim\nRUN --mount=type=cahce,target=/root/.cache/pip pip install requests\n';
  assert.deepEqual(findings(text, 'DX2013'), ['2:18-2:23']);
  assert.deepEqual(messages(text, 'DX2013'), [
    '`--mount`: `cahce` is not a mount type (use `bind`, `cache`, `tmpfs`, `secret`, `ssh`); the builder rejects it. Did you mean `cache`?',
  ]);
  assert.equal(fixed(text, 'DX2013'), 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install requests\n');
});

test('DX2013: an unknown option is flagged on its name; a close one gets a fix (CRLF kept)', () => {
  const text = 'FROM alpine:3.20\r\nRUN --mount=type=cache,tagret=/var/cache/apk \\\r\n    apk add curl\r\n';
  assert.deepEqual(findings(text, 'DX2013'), ['2:24-2:30']);
  assert.equal(fixed(text, 'DX2013'), 'FROM alpine:3.20\r\nRUN --mount=type=cache,target=/var/cache/apk \\\r\n    apk add curl\r\n');
  assert.deepEqual(messages('FROM alpine:3.20\nRUN --mount=type=bind,foo=bar true\n', 'DX2013'), ['`--mount`: `foo` is not a mount option; the builder rejects it.']);
});

test('DX2013: option values of the wrong form', () => {
  const text = 'FROM alpine:3.20\nRUN --mount=type=cache,target=/c,sharing=lock,mode=0789,uid=app,ro=yes,size=1g true\n';
  assert.deepEqual(findings(text, 'DX2013'), ['2:42-2:46', '2:52-2:56', '2:61-2:64', '2:68-2:71', '2:72-2:79']);
  assert.deepEqual(messages(text, 'DX2013'), [
    '`--mount`: `sharing=lock` is not a sharing mode (use `shared`, `private` or `locked`); the builder rejects it. Did you mean `locked`?',
    '`--mount`: `mode=0789` is not an octal mode (such as `0755`); the builder rejects it.',
    '`--mount`: `uid=app` is not a numeric ID; the builder rejects it.',
    '`--mount`: `ro` takes `true` or `false`, not `yes`; the builder rejects it.',
    '`--mount`: `size` only applies to `tmpfs` mounts, not `cache`; the builder rejects it.',
  ]);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/t,size=lots true\n', 'DX2013'), ['2:39-2:43']);
});

test('DX2013: options a type does not allow, and options read before `type=`', () => {
  const text = 'FROM alpine:3.20\nRUN --mount=type=bind,source=.,target=/src,mode=0644,sharing=locked true\n';
  assert.deepEqual(findings(text, 'DX2013'), ['2:44-2:53', '2:54-2:68']);
  assert.deepEqual(messages(text, 'DX2013'), [
    '`--mount`: `mode` only applies to `cache`, `secret` and `ssh` mounts, not `bind`; the builder rejects it.',
    '`--mount`: `sharing` only applies to `cache` mounts, not `bind`; the builder rejects it.',
  ]);
  const order = 'FROM alpine:3.20\nRUN --mount=required,type=secret,id=npmrc true\n';
  assert.deepEqual(findings(order, 'DX2013'), ['2:13-2:21']);
  assert.deepEqual(messages(order, 'DX2013'), [
    '`--mount`: `required` only applies to `secret` and `ssh` mounts, not `bind`, and options are read in order: put `type=` first; the builder rejects it.',
  ]);
});

test('DX2013: secret mounts need an id and take no from; from takes no variables; fields need values', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --mount=type=secret,required true\n', 'DX2013'), ['2:13-2:33']);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --mount=type=secret,id=a,from=b true\n', 'DX2013'), ['2:30-2:36']);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --mount=type=secret,id=a,source=b true\n', 'DX2013'), ['2:30-2:38']);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --mount=type=bind,from=$BASE,target=/b true\n', 'DX2013'), ['2:28-2:33']);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --mount=type=bind,target,source=. true\n', 'DX2013'), ['2:23-2:29']);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --mount=type=bind,,target=/x true\n', 'DX2013'), ['2:22-2:24']);
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --mount=type=bind,target=/x, true\n', 'DX2013'), ['2:32-2:33']);
});

test('DX2013: quiet for every valid mount of every type, variables in values and quoted options', () => {
  const text = [
    'FROM alpine:3.20 AS deps',
    'ARG CACHE_ID=pip',
    'RUN --mount=target=/src \\',
    '    --mount=type=bind,source=requirements.txt,target=/tmp/req.txt,from=deps,rw \\',
    '    --mount=type=bind,src=.,dst=/ctx,readonly=false,readwrite=true \\',
    '    --mount=type=cache,id=$CACHE_ID,target=/root/.cache,sharing=locked,mode=0755,uid=1000,gid=1000,ro=false,from=deps,source=/x \\',
    '    --mount=type=cache,destination=/var/cache/apt,sharing=private \\',
    '    --mount=type=tmpfs,target=/tmp/build,size=256m \\',
    '    --mount=type=tmpfs,target=/t2,size=1.5GiB \\',
    '    --mount=type=secret,id=netrc,target=/root/.netrc,required=true,mode=0400,uid=0,gid=0 \\',
    '    --mount=type=secret,id=token,env=TOKEN \\',
    '    --mount=type=secret,target=/run/secrets/x,required \\',
    '    --mount=type=ssh,id=default,target=/run/ssh.sock,required,mode=0600,uid=1,gid=1 \\',
    '    --mount=type=ssh \\',
    '    --mount=Type=Cache,Target=/c2 \\',
    '    --mount="type=cache,target=/c3" \\',
    '    true',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2013'), []);
});

test('DX2013: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD RUN --mount=type=cach,target=/c true\n', 'DX2013'), ['2:26-2:30']);
});

test('DX2013: with the backtick escape, options after a continuation are checked', () => {
  const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN --mount=type=cache,target=C:\\cache `\n    --mount=type=cahce,target=C:\\x dir\n';
  assert.deepEqual(findings(text, 'DX2013'), ['4:18-4:23']);
});
