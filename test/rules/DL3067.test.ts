import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3067: flags COPY --from=… / /, on the source', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build / /\n', 'DL3067'), ['3:19-3:20']);
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build --chown=0 "/" "/"\n', 'DL3067'), ['3:29-3:32']);
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build ["/", "/"]\n', 'DL3067'), ['3:20-3:23']);
  assert.deepEqual(messages('FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build / /\n', 'DL3067'), [
    "`COPY --from=build / /` copies that image's entire filesystem over this one; copy only the directories you need.",
  ]);
});

test('DL3067: quiet for partial copies and for copies from the build context', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /out /\nCOPY --from=build / /app/\nCOPY / /\n', 'DL3067'), []);
});

test('DL3067: honours hadolint ignore pragmas', () => {
  assert.deepEqual(findings('FROM golang:1.22 AS build\nFROM scratch\n# hadolint ignore=DL3067\nCOPY --from=build / /\n', 'DL3067'), []);
});
