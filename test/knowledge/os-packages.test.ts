import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/document';
import type { ShellCommand } from '../../server/src/model/shell';
import {
  MANAGERS,
  cleansCache,
  hasAssumeYes,
  hasNoCache,
  hasNoRecommends,
  installOf,
  installSubcommand,
  isCachePath,
  isDryRun,
  isModulePinned,
  isPinned,
  managerOf,
  packagesOf,
  pinExample,
  positionals,
  subcommandOf,
} from '../../server/src/knowledge/os-packages';

/** The first command of `RUN <script>`. */
function cmd(script: string): ShellCommand {
  const c = parseDocument(`FROM x\nRUN ${script}\n`).instructions[1].shell?.commands[0];
  assert.ok(c, script);
  return c;
}
const texts = (ws: { text: string }[]) => ws.map((w) => w.text);

test('managerOf: by base name', () => {
  assert.equal(managerOf(cmd('/usr/bin/apt-get update'))?.name, 'apt-get');
  assert.equal(managerOf(cmd('microdnf install x'))?.name, 'microdnf');
  assert.equal(managerOf(cmd('apt-cache policy x')), undefined);
  assert.equal(managerOf(cmd('toString x')), undefined);
});

test('positionals: skip flags and the values of flags that take one', () => {
  assert.deepEqual(texts(positionals(cmd('apt-get -t bookworm -o A::B=1 install -y curl'))), ['install', 'curl']);
  assert.deepEqual(texts(positionals(cmd('apt-get install -yt bookworm-backports curl'))), ['install', 'curl']);
  assert.deepEqual(texts(positionals(cmd('apt-get install --target-release=stable curl'))), ['install', 'curl']);
  assert.deepEqual(texts(positionals(cmd('apt-get install -tstable curl'))), ['install', 'curl']);
  assert.deepEqual(texts(positionals(cmd('apk add --virtual .deps -X http://mirror/main gcc'))), ['add', 'gcc']);
  assert.deepEqual(texts(positionals(cmd('dnf --setopt tsflags=nodocs --enablerepo crb install -y jq'))), ['install', 'jq']);
  assert.deepEqual(texts(positionals(cmd('apt-get install -- -odd'))), ['install', '-odd']);
});

test('positionals: zypper options differ before and after the subcommand', () => {
  // global -D is --reposd-dir (takes a value); after `in`, -D is --dry-run (does not)
  assert.deepEqual(texts(positionals(cmd('zypper -D /etc/zypp/repos.d in -D curl'))), ['in', 'curl']);
  assert.deepEqual(texts(positionals(cmd('zypper --root /mnt -n install -r repo-oss curl'))), ['install', 'curl']);
});

test('installOf: subcommand, kind and packages', () => {
  const apt = installOf(cmd('apt-get -y install curl git'))!;
  assert.equal(apt.spec.name, 'apt-get');
  assert.equal(apt.subcommand.text, 'install');
  assert.equal(apt.kind, 'package');
  assert.deepEqual(texts(apt.packages), ['curl', 'git']);
  assert.equal(installOf(cmd('apk add --no-cache bash'))?.subcommand.text, 'add');
  assert.equal(installOf(cmd('zypper -n in vim'))?.subcommand.text, 'in');
  const mod = installOf(cmd('dnf -y module install nodejs:20'))!;
  assert.deepEqual([mod.kind, mod.subcommand.text, texts(mod.packages)], ['module', 'install', ['nodejs:20']]);
  assert.equal(installOf(cmd('dnf group install -y "Development Tools"'))?.kind, 'group');
  assert.equal(installOf(cmd('yum groupinstall -y Base'))?.kind, 'group');
  assert.equal(installOf(cmd('zypper -n in -t pattern devel_basis'))?.kind, 'group');
  assert.equal(installOf(cmd('zypper -n in -t package vim'))?.kind, 'package');
  assert.equal(installOf(cmd('apt-get update')), undefined);
  assert.equal(installOf(cmd('apk del curl')), undefined);
  assert.equal(installOf(cmd('echo install curl')), undefined);
});

test('installSubcommand, subcommandOf and packagesOf', () => {
  assert.equal(installSubcommand(cmd('yum -y localinstall /tmp/x.rpm'))?.text, 'localinstall');
  assert.equal(installSubcommand(cmd('yum -y update')), undefined);
  assert.equal(subcommandOf(cmd('yum -y update'))?.text, 'update');
  assert.deepEqual(texts(packagesOf(cmd('microdnf install -y jq'))), ['jq']);
  assert.deepEqual(packagesOf(cmd('dnf group install -y Base')), []);
  // words keep their document offsets
  const c = cmd('apk add curl');
  assert.deepEqual(packagesOf(c).map((w) => [w.start, w.end]), [[19, 23]]);
});

test('isPinned: each manager writes versions its own way', () => {
  const cases: [Parameters<typeof isPinned>[0], string, boolean][] = [
    ['apt', 'curl', false],
    ['apt', 'curl=7.88.1-10', true],
    ['apt', 'curl=7.*', true],
    ['apt', 'curl/bookworm-backports', true],
    ['apt', 'x.deb', true],
    ['apk', 'curl', false],
    ['apk', 'curl=8.5.0-r0', true],
    ['apk', 'curl~8.5', true],
    ['apk', 'curl>8', true],
    ['apk', 'curl<9', true],
    ['apk', 'x.apk', true],
    ['apk', 'curl-doc', false],
    ['rpm', 'httpd', false],
    ['rpm', 'python3-devel', false],
    ['rpm', 'httpd-2.4.57-5.el9', true],
    ['rpm', 'mod_ssl-1:2.4.6', true],
    ['rpm', 'java-11-openjdk', true],
    ['rpm', 'java-11-openjdk*', false],
    ['rpm', 'x.rpm', true],
    ['rpm', '@core', true],
    ['zypper', 'curl', false],
    ['zypper', 'curl=8.6', true],
    ['zypper', 'curl>=8', true],
    ['zypper', 'curl<9', true],
    ['zypper', 'curl-8.6', false],
    ['zypper', 'x.rpm', true],
    ['dnf', 'httpd-2.4.62', true],
    ['apt-get', 'curl', false],
  ];
  for (const [style, word, pinned] of cases) assert.equal(isPinned(style, word), pinned, `${style} ${word}`);
  assert.equal(isModulePinned('nodejs:20'), true);
  assert.equal(isModulePinned('nodejs'), false);
  assert.equal(pinExample('yum', 'httpd'), 'httpd-<version>');
  assert.equal(pinExample('apk', 'curl'), 'curl=<version>');
});

test('hasAssumeYes: flags per manager, and apt quiet level 2', () => {
  const yes = ['apt-get install -y x', 'apt-get --yes install x', 'apt-get install --assume-yes x', 'apt-get -qq install x', 'apt-get -q -q install x',
    'apt-get -q=2 install x', 'apt-get -o APT::Get::Assume-Yes=true install x', 'yum -y install x', 'dnf install --assumeyes x',
    'zypper -n in x', 'zypper --non-interactive in x', 'zypper in -y x', 'zypper in --no-confirm x'];
  const no = ['apt-get install x', 'apt-get -q install x', 'yum install x', 'dnf install --yes x', 'zypper in x', 'apk add x'];
  for (const s of yes) assert.equal(hasAssumeYes(cmd(s)), true, s);
  for (const s of no) assert.equal(hasAssumeYes(cmd(s)), false, s);
});

test('hasNoRecommends and hasNoCache', () => {
  assert.equal(hasNoRecommends(cmd('apt-get install --no-install-recommends x')), true);
  assert.equal(hasNoRecommends(cmd('apt-get -o APT::Install-Recommends=false install x')), true);
  assert.equal(hasNoRecommends(cmd('apt-get install x')), false);
  assert.equal(hasNoRecommends(cmd('dnf --setopt=install_weak_deps=False install x')), true);
  assert.equal(hasNoRecommends(cmd('zypper -n in --no-recommends x')), true);
  assert.equal(hasNoCache(cmd('apk --no-cache add x')), true);
  assert.equal(hasNoCache(cmd('apk add x')), false);
  assert.equal(hasNoCache(cmd('apt-get install x')), false);
});

test('cleanup: commands, cache paths and what counts as cleaning', () => {
  assert.equal(MANAGERS.yum.cleanup, 'yum clean all');
  assert.equal(MANAGERS.microdnf.cleanup, 'microdnf clean all');
  assert.equal(MANAGERS.zypper.cleanup, 'zypper clean --all');
  assert.equal(MANAGERS['apt-get'].cleanup, 'rm -rf /var/lib/apt/lists/*');
  assert.equal(cleansCache(MANAGERS.yum, cmd('yum clean all')), true);
  assert.equal(cleansCache(MANAGERS.yum, cmd('yum -q clean metadata')), true);
  assert.equal(cleansCache(MANAGERS.zypper, cmd('zypper -n cc -a')), true);
  assert.equal(cleansCache(MANAGERS.yum, cmd('rm -rf /var/cache/yum/*')), true);
  assert.equal(cleansCache(MANAGERS.yum, cmd('rm -r /var/cache')), true);
  assert.equal(cleansCache(MANAGERS.yum, cmd('rm -rf /tmp/build')), false);
  assert.equal(cleansCache(MANAGERS.microdnf, cmd('dnf clean all')), false);
  assert.equal(cleansCache(MANAGERS.yum, cmd('yum install -y clean')), false);
  assert.equal(isCachePath(MANAGERS.dnf, '/var/cache/libdnf5*'), true);
  assert.equal(isCachePath(MANAGERS.apk, '/var/cache/apk/'), true);
  assert.equal(isCachePath(MANAGERS.apk, '/var/cache/apkx'), false);
  assert.equal(isCachePath(MANAGERS.apk, 'var/cache/apk'), false);
});

test('isDryRun: simulations install nothing, so installOf ignores them', () => {
  assert.equal(isDryRun(cmd('apt-get install -s curl')), true);
  assert.equal(isDryRun(cmd('apt-get --just-print install curl')), true);
  assert.equal(isDryRun(cmd('apk add --simulate curl')), true);
  assert.equal(isDryRun(cmd('zypper in --dry-run curl')), true);
  assert.equal(isDryRun(cmd('zypper -D /repos in curl')), false);
  assert.equal(isDryRun(cmd('dnf install -y curl')), false);
  // an `s` inside the value of a short option is not -s
  assert.equal(isDryRun(cmd('apt-get install -tstable -oAcquire::Retries=3 curl')), false);
  assert.equal(installOf(cmd('apt-get install -s curl')), undefined);
  assert.equal(installOf(cmd('apt-get install -y curl'))?.subcommand.text, 'install');
});
