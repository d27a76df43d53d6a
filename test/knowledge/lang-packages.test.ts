import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../setup';
import { parseDocument } from '../../server/src/model/document';
import { cleansCache, hasNoCache, installOf, isCacheTarget, isPinned, packagesOf, pipInstallWord } from '../../server/src/knowledge/lang-packages';

/** The commands of `RUN <script>`. */
function commands(script: string) {
  return parseDocument(`FROM x\nRUN ${script}\n`).instructions[1].shell!.commands;
}

/** Package words of the first command of a RUN. */
function pkgs(script: string): string[] {
  return packagesOf(commands(script)[0]).map((w) => w.text);
}

test('pip: pip, pip3, pip3.12, a path to pip and python -m pip install; values of options are not packages', () => {
  assert.deepEqual(pkgs('pip install flask'), ['flask']);
  assert.deepEqual(pkgs('pip3 install -U flask gunicorn'), ['flask', 'gunicorn']);
  assert.deepEqual(pkgs('pip3.12 install flask'), ['flask']);
  assert.deepEqual(pkgs('/usr/local/bin/pip install flask'), ['flask']);
  assert.deepEqual(pkgs('python3 -m pip install flask'), ['flask']);
  assert.deepEqual(pkgs('python -u -m pip install flask'), ['flask']);
  assert.deepEqual(pkgs('pip --no-cache-dir install flask'), ['flask']);
  assert.deepEqual(
    pkgs('pip install -i https://pypi.example/simple --extra-index-url https://x -t /opt/lib --prefix /usr -f ./wheels flask'),
    ['flask'],
  );
  assert.deepEqual(pkgs('pip install -e ./src --index-url=https://x flask'), ['flask']);
  assert.deepEqual(pkgs('pip install --platform manylinux2014_x86_64 --python-version 3.12 --only-binary :all: numpy'), ['numpy']);
});

test('pip: other tools and other subcommands are not pip installs', () => {
  assert.deepEqual(pkgs('pipx install black'), []);
  assert.deepEqual(pkgs('pipenv install flask'), []);
  assert.deepEqual(pkgs('pip-compile requirements.in'), []);
  assert.deepEqual(pkgs('pip uninstall -y flask'), []);
  assert.deepEqual(pkgs('python -m pipx install black'), []);
  assert.deepEqual(pkgs('python setup.py install'), []);
  assert.deepEqual(pkgs('python -c "import pip" install'), []);
  assert.equal(pipInstallWord(commands('echo pip install flask')[0]), undefined);
  assert.equal(pipInstallWord(commands('python3 -m pip install flask')[0])?.text, 'install');
});

test('pip: requirement and constraint files settle every version', () => {
  const by = (s: string) => installOf(commands(s)[0])?.pinnedByFlag;
  assert.equal(by('pip install -r requirements.txt'), true);
  assert.equal(by('pip install --requirement=requirements.txt gunicorn'), true);
  assert.equal(by('pip install -c constraints.txt flask'), true);
  assert.equal(by('pip install -Ur requirements.txt'), true);
  assert.equal(by('pip install flask'), false);
  // -C is --config-settings, not a constraint file
  assert.equal(by('pip install -C key=value flask'), false);
});

test('pip: how a pin is written', () => {
  for (const w of ['flask==3.0.3', 'flask>=3', 'flask<4', 'flask~=3.0', 'flask!=2.0', 'flask===3.0.3', 'requests[socks]==2.32.3',
    'git+https://github.com/org/repo.git@v1.2', 'git+ssh://git@github.com/org/repo.git@abc123', './pkg', '.', '.[dev]', '/src/pkg',
    'dist/app-1.0-py3-none-any.whl', 'app-1.0.tar.gz', 'https://example.com/app.zip']) {
    assert.equal(isPinned('pip', w), true, w);
  }
  for (const w of ['flask', 'requests[socks]', 'pip', 'git+https://github.com/org/repo.git', 'git+ssh://git@github.com/org/repo.git']) {
    assert.equal(isPinned('pip', w), false, w);
  }
});

test('npm: install and its aliases; ci and a bare install name no packages', () => {
  assert.deepEqual(pkgs('npm install -g typescript'), ['typescript']);
  assert.deepEqual(pkgs('npm i -D eslint prettier'), ['eslint', 'prettier']);
  assert.deepEqual(pkgs('npm add left-pad'), ['left-pad']);
  assert.deepEqual(pkgs('npm --loglevel warn install --registry https://r.example -g pnpm'), ['pnpm']);
  assert.deepEqual(pkgs('npm install'), []);
  assert.deepEqual(pkgs('npm ci --omit=dev'), []);
  assert.deepEqual(pkgs('npm run build'), []);
});

test('npm, yarn, pnpm: how a pin is written', () => {
  for (const w of ['typescript@5.4.5', '@types/node@20.11.0', 'eslint@^8', 'react@next', 'git+https://github.com/org/repo.git#v1.0.0',
    'github:org/repo#abc123', './local', '../pkg', '/src/pkg', '~/pkg', 'file:../pkg', 'https://example.com/pkg-1.0.0.tgz', 'pkg.tar.gz']) {
    assert.equal(isPinned('npm', w), true, w);
  }
  for (const w of ['typescript', '@types/node', 'npm@latest', '@angular/cli@latest', 'pkg@', 'git+https://github.com/org/repo.git', 'github:org/repo']) {
    assert.equal(isPinned('npm', w), false, w);
  }
  assert.deepEqual(pkgs('yarn global add serve@14.2.1'), ['serve@14.2.1']);
  assert.deepEqual(pkgs('yarn add --cwd /app lodash'), ['lodash']);
  assert.deepEqual(pkgs('yarn install --frozen-lockfile'), []);
  assert.deepEqual(pkgs('pnpm add -g --store-dir /s turbo'), ['turbo']);
  assert.equal(isPinned('yarn', 'lodash'), false);
  assert.equal(isPinned('pnpm', 'turbo@2.0.4'), true);
});

test('gem: packages, -v settles them, options and words after -- are not gems', () => {
  assert.deepEqual(pkgs('gem install bundler rake'), ['bundler', 'rake']);
  assert.deepEqual(pkgs('gem i --no-document -i /opt/gems rails'), ['rails']);
  assert.deepEqual(pkgs('gem install mysql2 -- --with-mysql-dir=/usr/local'), ['mysql2']);
  assert.equal(installOf(commands('gem install bundler -v 2.5.10')[0])?.pinnedByFlag, true);
  assert.equal(installOf(commands('gem install bundler --version=2.5.10')[0])?.pinnedByFlag, true);
  assert.equal(installOf(commands('gem install bundler')[0])?.pinnedByFlag, false);
  assert.equal(isPinned('gem', 'bundler:2.5.10'), true);
  assert.equal(isPinned('gem', 'vendor/app-1.0.gem'), true);
  assert.equal(isPinned('gem', 'bundler'), false);
  assert.deepEqual(pkgs('gem update --system'), []);
});

test('go: install and get packages, the package of go run, local paths and files', () => {
  assert.deepEqual(pkgs('go install -ldflags "-s -w" -tags netgo golang.org/x/tools/gopls@latest'), ['golang.org/x/tools/gopls@latest']);
  assert.deepEqual(pkgs('go get -u github.com/a/b github.com/c/d@v1.0.0'), ['github.com/a/b', 'github.com/c/d@v1.0.0']);
  assert.deepEqual(pkgs('go run -mod=mod github.com/x/gen@v1.2.0 -out /tmp/x gen.yaml'), ['github.com/x/gen@v1.2.0']);
  assert.deepEqual(pkgs('go build -o /app .'), []);
  assert.deepEqual(pkgs('go mod download'), []);
  for (const w of ['golang.org/x/tools/gopls@v0.16.1', 'example.com/m@abc1234', '.', './cmd/app', '../x', '/src/app', 'main.go', 'tool', 'all']) {
    assert.equal(isPinned('go', w), true, w);
  }
  for (const w of ['golang.org/x/tools/gopls', 'example.com/m@latest', 'example.com/m@none', 'example.com/m@upgrade', 'example.com/m@']) {
    assert.equal(isPinned('go', w), false, w);
  }
});

test('cargo: install packages, --version or crate@version', () => {
  assert.deepEqual(pkgs('cargo install --locked --root /usr/local ripgrep'), ['ripgrep']);
  assert.equal(installOf(commands('cargo install ripgrep --version 14.1.0')[0])?.pinnedByFlag, true);
  assert.equal(installOf(commands('cargo install --path .')[0])?.pinnedByFlag, true);
  assert.equal(isPinned('cargo', 'ripgrep@14.1.0'), true);
  assert.equal(isPinned('cargo', 'ripgrep'), false);
});

test('no-cache flags, cache cleaning commands and cache directories', () => {
  assert.equal(hasNoCache(commands('pip install --no-cache-dir flask')[0]), true);
  assert.equal(hasNoCache(commands('python -m pip --no-cache-dir install flask')[0]), true);
  assert.equal(hasNoCache(commands('pip install flask')[0]), false);
  assert.equal(hasNoCache(commands('npm install -g x')[0]), false);
  assert.equal(cleansCache(commands('yarn cache clean --force')[0], 'yarn'), true);
  assert.equal(cleansCache(commands('yarn cache list')[0], 'yarn'), false);
  assert.equal(cleansCache(commands('yarn cache clean')[0], 'npm'), false);
  assert.equal(cleansCache(commands('npm cache clean --force')[0]), true);
  assert.equal(cleansCache(commands('pip cache purge')[0]), true);
  assert.equal(cleansCache(commands('go clean -modcache')[0]), true);
  assert.equal(cleansCache(commands('go clean -testcache')[0]), false);
  assert.equal(isCacheTarget('yarn', '/usr/local/share/.cache/yarn'), true);
  assert.equal(isCacheTarget('yarn', '/root/.cache/yarn/'), true);
  assert.equal(isCacheTarget('pip', '/root/.cache/pip'), true);
  assert.equal(isCacheTarget('yarn', '/root/.npm'), false);
});
