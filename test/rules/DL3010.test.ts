import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3010: flags a COPY of an archive that a later RUN unpacks, on the archive word', () => {
  const text = 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n';
  assert.deepEqual(findings(text, 'DL3010'), ['2:6-2:16']);
  assert.deepEqual(messages(text, 'DL3010'), [
    '`app.tar.gz` is copied in and then unpacked by the RUN on line 3; `ADD` unpacks a local tar archive in one step and keeps the archive itself out of the image.',
  ]);
});

test('DL3010: tar spellings and the other unpacking tools', () => {
  for (const run of ['tar xzf /tmp/app.tgz', 'tar --extract -f /tmp/app.tgz', 'tar -C /opt -xvf app.tgz', 'gunzip -k /tmp/app.tgz',
    'zcat /tmp/app.tgz | tar -x', 'cd /tmp && tar -xf app.tgz && rm app.tgz']) {
    assert.deepEqual(findings(`FROM debian:12\nCOPY app.tgz /tmp/\nRUN ${run}\n`, 'DL3010'), ['2:6-2:13'], run);
  }
});

test('DL3010: an archive as the COPY destination; exec form; several sources', () => {
  assert.deepEqual(findings('FROM debian:12\nCOPY src /tmp/app.tgz\nRUN tar -xf /tmp/app.tgz\n', 'DL3010'), ['2:10-2:22']);
  assert.deepEqual(findings('FROM debian:12\nCOPY ["app.tar.gz", "/tmp/"]\nRUN tar -xzf /tmp/app.tar.gz\n', 'DL3010'), ['2:7-2:19']);
  assert.deepEqual(
    findings('FROM debian:12\nCOPY a.txz b.txt c.tar.bz2 /tmp/\nRUN tar -xf /tmp/c.tar.bz2 && tar -xf /tmp/a.txz\n', 'DL3010'),
    ['2:6-2:11', '2:18-2:27'],
  );
});

test('DL3010: quiet without an extraction of that file in the same stage', () => {
  assert.deepEqual(findings('FROM debian:12\nCOPY app.tgz /tmp/\nRUN tar -czf /out.tgz /tmp\n', 'DL3010'), []);
  assert.deepEqual(findings('FROM debian:12\nCOPY app.tgz /tmp/\nRUN tar -xzf /tmp/other.tgz\n', 'DL3010'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN tar -xzf /tmp/app.tgz\nCOPY app.tgz /tmp/\n', 'DL3010'), []);
  assert.deepEqual(findings('FROM debian:12 AS a\nCOPY app.tgz /tmp/\nFROM a\nRUN tar -xzf /tmp/app.tgz\n', 'DL3010'), []);
  assert.deepEqual(findings('FROM debian:12\nCOPY --from=build /app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz\n', 'DL3010'), []);
  assert.deepEqual(findings('FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n', 'DL3010'), []);
  assert.deepEqual(findings('FROM debian:12\nCOPY app.tgz /tmp/\nRUN sh -c "tar -xzf /tmp/app.tgz"\n', 'DL3010'), []);
});

test('DL3010: pragmas on the COPY line', () => {
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL3010\nCOPY app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz\n', 'DL3010'), []);
  assert.deepEqual(findings('FROM debian:12\nCOPY app.tgz /tmp/\n# hadolint ignore=DL3010\nRUN tar -xzf /tmp/app.tgz\n', 'DL3010'), ['2:6-2:13']);
});
