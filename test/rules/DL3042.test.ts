import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed } from '../helpers';

test('DL3042: flags pip install without --no-cache-dir, on `pip install`, and inserts the flag', () => {
  const text = 'FROM python:3.12\nRUN pip install flask\n';
  assert.deepEqual(findings(text, 'DL3042'), ['2:5-2:16']);
  assert.equal(fixed(text, 'DL3042'), 'FROM python:3.12\nRUN pip install --no-cache-dir flask\n');
});

test('DL3042: pip3, versioned pip, a path to pip, and python -m pip', () => {
  assert.deepEqual(findings('FROM python:3.12\nRUN pip3 install flask\n', 'DL3042'), ['2:5-2:17']);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip3.12 install flask\n', 'DL3042'), ['2:5-2:20']);
  assert.deepEqual(findings('FROM python:3.12\nRUN /usr/local/bin/pip install flask\n', 'DL3042'), ['2:5-2:31']);
  const py = 'FROM python:3.12\nRUN python3 -m pip install flask\n';
  assert.deepEqual(findings(py, 'DL3042'), ['2:5-2:27']);
  assert.equal(fixed(py, 'DL3042'), 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir flask\n');
});

test('DL3042: every pip install of a RUN is reported, each with its own fix', () => {
  const text = 'FROM python:3.12\nRUN pip install -U pip && pip install flask\n';
  assert.deepEqual(findings(text, 'DL3042'), ['2:5-2:16', '2:27-2:38']);
  assert.equal(fixed(text, 'DL3042', 1), 'FROM python:3.12\nRUN pip install -U pip && pip install --no-cache-dir flask\n');
});

test('DL3042: quiet with the flag, for other pip commands and for pipx and pipenv', () => {
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install flask --no-cache-dir\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip --no-cache-dir install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip uninstall -y flask && pip download flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN pipx install black && pipenv install --system\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN python -m pipx install black\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN echo pip install flask\n', 'DL3042'), []);
});

test('DL3042: quiet when PIP_NO_CACHE_DIR is truthy in the RUN', () => {
  assert.deepEqual(findings('FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=true && pip install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN env PIP_NO_CACHE_DIR=On pip install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN PIP_NO_CACHE_DIR=off pip install flask\n', 'DL3042'), ['2:26-2:37']);
});

test('DL3042: quiet when ENV PIP_NO_CACHE_DIR is truthy earlier in the stage or a parent stage', () => {
  assert.deepEqual(findings('FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nENV PYTHONUNBUFFERED=1 \\\n    PIP_NO_CACHE_DIR=YES\nRUN pip install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask\n', 'DL3042'), ['3:5-3:16']);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n', 'DL3042'), ['2:5-2:16']);
  const inherited = 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n';
  assert.deepEqual(findings(inherited, 'DL3042'), []);
  const unrelated = 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install flask\n';
  assert.deepEqual(findings(unrelated, 'DL3042'), ['4:5-4:16']);
});

test('DL3042: quiet with a cache or tmpfs mount on pip\'s cache', () => {
  assert.deepEqual(findings('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN --mount=type=cache,target=/root/.npm pip install flask\n', 'DL3042'), ['2:42-2:53']);
});

test('DL3042: multi-line RUNs, and the fix keeps CRLF', () => {
  const split = 'FROM python:3.12\nRUN pip \\\n    install flask\n';
  assert.deepEqual(findings(split, 'DL3042'), ['2:5-3:12']);
  assert.equal(fixed(split, 'DL3042'), 'FROM python:3.12\nRUN pip \\\n    install --no-cache-dir flask\n');
  const crlf = 'FROM python:3.12\r\nRUN pip install \\\r\n      flask\r\n';
  assert.deepEqual(findings(crlf, 'DL3042'), ['2:5-2:16']);
  assert.equal(fixed(crlf, 'DL3042'), 'FROM python:3.12\r\nRUN pip install --no-cache-dir \\\r\n      flask\r\n');
});

test('DL3042: applies inside ONBUILD and in heredoc RUNs', () => {
  assert.deepEqual(findings('FROM python:3.12\nONBUILD RUN pip install flask\n', 'DL3042'), ['2:13-2:24']);
  const heredoc = 'FROM python:3.12\nRUN <<EOF\nset -e\npip install flask\nEOF\n';
  assert.deepEqual(findings(heredoc, 'DL3042'), ['4:1-4:12']);
  assert.equal(fixed(heredoc, 'DL3042'), 'FROM python:3.12\nRUN <<EOF\nset -e\npip install --no-cache-dir flask\nEOF\n');
});

test('DL3042: honours hadolint ignore pragmas and the rules setting', () => {
  assert.deepEqual(findings('FROM python:3.12\n# hadolint ignore=DL3013,DL3042\nRUN pip install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('# hadolint global ignore=DL3042\nFROM python:3.12\nRUN pip install flask\n', 'DL3042'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install flask\n', 'DL3042', { rules: { DL3042: 'off' } }), []);
});
