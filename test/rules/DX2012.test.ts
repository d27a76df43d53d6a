import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2012: an unknown --network value is flagged on the value; a close one gets a fix', () => {
  const text = 'FROM alpine:3.20\nRUN --network=hots apk add curl\n';
  assert.deepEqual(findings(text, 'DX2012'), ['2:15-2:19']);
  assert.deepEqual(messages(text, 'DX2012'), ['`--network=hots` is not accepted: the value must be one of `default`, `none`, `host`. Did you mean `host`?']);
  assert.equal(fixed(text, 'DX2012'), 'FROM alpine:3.20\nRUN --network=host apk add curl\n');
  assert.deepEqual(messages('FROM alpine:3.20\nRUN --network=bridge true\n', 'DX2012'), ['`--network=bridge` is not accepted: the value must be one of `default`, `none`, `host`.']);
  assert.throws(() => fixed('FROM alpine:3.20\nRUN --network=bridge true\n', 'DX2012'), /has no fix/);
});

test('DX2012: values are exact and not expanded: case and variables are refused', () => {
  const text = 'FROM alpine:3.20\r\nRUN --network=None \\\r\n    --security=$SEC true\r\n';
  assert.deepEqual(findings(text, 'DX2012'), ['2:15-2:19', '3:16-3:20']);
  assert.equal(fixed(text, 'DX2012'), 'FROM alpine:3.20\r\nRUN --network=none \\\r\n    --security=$SEC true\r\n');
  assert.deepEqual(messages(text, 'DX2012')[1], '`--security=$SEC` is not accepted (variables are not expanded here): the value must be one of `sandbox`, `insecure`.');
  assert.deepEqual(findings('FROM alpine:3.20\nRUN --network= true\n', 'DX2012'), ['2:5-2:15']);
});

test('DX2012: --device options', () => {
  const text = 'FROM alpine:3.20\nRUN --device=nvidia.com/gpu=all,required=maybe --device=a.com/x,count=2 --device=a.com/y,b.com/z true\n';
  assert.deepEqual(findings(text, 'DX2012'), ['2:33-2:47', '2:65-2:72', '2:90-2:97']);
  assert.deepEqual(messages(text, 'DX2012'), [
    '`--device=nvidia.com/gpu=all,required=maybe`: `required` takes `true` or `false`, not `maybe`; the builder rejects it.',
    '`--device=a.com/x,count=2`: `count` is not a device option (only `name` and `required`); the builder rejects it.',
    '`--device=a.com/y,b.com/z`: `b.com/z` must be `key=value` (the device name is already `a.com/y`); the builder rejects it.',
  ]);
});

test('DX2012: quiet for every accepted value', () => {
  const text = [
    'FROM alpine:3.20',
    'RUN --network=default --security=sandbox true',
    'RUN --network=none --security=insecure true',
    'RUN --network=host true',
    'RUN --device=nvidia.com/gpu=all --device=vendor.com/class,required --device=name=vendor.com/c,required=false --device=gpu true',
    'COPY --network=x a /b',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2012'), []);
});

test('DX2012: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD RUN --network=off true\n', 'DX2012'), ['2:23-2:26']);
});
