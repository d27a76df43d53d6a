/**
 * Docs of the commands a Dockerfile runs (`apt-get`, `pip`, `curl`, `gunicorn`…) and of the
 * shell idioms built from them: Markdown data files in `server/docs/commands/<name>.md` and
 * `server/docs/idioms.md`, bundled as text and parsed on first use.
 *
 * A command file is an instruction doc (see `server/docs/README.md`) with more kinds of `## `
 * headings, told apart by their first character:
 * - `## -y, --yes, --assume-yes`: a flag and its other spellings. Text after a name (`-o <file>`,
 *   `--omit=<type>`) says the flag takes a value, which may also be the next word.
 * - `## install, i`: a subcommand and its aliases; `## mod download` is a two-word one.
 * - `## <mode>`: the n-th operand of the command (after any subcommand), e.g. chmod's mode.
 * `idioms.md` holds one `## <idiom-id>` section per idiom.
 * Every section is summary paragraph first, then short detail.
 */
import { parseInstructionDoc, type DocSection } from '../docs';
import addgroup from '../../docs/commands/addgroup.md';
import adduser from '../../docs/commands/adduser.md';
import apk from '../../docs/commands/apk.md';
import apt from '../../docs/commands/apt.md';
import aptGet from '../../docs/commands/apt-get.md';
import aptMark from '../../docs/commands/apt-mark.md';
import awk from '../../docs/commands/awk.md';
import basename from '../../docs/commands/basename.md';
import bundle from '../../docs/commands/bundle.md';
import cargo from '../../docs/commands/cargo.md';
import cat from '../../docs/commands/cat.md';
import cd from '../../docs/commands/cd.md';
import chgrp from '../../docs/commands/chgrp.md';
import chmod from '../../docs/commands/chmod.md';
import chown from '../../docs/commands/chown.md';
import commandText from '../../docs/commands/command.md';
import composer from '../../docs/commands/composer.md';
import configure from '../../docs/commands/configure.md';
import cp from '../../docs/commands/cp.md';
import curl from '../../docs/commands/curl.md';
import cut from '../../docs/commands/cut.md';
import dirname from '../../docs/commands/dirname.md';
import dnf from '../../docs/commands/dnf.md';
import dockerPhpExtConfigure from '../../docs/commands/docker-php-ext-configure.md';
import dockerPhpExtEnable from '../../docs/commands/docker-php-ext-enable.md';
import dockerPhpExtInstall from '../../docs/commands/docker-php-ext-install.md';
import dockerPhpSource from '../../docs/commands/docker-php-source.md';
import dotnet from '../../docs/commands/dotnet.md';
import dpkg from '../../docs/commands/dpkg.md';
import dpkgArchitecture from '../../docs/commands/dpkg-architecture.md';
import dpkgBuildflags from '../../docs/commands/dpkg-buildflags.md';
import echo from '../../docs/commands/echo.md';
import envsubst from '../../docs/commands/envsubst.md';
import exit from '../../docs/commands/exit.md';
import exportDoc from '../../docs/commands/export.md';
import falseDoc from '../../docs/commands/false.md';
import find from '../../docs/commands/find.md';
import flask from '../../docs/commands/flask.md';
import gem from '../../docs/commands/gem.md';
import git from '../../docs/commands/git.md';
import go from '../../docs/commands/go.md';
import gosu from '../../docs/commands/gosu.md';
import gpg from '../../docs/commands/gpg.md';
import gpgconf from '../../docs/commands/gpgconf.md';
import gradle from '../../docs/commands/gradle.md';
import grep from '../../docs/commands/grep.md';
import groupadd from '../../docs/commands/groupadd.md';
import gunicorn from '../../docs/commands/gunicorn.md';
import head from '../../docs/commands/head.md';
import id from '../../docs/commands/id.md';
import install from '../../docs/commands/install.md';
import java from '../../docs/commands/java.md';
import javac from '../../docs/commands/javac.md';
import jshell from '../../docs/commands/jshell.md';
import ldconfig from '../../docs/commands/ldconfig.md';
import ln from '../../docs/commands/ln.md';
import localeGen from '../../docs/commands/locale-gen.md';
import ls from '../../docs/commands/ls.md';
import make from '../../docs/commands/make.md';
import mkdir from '../../docs/commands/mkdir.md';
import mktemp from '../../docs/commands/mktemp.md';
import mv from '../../docs/commands/mv.md';
import mvn from '../../docs/commands/mvn.md';
import nginx from '../../docs/commands/nginx.md';
import node from '../../docs/commands/node.md';
import nproc from '../../docs/commands/nproc.md';
import npm from '../../docs/commands/npm.md';
import npx from '../../docs/commands/npx.md';
import pecl from '../../docs/commands/pecl.md';
import php from '../../docs/commands/php.md';
import pip from '../../docs/commands/pip.md';
import pnpm from '../../docs/commands/pnpm.md';
import printf from '../../docs/commands/printf.md';
import pwsh from '../../docs/commands/pwsh.md';
import python from '../../docs/commands/python.md';
import readlink from '../../docs/commands/readlink.md';
import rm from '../../docs/commands/rm.md';
import rmdir from '../../docs/commands/rmdir.md';
import rpm from '../../docs/commands/rpm.md';
import scanelf from '../../docs/commands/scanelf.md';
import sed from '../../docs/commands/sed.md';
import set from '../../docs/commands/set.md';
import sh from '../../docs/commands/sh.md';
import sha256sum from '../../docs/commands/sha256sum.md';
import sleep from '../../docs/commands/sleep.md';
import sort from '../../docs/commands/sort.md';
import suExec from '../../docs/commands/su-exec.md';
import tail from '../../docs/commands/tail.md';
import tar from '../../docs/commands/tar.md';
import tee from '../../docs/commands/tee.md';
import test from '../../docs/commands/test.md';
import tini from '../../docs/commands/tini.md';
import touch from '../../docs/commands/touch.md';
import tr from '../../docs/commands/tr.md';
import trueDoc from '../../docs/commands/true.md';
import unzip from '../../docs/commands/unzip.md';
import updateCaCertificates from '../../docs/commands/update-ca-certificates.md';
import useradd from '../../docs/commands/useradd.md';
import usermod from '../../docs/commands/usermod.md';
import uvicorn from '../../docs/commands/uvicorn.md';
import venv from '../../docs/commands/venv.md';
import wget from '../../docs/commands/wget.md';
import which from '../../docs/commands/which.md';
import xargs from '../../docs/commands/xargs.md';
import yarn from '../../docs/commands/yarn.md';
import zypper from '../../docs/commands/zypper.md';
import idiomsText from '../../docs/idioms.md';

const FILES: Record<string, string> = {
  addgroup, adduser, apk, apt, 'apt-get': aptGet, 'apt-mark': aptMark, awk, basename, bundle, cargo, cat, cd, chgrp,
  chmod, chown, command: commandText, composer, configure, cp, curl, cut, dirname, dnf,
  'docker-php-ext-configure': dockerPhpExtConfigure, 'docker-php-ext-enable': dockerPhpExtEnable,
  'docker-php-ext-install': dockerPhpExtInstall, 'docker-php-source': dockerPhpSource, dotnet, dpkg,
  'dpkg-architecture': dpkgArchitecture, 'dpkg-buildflags': dpkgBuildflags, echo, envsubst, exit, export: exportDoc,
  false: falseDoc, find, flask, gem, git, go, gosu, gpg, gpgconf, gradle, grep, groupadd, gunicorn, head, id,
  install, java, javac, jshell, ldconfig, ln, 'locale-gen': localeGen, ls, make, mkdir, mktemp, mv, mvn, nginx, node,
  nproc, npm, npx, pecl, php, pip, pnpm, printf, pwsh, python, readlink, rm, rmdir, rpm, scanelf, sed, set, sh,
  sha256sum, sleep, sort, 'su-exec': suExec, tail, tar, tee, test, tini, touch, tr, true: trueDoc, unzip,
  'update-ca-certificates': updateCaCertificates, useradd, usermod, uvicorn, venv, wget, which, xargs, yarn, zypper,
};

/** Other names of a documented command; the doc says what differs. */
const ALIASES: Record<string, string> = {
  yum: 'dnf', microdnf: 'dnf', tdnf: 'dnf',
  bash: 'sh', ash: 'sh', dash: 'sh',
  sha512sum: 'sha256sum', sha1sum: 'sha256sum', md5sum: 'sha256sum', sha384sum: 'sha256sum',
  gradlew: 'gradle', mvnw: 'mvn',
  'dumb-init': 'tini',
  gpg2: 'gpg',
  nodejs: 'node',
  bundler: 'bundle',
  gawk: 'awk', mawk: 'awk', nawk: 'awk',
  '[': 'test',
  powershell: 'pwsh', 'pwsh-preview': 'pwsh',
};

/**
 * Commands whose single-dash words are whole names, never clusters of letters (`go build
 * -trimpath`, `find -name`, `java -Xmx512m`): an unknown one is matched by its longest
 * documented prefix (`-Xmx` for `-Xmx512m`), not letter by letter.
 */
const NO_CLUSTERS = new Set(['go', 'find', 'java', 'dotnet', 'javac', 'jshell', 'pwsh']);

export interface FlagDoc {
  /** Every spelling, dashes included: `-y`, `--yes`, `--assume-yes`. */
  names: string[];
  /** The flag takes a value (`-o file`, `--omit=dev`). */
  takesValue: boolean;
  /** A family of flags named by their start: `## --enable-` documents `--enable-shared`. */
  prefix: boolean;
  section: DocSection;
}

export interface CommandDoc {
  name: string;
  /** The part before the first `## ` heading. */
  intro: DocSection;
  /** By spelling, dashes included. */
  flags: Map<string, FlagDoc>;
  /** By name (`install`, `i`, `mod download`). */
  subcommands: Map<string, DocSection>;
  /** `## <mode>` sections, in order. */
  operands: DocSection[];
  /** Single-dash words are whole names (see NO_CLUSTERS). */
  noClusters: boolean;
  /** Flag families (`--enable-`, `--with-`), longest first. */
  prefixFlags: FlagDoc[];
}

/** Splits Markdown on its `## ` headings, skipping fenced code blocks. */
function splitSections(text: string): { title: string; head: string; sections: { heading: string; body: string }[] } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let title = '';
  const head: string[] = [];
  const sections: { heading: string; body: string[] }[] = [];
  let fence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (!fence && !title && !sections.length && !head.length && line.startsWith('# ')) {
      title = line.slice(2).trim();
      continue;
    }
    if (!fence && line.startsWith('## ')) {
      sections.push({ heading: line.slice(3).trim(), body: [] });
      continue;
    }
    (sections.length ? sections[sections.length - 1].body : head).push(line);
  }
  return { title, head: head.join('\n'), sections: sections.map((s) => ({ heading: s.heading, body: s.body.join('\n') })) };
}

/** One section, built by the instruction docs' own parser (summary, Markdown, reference). */
function toSection(name: string, body: string): DocSection {
  const doc = parseInstructionDoc(`# ${name}\n${body}\n`);
  return { name, markdown: doc.markdown, summary: doc.summary, reference: doc.reference };
}

/** Parses a command doc (exported for tests). */
export function parseCommandDoc(text: string): CommandDoc {
  const { title, head, sections } = splitSections(text);
  const doc: CommandDoc = {
    name: title,
    intro: toSection(title, head),
    flags: new Map(),
    subcommands: new Map(),
    operands: [],
    noClusters: NO_CLUSTERS.has(title),
    prefixFlags: [],
  };
  for (const { heading, body } of sections) {
    const section = toSection(heading, body);
    if (heading.startsWith('-')) {
      const names: string[] = [];
      let takesValue = false;
      for (const part of heading.split(/,\s*/)) {
        const m = /^(-{1,2}[^\s=<[]+)(.*)$/.exec(part.trim());
        if (!m) continue;
        names.push(m[1]);
        if (m[2].trim()) takesValue = true;
      }
      const prefix = names.length > 0 && names.every((n) => /^--?[^-].*-$/.test(n));
      const flag: FlagDoc = { names, takesValue: takesValue && !prefix, prefix, section };
      if (prefix) doc.prefixFlags.push(flag);
      else for (const n of names) if (!doc.flags.has(n)) doc.flags.set(n, flag);
    } else if (heading.startsWith('<')) {
      doc.operands.push(section);
    } else {
      for (const n of heading.split(/,\s*/)) if (n.trim()) doc.subcommands.set(n.trim(), section);
    }
  }
  doc.prefixFlags.sort((a, b) => b.names[0].length - a.names[0].length);
  return doc;
}

const parsed = new Map<string, CommandDoc>();

/** The documented command a name runs: `/usr/bin/pip3.12` → `pip`, `./gradlew` → `gradle`. */
export function commandKey(word: string): string | undefined {
  let name = word.slice(word.lastIndexOf('/') + 1);
  if (Object.prototype.hasOwnProperty.call(FILES, name)) return name;
  if (Object.prototype.hasOwnProperty.call(ALIASES, name)) return ALIASES[name];
  name = name.replace(/(?<=^(?:pip|python|pydoc))[0-9][0-9.]*$/, '').replace(/\.exe$/i, '');
  if (Object.prototype.hasOwnProperty.call(FILES, name)) return name;
  return undefined;
}

/** The doc of the command a name runs, parsed on first use. */
export function commandDoc(word: string): CommandDoc | undefined {
  const key = commandKey(word);
  if (!key) return undefined;
  let doc = parsed.get(key);
  if (!doc) {
    doc = parseCommandDoc(FILES[key]);
    parsed.set(key, doc);
  }
  return doc;
}

/** Names of every documented command (file names, aliases excluded). */
export function commandNames(): string[] {
  return Object.keys(FILES);
}

let idioms: Map<string, DocSection> | undefined;

/** An idiom's section of `idioms.md`, by id. */
export function idiomDoc(id: string): DocSection | undefined {
  if (!idioms) {
    idioms = new Map();
    for (const { heading, body } of splitSections(idiomsText).sections) idioms.set(heading, toSection(heading, body));
  }
  return idioms.get(id);
}

/** Ids of every idiom in `idioms.md`. */
export function idiomIds(): string[] {
  idiomDoc('');
  return [...idioms!.keys()];
}
