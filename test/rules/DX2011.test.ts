import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2011: a duration without a unit is flagged on the value, with a fix adding seconds', () => {
  const text = 'FROM nginx:1.27-alpine\nHEALTHCHECK --interval=30 --timeout=5s CMD true\n';
  assert.deepEqual(findings(text, 'DX2011'), ['2:24-2:26']);
  assert.deepEqual(messages(text, 'DX2011'), ['`--interval=30`: a duration needs a unit, such as `s` or `m`; the builder rejects it.']);
  assert.equal(fixed(text, 'DX2011'), 'FROM nginx:1.27-alpine\nHEALTHCHECK --interval=30s --timeout=5s CMD true\n');
});

test('DX2011: unknown units, with fixes for unit words', () => {
  const text = 'FROM nginx:1.27-alpine\r\nHEALTHCHECK --timeout=5sec \\\r\n  --start-period=1d CMD true\r\n';
  assert.deepEqual(findings(text, 'DX2011'), ['2:23-2:27', '3:18-3:20']);
  assert.equal(fixed(text, 'DX2011'), 'FROM nginx:1.27-alpine\r\nHEALTHCHECK --timeout=5s \\\r\n  --start-period=1d CMD true\r\n');
  assert.equal(fixed(text, 'DX2011', 1), 'FROM nginx:1.27-alpine\r\nHEALTHCHECK --timeout=5sec \\\r\n  --start-period=24h CMD true\r\n');
  assert.deepEqual(messages('FROM nginx:1.27-alpine\nHEALTHCHECK --interval=2w CMD true\n', 'DX2011'), [
    '`--interval=2w`: `w` is not a duration unit (use `ms`, `s`, `m` or `h`); the builder rejects it.',
  ]);
});

test('DX2011: too short, negative, not a duration, variables, bad retries', () => {
  const text = 'FROM nginx:1.27-alpine\nHEALTHCHECK --interval=100us --timeout=-1s --start-period=abc --start-interval=$X --retries=-1 CMD true\n';
  assert.deepEqual(findings(text, 'DX2011'), ['2:24-2:29', '2:40-2:43', '2:59-2:62', '2:80-2:82', '2:93-2:95']);
  assert.deepEqual(messages(text, 'DX2011'), [
    '`--interval=100us`: the shortest duration is `1ms` (`0` means the default); the builder rejects it.',
    "`--timeout=-1s`: a duration can't be negative; the builder rejects it.",
    '`--start-period=abc`: not a duration (write it like `30s`, `1m30s` or `500ms`); the builder rejects it.',
    '`--start-interval=$X`: variables are not expanded in HEALTHCHECK options, so the value is taken literally; the builder rejects it.',
    "`--retries=-1`: the number of retries can't be negative; the builder rejects it.",
  ]);
  assert.deepEqual(findings('FROM nginx:1.27-alpine\nHEALTHCHECK --retries=three CMD true\n', 'DX2011'), ['2:23-2:28']);
});

test('DX2011: quiet for valid durations, 0, empty values, NONE, and other instructions', () => {
  const text = [
    'FROM nginx:1.27-alpine',
    'HEALTHCHECK --interval=1m30s --timeout=1.5s --start-period=0 --start-interval=500ms --retries=0 CMD true',
    'HEALTHCHECK --interval=1h --timeout=.5s --start-period=0s --retries=+3 CMD ["true"]',
    'HEALTHCHECK --interval= CMD true',
    'HEALTHCHECK --interval=30 NONE',
    'ONBUILD HEALTHCHECK --interval=10s CMD true',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2011'), []);
});

test('DX2011: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM nginx:1.27-alpine\nONBUILD HEALTHCHECK --interval=5 CMD true\n', 'DX2011'), ['2:32-2:33']);
});
