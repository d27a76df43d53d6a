import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3001: flags commands that make no sense in a build, on the command name', () => {
  const text = 'FROM debian:12\nRUN service nginx start\n';
  assert.deepEqual(findings(text, 'DL3001'), ['2:5-2:12']);
  assert.deepEqual(messages(text, 'DL3001'), [
    '`service` starts or stops a service only until the RUN ends; start services from CMD or ENTRYPOINT.',
  ]);
  assert.deepEqual(findings('FROM debian:12\nRUN ps aux | grep x && top -b -n1\n', 'DL3001'), ['2:5-2:7', '2:24-2:27']);
  assert.deepEqual(findings('FROM debian:12\nRUN /usr/sbin/service cron start\n', 'DL3001'), ['2:5-2:22']);
  for (const name of ['free', 'kill', 'mount', 'shutdown', 'ssh', 'vim']) {
    assert.deepEqual(findings(`FROM debian:12\nRUN ${name} x\n`, 'DL3001'), [`2:5-2:${5 + name.length}`], name);
  }
});

test('DL3001: quiet for the tools as arguments, for other commands and inside sh -c (as hadolint)', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y vim openssh-client procps\n', 'DL3001'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN which ssh && echo top\n', 'DL3001'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN sh -c "vim /etc/hosts"\n', 'DL3001'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN ifconfig\n', 'DL3001'), []);
});

test('DL3001: continuation lines, heredoc RUN, ONBUILD, pragmas', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN echo a \\\n  && kill -9 1\n', 'DL3001'), ['3:6-3:10']);
  assert.deepEqual(findings('FROM debian:12\nRUN <<EOF\nmount -t tmpfs none /mnt\nEOF\n', 'DL3001'), ['3:1-3:6']);
  assert.deepEqual(findings('FROM debian:12\nONBUILD RUN ssh host true\n', 'DL3001'), ['2:13-2:16']);
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL3001\nRUN ssh host true\n', 'DL3001'), []);
});
