import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3013: flags each unpinned pip package, on the package word', () => {
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install flask\n', 'DL3013'), ['2:17-2:22']);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install flask==3.0.3 gunicorn\n', 'DL3013'), ['2:30-2:38']);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install flask gunicorn\n', 'DL3013'), ['2:17-2:22', '2:23-2:31']);
  assert.deepEqual(messages('FROM python:3.12\nRUN pip install flask\n', 'DL3013'), [
    '`flask` has no version: write `flask==<version>` (or install from a requirements file) so every build installs the same one.',
  ]);
});

test('DL3013: pip3, python -m pip, and `pip install --upgrade pip` (as hadolint)', () => {
  assert.deepEqual(findings('FROM python:3.12\nRUN pip3 install requests\n', 'DL3013'), ['2:18-2:26']);
  assert.deepEqual(findings('FROM python:3.12\nRUN python3 -m pip install requests\n', 'DL3013'), ['2:28-2:36']);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install --upgrade pip\n', 'DL3013'), ['2:27-2:30']);
});

test('DL3013: pins, requirement files, local packages and VCS refs are fine', () => {
  for (const pkgs of ['flask==3.0.3', '"flask>=3,<4"', 'flask~=3.0', '.', '-e .', './dist/app-1.0-py3-none-any.whl', 'app-1.0.tar.gz',
    '"git+https://github.com/org/repo.git@v1.2"', '-r requirements.txt', '--requirement=requirements.txt gunicorn', '-c constraints.txt flask']) {
    assert.deepEqual(findings(`FROM python:3.12\nRUN pip install ${pkgs}\n`, 'DL3013'), [], pkgs);
  }
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install "git+https://github.com/org/repo.git"\n', 'DL3013'), ['2:17-2:54']);
});

test('DL3013: values of options are not packages', () => {
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install -i https://x/simple flask\n', 'DL3013'), ['2:37-2:42']);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install --target /opt/lib --prefix /usr -f ./wheels flask==3.0.3\n', 'DL3013'), []);
});

test('DL3013: quiet for other tools, other subcommands and commands inside sh -c (as hadolint)', () => {
  assert.deepEqual(findings('FROM python:3.12\nRUN pipx install black && pipenv install flask\n', 'DL3013'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip uninstall -y flask && pip download flask\n', 'DL3013'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN sh -c "pip install flask"\n', 'DL3013'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN echo pip install flask\n', 'DL3013'), []);
});

test('DL3013: a package from a variable is checked with its ARG or ENV value', () => {
  assert.deepEqual(findings('FROM python:3.12\nARG PKG=flask==3.0.3\nRUN pip install $PKG\n', 'DL3013'), []);
  const loose = 'FROM python:3.12\nENV PKGS="flask gunicorn==22.0.0"\nRUN pip install ${PKGS}\n';
  assert.deepEqual(findings(loose, 'DL3013'), ['3:17-3:24']);
  assert.deepEqual(messages(loose, 'DL3013'), ['`${PKGS}` names packages without a version (flask): pin each as `<package>==<version>`.']);
  assert.deepEqual(findings('FROM python:3.12\nARG PKG\nRUN pip install $PKG\n', 'DL3013'), []);
});

test('DL3013: continuation lines, the backtick escape, heredoc RUN and ONBUILD', () => {
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install \\\n    # web\n    flask \\\n    gunicorn==22.0.0\n', 'DL3013'), ['4:5-4:10']);
  assert.deepEqual(findings('# escape=`\nFROM python:3.12\nRUN pip install `\n    flask\n', 'DL3013'), ['4:5-4:10']);
  assert.deepEqual(findings('FROM python:3.12\nRUN <<EOF\nset -e\npip install flask\nEOF\n', 'DL3013'), ['4:13-4:18']);
  assert.deepEqual(findings('FROM python:3.12\nONBUILD RUN pip install flask\n', 'DL3013'), ['2:25-2:30']);
});

test('DL3013: honours ignore pragmas and the rules setting', () => {
  assert.deepEqual(findings('FROM python:3.12\n# hadolint ignore=DL3013\nRUN pip install flask\n', 'DL3013'), []);
  assert.deepEqual(findings('FROM python:3.12\nRUN pip install flask\n', 'DL3013', { rules: { DL3013: 'off' } }), []);
});
