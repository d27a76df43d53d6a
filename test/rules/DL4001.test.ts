import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL4001: flags the RUN that brings the second tool, on its first curl or wget', () => {
  const text = 'FROM debian:12\nRUN curl -fsSLo /a https://x\nRUN wget -q https://y\n';
  assert.deepEqual(findings(text, 'DL4001'), ['3:5-3:9']);
  assert.deepEqual(messages(text, 'DL4001'), [
    'This stage downloads with both `wget` and `curl` (on line 2); pick one and use it everywhere, so the image needs only one of them.',
  ]);
});

test('DL4001: both in one RUN; every later RUN with either tool', () => {
  const one = 'FROM debian:12\nRUN curl -fsSL https://x -o a && wget -q https://y\n';
  assert.deepEqual(findings(one, 'DL4001'), ['2:5-2:9']);
  assert.deepEqual(messages(one, 'DL4001'), [
    'This stage downloads with both `curl` and `wget` (in this RUN); pick one and use it everywhere, so the image needs only one of them.',
  ]);
  const later = 'FROM debian:12\nRUN curl https://x\nRUN wget https://y\nRUN echo done\nRUN /usr/bin/curl https://z\n';
  assert.deepEqual(findings(later, 'DL4001'), ['3:5-3:9', '5:5-5:18']);
});

test('DL4001: each FROM starts over; installing the tools does not count', () => {
  assert.deepEqual(findings('FROM debian:12 AS a\nRUN curl https://x\nFROM debian:12\nRUN wget https://y\n', 'DL4001'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y curl wget && curl https://x\n', 'DL4001'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN curl https://x\nRUN sh -c "wget https://y"\n', 'DL4001'), []);
});

test('DL4001: heredoc RUN, ONBUILD triggers apart, pragmas', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN <<EOF\ncurl https://x\nwget https://y\nEOF\n', 'DL4001'), ['3:1-3:5']);
  assert.deepEqual(findings('FROM debian:12\nRUN curl https://x\nONBUILD RUN wget https://y\n', 'DL4001'), []);
  assert.deepEqual(findings('FROM debian:12\nONBUILD RUN curl https://x && wget https://y\n', 'DL4001'), ['2:13-2:17']);
  assert.deepEqual(findings('FROM debian:12\nRUN curl https://x\n# hadolint ignore=DL4001\nRUN wget https://y\n', 'DL4001'), []);
});
