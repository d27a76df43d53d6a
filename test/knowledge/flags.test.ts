/**
 * The flag table: every flag of every instruction, checked against the hover docs (each
 * `## --flag` in server/docs/instructions/*.md must be a known flag, and every flag must be
 * documented there), and the value readers the syntax rules rely on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FLAGS,
  INSTRUCTIONS,
  MOUNT_OPTION_NAMES,
  chmodProblem,
  closest,
  editDistance,
  execFormRepair,
  expansionProblem,
  flagInfo,
  flagsChecked,
  flagsOf,
  isRamSize,
  mountOptionsOf,
  parseFlagBool,
  parseGoBool,
  parseGoDuration,
  scanExecForm,
  splitBuilderFlags,
  splitWords,
} from '../../server/src/knowledge/flags';

function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = join(dir, '..')) {
      if (existsSync(join(dir, 'server', 'docs', 'instructions'))) return dir;
      if (join(dir, '..') === dir) break;
    }
  }
  throw new Error('repository root not found');
}

test('flags: every `## --flag` of the instruction docs is in the table, and every flag in the table is documented', () => {
  const dir = join(repoRoot(), 'server', 'docs', 'instructions');
  const documented = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const keyword = file.replace(/\.md$/, '');
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/^## --([a-z-]+)\s*$/gm)) documented.add(`${keyword} --${m[1]}`);
  }
  const known = new Set(FLAGS.map((f) => `${f.instruction} --${f.name}`));
  assert.deepEqual([...documented].filter((x) => !known.has(x)), [], 'documented but unknown to flags.ts');
  assert.deepEqual([...known].filter((x) => !documented.has(x)), [], 'in flags.ts but not documented');
  assert.ok(documented.size >= 23);
});

test('flags: the flags each instruction accepts, as the builder declares them', () => {
  const names = (k: string) => flagsOf(k).map((f) => f.name).sort();
  assert.deepEqual(names('FROM'), ['platform']);
  assert.deepEqual(names('RUN'), ['device', 'mount', 'network', 'security']);
  assert.deepEqual(names('COPY'), ['chmod', 'chown', 'exclude', 'from', 'link', 'parents']);
  assert.deepEqual(names('ADD'), ['checksum', 'chmod', 'chown', 'exclude', 'keep-git-dir', 'link', 'unpack']);
  assert.deepEqual(names('healthcheck'), ['interval', 'retries', 'start-interval', 'start-period', 'timeout']);
  for (const k of ['CMD', 'ENTRYPOINT', 'ENV', 'LABEL', 'ARG', 'EXPOSE', 'VOLUME', 'USER', 'WORKDIR', 'SHELL', 'ONBUILD', 'MAINTAINER', 'STOPSIGNAL']) assert.deepEqual(names(k), [], k);
  assert.equal(INSTRUCTIONS.length, 18);
  // Only --mount, --device and --exclude repeat; on/off flags are the booleans.
  assert.deepEqual(FLAGS.filter((f) => f.kind === 'strings').map((f) => `${f.instruction} ${f.name}`), ['RUN mount', 'RUN device', 'COPY exclude', 'ADD exclude']);
  assert.deepEqual(FLAGS.filter((f) => f.kind === 'bool').map((f) => `${f.instruction} ${f.name}`), ['COPY link', 'COPY parents', 'ADD link', 'ADD keep-git-dir', 'ADD unpack']);
  assert.deepEqual(flagInfo('RUN', 'network')?.values, ['default', 'none', 'host']);
  assert.deepEqual(flagInfo('RUN', 'security')?.values, ['sandbox', 'insecure']);
  assert.equal(flagInfo('COPY', 'Chown'), undefined, 'names are case-sensitive');
  assert.equal(flagInfo('COPY', 'parents')?.since, '1.20');
  assert.equal(flagInfo('COPY', 'exclude')?.since, '1.19');
  assert.equal(flagInfo('HEALTHCHECK', 'start-interval')?.since, '1.6');
  assert.equal(flagsChecked('STOPSIGNAL', 'SIGTERM'), false);
  assert.equal(flagsChecked('HEALTHCHECK', 'none'), false);
  assert.equal(flagsChecked('HEALTHCHECK', 'CMD true'), true);
});

test('flags: every --mount option the builder accepts, and the options documented per type', () => {
  assert.deepEqual([...MOUNT_OPTION_NAMES].sort(), [
    'destination', 'dst', 'env', 'from', 'gid', 'id', 'mode', 'readonly', 'readwrite', 'required', 'ro', 'rw', 'sharing', 'size', 'source', 'src', 'target', 'type', 'uid',
  ]);
  assert.deepEqual(mountOptionsOf('bind'), ['type', 'target', 'source', 'from', 'readonly', 'readwrite']);
  assert.deepEqual(mountOptionsOf('cache'), ['type', 'target', 'source', 'from', 'readonly', 'id', 'sharing', 'mode', 'uid', 'gid']);
  assert.deepEqual(mountOptionsOf('tmpfs'), ['type', 'target', 'size']);
  assert.deepEqual(mountOptionsOf('secret'), ['type', 'target', 'source', 'id', 'mode', 'uid', 'gid', 'required', 'env']);
  assert.deepEqual(mountOptionsOf('ssh'), ['type', 'target', 'id', 'mode', 'uid', 'gid', 'required']);
});

test('parseGoDuration: Go duration syntax', () => {
  assert.deepEqual(parseGoDuration('30s'), { ok: true, ns: 30e9 });
  assert.deepEqual(parseGoDuration('1m30s'), { ok: true, ns: 90e9 });
  assert.deepEqual(parseGoDuration('1.5h'), { ok: true, ns: 5400e9 });
  assert.deepEqual(parseGoDuration('.5s'), { ok: true, ns: 0.5e9 });
  assert.deepEqual(parseGoDuration('500ms'), { ok: true, ns: 500e6 });
  assert.deepEqual(parseGoDuration('10µs'), { ok: true, ns: 10e3 });
  assert.deepEqual(parseGoDuration('0'), { ok: true, ns: 0 });
  assert.deepEqual(parseGoDuration('-2s'), { ok: true, ns: -2e9 });
  assert.deepEqual(parseGoDuration('30'), { ok: false, problem: 'missing-unit' });
  assert.deepEqual(parseGoDuration('1m30'), { ok: false, problem: 'missing-unit' });
  assert.deepEqual(parseGoDuration('5d'), { ok: false, problem: 'unknown-unit', unit: 'd' });
  assert.deepEqual(parseGoDuration('5S'), { ok: false, problem: 'unknown-unit', unit: 'S' });
  assert.deepEqual(parseGoDuration('s'), { ok: false, problem: 'invalid' });
  assert.deepEqual(parseGoDuration(''), { ok: false, problem: 'invalid' });
  assert.deepEqual(parseGoDuration('.s'), { ok: false, problem: 'invalid' });
});

test('value readers: booleans, chmod modes, sizes', () => {
  assert.equal(parseFlagBool('TRUE'), true);
  assert.equal(parseFlagBool('False'), false);
  assert.equal(parseFlagBool('1'), undefined);
  assert.equal(parseGoBool('1'), true);
  assert.equal(parseGoBool('F'), false);
  assert.equal(parseGoBool('yes'), undefined);
  for (const m of ['755', '0644', '7777', '+x', 'u+x', 'go-w', 'a=rX', 'u=rwx,go=rx', 'u+s', 'o=u']) assert.equal(chmodProblem(m), undefined, m);
  assert.equal(chmodProblem('0789'), 'is not an octal number (only the digits 0 to 7)');
  assert.equal(chmodProblem('17777'), 'is larger than 7777');
  for (const m of ['rwxr-xr-x', 'u+q', 'x', '755x']) assert.match(chmodProblem(m) ?? '', /neither an octal mode/, m);
  for (const s of ['64m', '1g', '1.5GiB', '512mib', '1024', '10 MB']) assert.equal(isRamSize(s), true, s);
  for (const s of ['lots', '1x', '-1m', '']) assert.equal(isRamSize(s), false, s);
});

test('splitBuilderFlags: leading --words, quotes removed, `--` ends the flags', () => {
  const line = ' --mount="type=cache,target=/a b" --link --from=x\\"y src dst';
  const { flags, rest } = splitBuilderFlags(line);
  assert.deepEqual(flags.map((f) => [f.name, f.value]), [['mount', 'type=cache,target=/a b'], ['link', null], ['from', 'x"y']]);
  assert.equal(line.slice(rest), 'src dst');
  assert.equal(line.slice(flags[0].start, flags[0].end), '--mount="type=cache,target=/a b"');
  assert.equal(line.slice(flags[0].start, flags[0].nameEnd), '--mount');
  assert.equal(flags[0].valueMap.length, flags[0].value!.length + 1);
  assert.equal(line[flags[0].valueMap[0]], 't');
  const dashes = splitBuilderFlags('--chown=1 -- --not-a-flag /d');
  assert.deepEqual(dashes.flags.map((f) => f.name), ['chown']);
  assert.equal('--chown=1 -- --not-a-flag /d'.slice(dashes.rest), '--not-a-flag /d');
  assert.deepEqual(splitBuilderFlags('echo --x').flags, []);
  assert.deepEqual(splitBuilderFlags('["--x"]').flags, []);
});

test('splitWords: blanks outside quotes split, quotes and escapes stay in the word', () => {
  const line = 'A="x y" B=\'1 2\' C=a\\ b D';
  assert.deepEqual(splitWords(line, '\\').map((w) => line.slice(w.start, w.end)), ['A="x y"', "B='1 2'", 'C=a\\ b', 'D']);
  assert.deepEqual(splitWords('A="open ended', '\\').map((w) => [w.start, w.end]), [[0, 13]]);
  assert.deepEqual(splitWords('A=`` B', '`').length, 2);
});

test('expansionProblem: the substitutions and quotes the builder reads', () => {
  for (const w of ['$A', '${A}', '${A:-x}', '${A-x}', '${A:+y}', '${A+y}', '${A:?m}', '${A?m}', '${A#p}', '${A##p}', '${A%p}', '${A%%p}', '${A/p/r}', '${A//p/r}', '"${A:-a b}"', "'${A:=x}'", '\\${A:=x}', '$', 'a$', '${#}', '${A:-${B:-c}}', '"it\'s"', "'say \"hi\"'"]) {
    assert.equal(expansionProblem(w, '\\'), undefined, w);
  }
  assert.deepEqual(expansionProblem('x${A:=1}y', '\\'), { kind: 'substitution', start: 1, end: 8, detail: 'the `:=` modifier is not supported', modifier: ':=' });
  assert.deepEqual(expansionProblem('${A', '\\'), { kind: 'substitution', start: 0, end: 3, detail: 'no closing `}`', modifier: undefined });
  assert.deepEqual(expansionProblem('${#A}', '\\'), { kind: 'substitution', start: 0, end: 5, detail: 'the length form `${#name}` is not supported', modifier: '#' });
  assert.deepEqual(expansionProblem('${}', '\\'), { kind: 'substitution', start: 0, end: 3, detail: 'no variable name', modifier: undefined });
  assert.deepEqual(expansionProblem('a"b', '\\'), { kind: 'quote', start: 1, end: 3, detail: 'the double quote is never closed' });
  assert.deepEqual(expansionProblem("'a", '\\'), { kind: 'quote', start: 0, end: 2, detail: 'the single quote is never closed' });
  assert.equal(expansionProblem('a\\"b', '\\'), undefined);
  assert.deepEqual(expansionProblem('a\\"b', '`')?.kind, 'quote');
});

test('closest and editDistance: transpositions count once; short words need a closer match', () => {
  assert.equal(editDistance('chwon', 'chown'), 1);
  assert.equal(editDistance('form', 'from'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(closest('chwon', ['from', 'chown', 'chmod']), 'chown');
  assert.equal(closest('Chown', ['chmod', 'chown']), 'chown');
  assert.equal(closest('RUNN', ['FROM', 'RUN']), 'RUN');
  assert.equal(closest('xyz', ['RUN', 'ENV']), undefined);
  assert.equal(closest('ab', ['abc', 'xy']), 'abc');
});

test('scanExecForm and execFormRepair: attempted JSON arrays, not shell tests', () => {
  assert.equal(scanExecForm('["a", "b"]').jsonLike, true);
  assert.equal(scanExecForm("['a', 'b']").jsonLike, true);
  assert.equal(scanExecForm('["a", "b"').jsonLike, true);
  assert.equal(scanExecForm('["a", "b]').jsonLike, true);
  assert.equal(scanExecForm('[ "$A" = "x" ]').jsonLike, false);
  assert.equal(scanExecForm('[ -f /x ] && y').jsonLike, false);
  assert.equal(scanExecForm('["a"] && b').jsonLike, false);
  assert.deepEqual(scanExecForm('["a", ["b", 1], {"c": "]"}]').items.map((i) => [i.start, i.end]), [[1, 4], [6, 14], [16, 26]]);
  assert.deepEqual(execFormRepair("['a', 'it\\'s \"x\"']")?.safe, true);
  const apply = (t: string) => {
    const r = execFormRepair(t)!;
    let out = t;
    for (const e of [...r.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    return out;
  };
  assert.equal(apply("['a', 'it\\'s \"x\"']"), '["a", "it\'s \\"x\\""]');
  assert.equal(apply('["C:\\app\\run.exe", "x",]'), '["C:\\\\app\\\\run.exe", "x"]');
  assert.equal(execFormRepair('["a", b]'), undefined);
  assert.equal(execFormRepair('["a"]'), undefined);
});
