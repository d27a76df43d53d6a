import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL4005: flags ln with /bin/sh, on the /bin/sh word', () => {
  const text = 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n';
  assert.deepEqual(findings(text, 'DL4005'), ['2:22-2:29']);
  assert.deepEqual(messages(text, 'DL4005'), [
    'Relinking `/bin/sh` swaps the shell of every script and program in the image; to run RUN instructions with another shell, use `SHELL ["/bin/bash", "-c"]`.',
  ]);
  assert.deepEqual(findings('FROM debian:12\nRUN rm /bin/sh && /bin/ln -s /bin/bash /bin/sh\n', 'DL4005'), ['2:40-2:47']);
});

test('DL4005: quiet for other links and other commands', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN ln -s /bin/bash /usr/local/bin/bash\n', 'DL4005'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN ls -l /bin/sh && echo ln /bin/sh\n', 'DL4005'), []);
  assert.deepEqual(findings('FROM debian:12\nRUN sh -c "ln -sf /bin/bash /bin/sh"\n', 'DL4005'), []);
});

test('DL4005: continuation lines, ONBUILD, pragmas', () => {
  assert.deepEqual(findings('FROM debian:12\nRUN ln -sf /bin/bash \\\n    /bin/sh\n', 'DL4005'), ['3:5-3:12']);
  assert.deepEqual(findings('FROM debian:12\nONBUILD RUN ln -sf /bin/bash /bin/sh\n', 'DL4005'), ['2:30-2:37']);
  assert.deepEqual(findings('FROM debian:12\n# hadolint ignore=DL4005\nRUN ln -sf /bin/bash /bin/sh\n', 'DL4005'), []);
});
