import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2016: a misspelt signal is flagged on the value, with the closest name as fix', () => {
  const text = 'FROM nginx:1.27-alpine\nSTOPSIGNAL SIGQUITE\n';
  assert.deepEqual(findings(text, 'DX2016'), ['2:12-2:20']);
  assert.deepEqual(messages(text, 'DX2016'), [
    '`STOPSIGNAL SIGQUITE`: it is neither a signal name (`SIGTERM`, `SIGQUIT`…) nor a signal number; the builder rejects it. Did you mean `SIGQUIT`?',
  ]);
  assert.equal(fixed(text, 'DX2016'), 'FROM nginx:1.27-alpine\nSTOPSIGNAL SIGQUIT\n');
  assert.equal(fixed('FROM nginx:1.27-alpine\r\nSTOPSIGNAL TREM\r\n', 'DX2016'), 'FROM nginx:1.27-alpine\r\nSTOPSIGNAL TERM\r\n');
});

test('DX2016: unknown names without a close match, zero, and known variables', () => {
  const text = 'FROM nginx:1.27-alpine\nSTOPSIGNAL graceful\nSTOPSIGNAL 0\nARG SIG=SIGSTOPPED\nSTOPSIGNAL $SIG\n';
  assert.deepEqual(findings(text, 'DX2016'), ['2:12-2:20', '3:12-3:13', '5:12-5:16']);
  assert.deepEqual(messages(text, 'DX2016'), [
    '`STOPSIGNAL graceful`: it is neither a signal name (`SIGTERM`, `SIGQUIT`…) nor a signal number; the builder rejects it.',
    '`STOPSIGNAL 0`: signal 0 does not stop anything; the builder rejects it.',
    '`STOPSIGNAL SIGSTOPPED` (`$SIG` is `SIGSTOPPED` here): it is neither a signal name (`SIGTERM`, `SIGQUIT`…) nor a signal number; the builder rejects it.',
  ]);
});

test('DX2016: quiet for names with and without SIG, any case, numbers, real-time signals and unknown variables', () => {
  const text = [
    'FROM nginx:1.27-alpine',
    'STOPSIGNAL SIGTERM',
    'STOPSIGNAL quit',
    'STOPSIGNAL SigInt',
    'STOPSIGNAL 9',
    'STOPSIGNAL SIGRTMIN+3',
    'STOPSIGNAL RTMAX-1',
    'STOPSIGNAL SIGWINCH',
    'ARG STOP',
    'STOPSIGNAL $STOP',
    'STOPSIGNAL ${STOP:-SIGTERM}',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2016'), []);
});

test('DX2016: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM nginx:1.27-alpine\nONBUILD STOPSIGNAL SIGTRM\n', 'DX2016'), ['2:20-2:26']);
});
