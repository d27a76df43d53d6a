import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DL3022: flags --from naming no earlier stage, on the value', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nCOPY --from=builder /out /app\n', 'DL3022'), ['2:13-2:20']);
  assert.deepEqual(messages('FROM alpine:3.20\nCOPY --from=builder /out /app\n', 'DL3022'), [
    '`--from=builder` is not the name of a stage defined before this COPY; to copy from an image, name it with a tag (`builder:<tag>`).',
  ]);
  // an image without a tag is read as a stage name, as hadolint does
  assert.deepEqual(findings('FROM alpine:3.20\nCOPY --from=busybox /bin/sh /bin/\n', 'DL3022'), ['2:13-2:20']);
});

test('DL3022: a stage defined later does not count', () => {
  const text = 'FROM alpine:3.20\nCOPY --from=build /out /app\nFROM golang:1.22 AS build\n';
  assert.deepEqual(findings(text, 'DL3022'), ['2:13-2:18']);
  assert.deepEqual(messages(text, 'DL3022'), ['`--from=build` names the stage defined later on line 3; COPY --from can only use a stage defined before it.']);
});

test('DL3022: quiet for earlier stage names, valid indexes and tagged images', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /out /app\n', 'DL3022'), []);
  assert.deepEqual(findings('FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /out /app\nCOPY --from=1 /etc/x /x\n', 'DL3022'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/org/app@sha256:abc /a /a\n', 'DL3022'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nCOPY /a /b\n', 'DL3022'), []);
});

test('DL3022: an index must be below the number of stages so far', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nCOPY --from=1 /a /b\nFROM alpine:3.20\n', 'DL3022'), ['2:13-2:14']);
  assert.deepEqual(messages('FROM alpine:3.20\nCOPY --from=1 /a /b\n', 'DL3022'), [
    '`--from=1` is not the index of a stage defined before this COPY (there is 1, counted from 0).',
  ]);
});

test('DL3022: names are compared exactly; the fix corrects the case', () => {
  const text = 'FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=Builder /out /app\n';
  assert.deepEqual(findings(text, 'DL3022'), ['3:13-3:20']);
  assert.equal(fixed(text, 'DL3022'), 'FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=builder /out /app\n');
  assert.equal(
    fixed('FROM golang:1.22 AS builder\r\nFROM alpine:3.20\r\nCOPY --from="BUILDER" /out /app\r\n', 'DL3022'),
    'FROM golang:1.22 AS builder\r\nFROM alpine:3.20\r\nCOPY --from=builder /out /app\r\n',
  );
  assert.throws(() => fixed('FROM alpine:3.20\nCOPY --from=builder /out /app\n', 'DL3022'), /has no fix/);
});

test('DL3022: a variable is checked through its known value, skipped otherwise', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nARG SRC\nCOPY --from=$SRC /a /b\n', 'DL3022'), []);
  assert.deepEqual(findings('FROM alpine:3.20\nARG SRC=buildr\nCOPY --from=${SRC} /a /b\n', 'DL3022'), ['3:13-3:19']);
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM alpine:3.20\nARG SRC=build\nCOPY --from=${SRC} /a /b\n', 'DL3022'), []);
});

test('DL3022: ONBUILD COPY --from refers to the child build and is not checked', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD COPY --from=builder /out /app\n', 'DL3022'), []);
});

test('DL3022: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM alpine:3.20\n# hadolint ignore=DL3022\nCOPY --from=builder /out /app\n', 'DL3022'), []);
});
