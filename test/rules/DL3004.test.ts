import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';

function fixOf(text: string) {
  return lint(parseDocument(text), { rules: [findRule('DL3004')!] })[0]?.fix;
}

test('DL3004: flags sudo, on the word, and removes it', () => {
  const text = 'FROM debian:12\nRUN sudo apt-get update\n';
  assert.deepEqual(findings(text, 'DL3004'), ['2:5-2:9']);
  assert.equal(fixed(text, 'DL3004'), 'FROM debian:12\nRUN apt-get update\n');
  assert.equal(fixOf(text)?.safe, false);
  assert.deepEqual(messages(text, 'DL3004'), [
    '`sudo` does not belong in a build: RUN already runs as the USER in effect (root unless changed); switch with `USER root` around the commands that need it.',
  ]);
});

test('DL3004: removes sudo with its harmless options, and in pipes', () => {
  assert.equal(fixed('FROM x\nRUN sudo -E make install\n', 'DL3004'), 'FROM x\nRUN make install\n');
  assert.equal(fixed('FROM x\nRUN sudo -nE --preserve-env=PATH -- make\n', 'DL3004'), 'FROM x\nRUN make\n');
  const pipe = 'FROM x\nRUN echo x | sudo tee /etc/x\n';
  assert.deepEqual(findings(pipe, 'DL3004'), ['2:14-2:18']);
  assert.equal(fixed(pipe, 'DL3004'), 'FROM x\nRUN echo x | tee /etc/x\n');
});

test('DL3004: no fix when sudo changes the user, starts a shell, or runs nothing', () => {
  for (const run of ['sudo -u app make', 'sudo --user=app make', 'sudo -i', 'sudo -s make', 'sudo', 'sudo -E', 'sudo -g staff make',
    'sudo \\\n  # as root\n  make']) {
    const text = `FROM x\nRUN ${run}\n`;
    assert.deepEqual(findings(text, 'DL3004'), ['2:5-2:9'], run);
    assert.equal(fixOf(text), undefined, run);
  }
});

test('DL3004: quiet for the sudo package and inside sh -c (as hadolint)', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN apt-get install -y sudo && echo sudo\n', 'DL3004'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN sh -c "sudo make"\n', 'DL3004'), []);
});

test('DL3004: continuation lines and CRLF, heredoc RUN, ONBUILD, pragmas', () => {
  assert.equal(fixed('FROM x\nRUN sudo \\\n    make\n', 'DL3004'), 'FROM x\nRUN make\n');
  assert.equal(fixed('FROM x\r\nRUN sudo make \\\r\n    install\r\n', 'DL3004'), 'FROM x\r\nRUN make \\\r\n    install\r\n');
  const heredoc = 'FROM x\nRUN <<EOF\nsudo make\nEOF\n';
  assert.deepEqual(findings(heredoc, 'DL3004'), ['3:1-3:5']);
  assert.equal(fixed(heredoc, 'DL3004'), 'FROM x\nRUN <<EOF\nmake\nEOF\n');
  assert.deepEqual(findings('FROM x\nONBUILD RUN sudo make\n', 'DL3004'), ['2:13-2:17']);
  assert.deepEqual(findings('FROM x\n# hadolint ignore=DL3004\nRUN sudo make\n', 'DL3004'), []);
});
