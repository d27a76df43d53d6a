import '../setup';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { Validator, type Schema } from '@cfworker/json-schema';
import { SaxesParser } from 'saxes';
import sarifSchema from '../fixtures/sarif/sarif-schema-2.1.0.json';
import { xmlAttr } from '../../server/src/cli/formats';
import { plain } from '../../server/src/cli/sarif';
import { cli, tree } from './run';

/** DL3015 (info, with a fix) and DL3008 (warning) on line 2. */
const WARN = 'FROM debian:12\nRUN apt-get install -y curl\n';
/** DL4000 (error, with a fix) on line 2. */
const ERROR = 'FROM debian:12\nMAINTAINER x\n';

const sarifValidator = new Validator(sarifSchema as unknown as Schema, '4', false);

function validSarif(log: unknown): string[] {
  const r = sarifValidator.validate(log);
  return r.valid ? [] : r.errors.map((e) => `${e.instanceLocation}: ${e.error}`);
}

// ---- SARIF ----------------------------------------------------------------------------------

test('SARIF 2.1.0: valid against the OASIS schema, with rule metadata, regions and fixes', () => {
  const root = tree({ 'Dockerfile': WARN, 'dir with space/a#b.dockerfile': ERROR });
  const r = cli(['lint', '-f', 'sarif', 'Dockerfile', 'dir with space'], { cwd: root });
  assert.equal(r.code, 1);
  const log = JSON.parse(r.out);
  assert.deepEqual(validSarif(log), []);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
  assert.equal(log.runs.length, 1);
  const [run] = log.runs;
  const { rules, ...driver } = run.tool.driver;
  assert.deepEqual(driver, { name: 'dockerfile-explained', version: '9.9.9', informationUri: 'https://github.com/dockerfile-explained/dockerfile-explained' });
  assert.deepEqual(
    rules.map((x: { id: string }) => x.id),
    ['DL3008', 'DL3015', 'DL4000'],
  );
  const { help, ...dl3015 } = rules[1];
  assert.deepEqual(dl3015, {
    id: 'DL3015',
    name: 'DL3015',
    shortDescription: { text: 'Install apt packages with --no-install-recommends' },
    fullDescription: {
      text: "apt-get install also installs each package's recommended packages unless you pass --no-install-recommends; they are rarely needed in an image and can add hundreds of megabytes.",
      markdown: "`apt-get install` also installs each package's *recommended* packages unless you pass `--no-install-recommends`; they are rarely needed in an image and can add hundreds of megabytes.",
    },
    helpUri: 'https://github.com/dockerfile-explained/dockerfile-explained/blob/main/server/src/rules/DL3015.md',
    defaultConfiguration: { level: 'note' },
    properties: { tags: ['dockerfile', 'hadolint'] },
  });
  assert.ok(help.markdown.startsWith('# DL3015: Install apt packages with `--no-install-recommends`\n'), help.markdown);
  assert.ok(help.text.endsWith(' Documentation: https://github.com/dockerfile-explained/dockerfile-explained/blob/main/server/src/rules/DL3015.md'), help.text);
  assert.deepEqual(rules[2].defaultConfiguration, { level: 'error' });

  const root0 = { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' };
  const { partialFingerprints, ...first } = run.results[0];
  assert.deepEqual(first, {
    ruleId: 'DL3015',
    ruleIndex: 1,
    level: 'note',
    message: { text: '`apt-get install` without `--no-install-recommends` also installs every recommended package.' },
    locations: [{ physicalLocation: { artifactLocation: root0, region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 20 } } }],
    fixes: [
      {
        description: { text: 'Add --no-install-recommends' },
        artifactChanges: [
          {
            artifactLocation: root0,
            replacements: [{ deletedRegion: { startLine: 2, startColumn: 20, endLine: 2, endColumn: 20 }, insertedContent: { text: ' --no-install-recommends' } }],
          },
        ],
      },
    ],
  });
  assert.match(partialFingerprints['dockerfileExplained/v1'], /^[0-9a-f]{64}$/);
  const summary = run.results.map(
    (x: { ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }) =>
      `${x.locations[0].physicalLocation.artifactLocation.uri}:${x.locations[0].physicalLocation.region.startLine} ${x.ruleId}#${x.ruleIndex} ${x.level}`,
  );
  assert.deepEqual(summary, ['Dockerfile:2 DL3015#1 note', 'Dockerfile:2 DL3008#0 warning', 'dir%20with%20space/a%23b.dockerfile:2 DL4000#2 error']);
  assert.equal(run.results[1].fixes, undefined);
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(root).href + '/' } });
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
});

test('the schema check catches invalid SARIF (so the test above can fail)', () => {
  const root = tree({ 'Dockerfile': WARN });
  const log = JSON.parse(cli(['lint', '-f', 'sarif', 'Dockerfile'], { cwd: root }).out);
  log.runs[0].results[0].level = 'info';
  assert.notDeepEqual(validSarif(log), []);
  delete log.runs[0].results[0].level;
  assert.deepEqual(validSarif(log), []);
  delete log.runs[0].results[0].message;
  assert.notDeepEqual(validSarif(log), []);
  const log2 = JSON.parse(cli(['lint', '-f', 'sarif', 'Dockerfile'], { cwd: root }).out);
  log2.runs[0].tool.driver.rules[0].helpUri = 'not a uri';
  assert.notDeepEqual(validSarif(log2), []);
});

test('SARIF edge cases stay valid: no findings, stdin, a file outside the working folder, an unreadable file', () => {
  const root = tree({ 'clean/Dockerfile': 'FROM scratch\n', 'work/.keep': '', 'outside/Dockerfile': ERROR });
  const clean = cli(['lint', '-f', 'sarif', 'clean/Dockerfile'], { cwd: root });
  const cleanLog = JSON.parse(clean.out);
  assert.deepEqual(validSarif(cleanLog), []);
  assert.deepEqual(cleanLog.runs[0].results, []);
  assert.deepEqual(cleanLog.runs[0].tool.driver.rules, []);
  assert.equal(clean.code, 0);

  const stdin = JSON.parse(cli(['lint', '-f', 'sarif', '--file-path-in-report', 'svc/Dockerfile', '-'], { cwd: root, stdin: ERROR }).out);
  assert.deepEqual(validSarif(stdin), []);
  assert.deepEqual(stdin.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'svc/Dockerfile', uriBaseId: '%SRCROOT%' });
  const bare = JSON.parse(cli(['lint', '-f', 'sarif', '-'], { cwd: root, stdin: ERROR }).out);
  assert.deepEqual(validSarif(bare), []);
  assert.deepEqual(bare.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: '-' });

  const outside = JSON.parse(cli(['lint', '-f', 'sarif', '../outside/Dockerfile'], { cwd: `${root}/work` }).out);
  assert.deepEqual(validSarif(outside), []);
  assert.deepEqual(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(`${root}/outside/Dockerfile`).href });

  const missing = cli(['lint', '-f', 'sarif', 'nope/Dockerfile', 'clean/Dockerfile'], { cwd: root });
  assert.equal(missing.code, 2);
  const missingLog = JSON.parse(missing.out);
  assert.deepEqual(validSarif(missingLog), []);
  assert.deepEqual(missingLog.runs[0].invocations, [
    { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'nope/Dockerfile: no such file' } }] },
  ]);
});

test('plain text from a rule doc\'s Markdown keeps code as written', () => {
  assert.equal(plain('Delete `/var/lib/apt/lists/*` in the *same* RUN; see **[DL3009](x.md)**.'), 'Delete /var/lib/apt/lists/* in the same RUN; see DL3009.');
  assert.equal(plain('`a*b` and `c*d`\nnext line'), 'a*b and c*d next line');
});

// ---- checkstyle ------------------------------------------------------------------------------

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
}

/** Parses with a strict XML parser (saxes): any well-formedness error throws. */
function parseXml(xml: string): XmlElement[] {
  const out: XmlElement[] = [];
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => out.push({ name: tag.name, attributes: tag.attributes as Record<string, string> }));
  parser.write(xml).close();
  return out;
}

test('checkstyle: well-formed XML, a <file> per linted file, odd file names escaped', () => {
  const odd = process.platform === 'win32' ? 'we&ird\'.Dockerfile' : `we&"ird'<x>.Dockerfile`;
  const root = tree({ 'Dockerfile': WARN, [odd]: ERROR, 'clean/Dockerfile': 'FROM scratch\n' });
  const r = cli(['lint', '-f', 'checkstyle', 'Dockerfile', odd, 'clean'], { cwd: root });
  assert.equal(r.code, 1);
  assert.ok(r.out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n'), r.out);
  const elements = parseXml(r.out).map((e) => `${e.name} ${JSON.stringify(e.attributes)}`);
  assert.deepEqual(elements, [
    'checkstyle {"version":"4.3"}',
    'file {"name":"Dockerfile"}',
    `error {"line":"2","column":"5","severity":"info","message":"\`apt-get install\` without \`--no-install-recommends\` also installs every recommended package.","source":"DL3015"}`,
    'error {"line":"2","column":"24","severity":"warning","message":"`curl` has no version: write `curl=<version>` so every build installs the same one.","source":"DL3008"}',
    `file ${JSON.stringify({ name: odd })}`,
    'error {"line":"2","column":"1","severity":"error","message":"MAINTAINER is deprecated; record the author with the `org.opencontainers.image.authors` label.","source":"DL4000"}',
    'file {"name":"clean/Dockerfile"}',
  ]);
  // Style findings use checkstyle's info.
  const style = cli(['lint', '-f', 'checkstyle', '--style', 'DL3008', 'Dockerfile'], { cwd: root });
  assert.match(style.out, /severity="info" message="`curl` has no version/);
});

test('XML attribute escaping: markup, white space kept, characters XML 1.0 cannot hold replaced', () => {
  const raw = 'a&b<c>"d\'e\tf\ng\rh\u0001i\uD800j\uDE00k😀l\uFFFE';
  assert.equal(xmlAttr(raw), 'a&amp;b&lt;c&gt;&quot;d&apos;e&#9;f&#10;g&#13;h\uFFFDi\uFFFDj\uFFFDk😀l\uFFFD');
  const [el] = parseXml(`<e v="${xmlAttr(raw)}"/>`);
  assert.equal(el.attributes.v, 'a&b<c>"d\'e\tf\ng\rh\uFFFDi\uFFFDj\uFFFDk😀l\uFFFD');
});

// ---- Code Climate and GitLab ---------------------------------------------------------------

test('codeclimate: one issue per finding, each followed by NUL; findings never fail the run', () => {
  const root = tree({ 'svc/Dockerfile': WARN, 'error.Dockerfile': ERROR });
  const r = cli(['lint', '-f', 'codeclimate', 'svc/Dockerfile', 'error.Dockerfile'], { cwd: root });
  assert.equal(r.code, 0);
  const chunks = r.out.split('\u0000');
  assert.equal(chunks.pop(), '');
  const issues = chunks.map((c) => JSON.parse(c));
  assert.equal(issues.length, 3);
  const { fingerprint, content, ...first } = issues[0];
  assert.deepEqual(first, {
    type: 'issue',
    check_name: 'DL3015',
    description: '`apt-get install` without `--no-install-recommends` also installs every recommended package.',
    categories: ['Bug Risk'],
    location: { path: 'svc/Dockerfile', lines: { begin: 2, end: 2 } },
    severity: 'minor',
  });
  assert.match(fingerprint, /^[0-9a-f]{64}$/);
  assert.ok(content.body.startsWith('# DL3015: '));
  assert.deepEqual(
    issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name} ${i.severity}`),
    ['svc/Dockerfile:2 DL3015 minor', 'svc/Dockerfile:2 DL3008 major', 'error.Dockerfile:2 DL4000 blocker'],
  );
  const style = cli(['lint', '-f', 'codeclimate', '--style', 'DL3015', 'svc/Dockerfile'], { cwd: root });
  const styled = JSON.parse(style.out.split('\u0000')[0]);
  assert.deepEqual([styled.severity, styled.categories], ['info', ['Style']]);
  // A usage problem is still exit 2.
  assert.equal(cli(['lint', '-f', 'codeclimate', 'nope'], { cwd: root }).code, 2);
});

test('gitlab_codeclimate: a JSON array of Code Quality issues with the usual exit status', () => {
  const root = tree({ 'Dockerfile': WARN, 'error.Dockerfile': ERROR });
  const r = cli(['lint', '-f', 'gitlab_codeclimate', 'Dockerfile', 'error.Dockerfile'], { cwd: root });
  assert.equal(r.code, 1);
  const issues = JSON.parse(r.out);
  assert.deepEqual(
    issues.map(({ fingerprint, ...rest }: { fingerprint: string }) => {
      assert.match(fingerprint, /^[0-9a-f]{64}$/);
      return rest;
    }),
    [
      {
        description: '`apt-get install` without `--no-install-recommends` also installs every recommended package.',
        check_name: 'DL3015',
        severity: 'minor',
        location: { path: 'Dockerfile', lines: { begin: 2, end: 2 } },
      },
      {
        description: '`curl` has no version: write `curl=<version>` so every build installs the same one.',
        check_name: 'DL3008',
        severity: 'major',
        location: { path: 'Dockerfile', lines: { begin: 2, end: 2 } },
      },
      {
        description: 'MAINTAINER is deprecated; record the author with the `org.opencontainers.image.authors` label.',
        check_name: 'DL4000',
        severity: 'blocker',
        location: { path: 'error.Dockerfile', lines: { begin: 2, end: 2 } },
      },
    ],
  );
  const clean = cli(['lint', '-f', 'gitlab_codeclimate', '-t', 'none', 'Dockerfile'], { cwd: root });
  assert.equal(clean.code, 0);
});

test('GitLab fingerprints: unique, the same on every run and in every checkout, new when the line changes', () => {
  const prints = (cwd: string, file = 'Dockerfile') =>
    (JSON.parse(cli(['lint', '-f', 'gitlab_codeclimate', file], { cwd }).out) as Array<{ check_name: string; fingerprint: string }>).map(
      (i) => `${i.check_name} ${i.fingerprint}`,
    );
  const a = tree({ 'Dockerfile': WARN, 'other.Dockerfile': WARN });
  const b = tree({ 'Dockerfile': WARN });
  const c = tree({ 'Dockerfile': '# a comment\n' + WARN });
  const first = prints(a);
  assert.equal(new Set(first.map((p) => p.split(' ')[1])).size, 2);
  assert.deepEqual(prints(a), first);
  assert.deepEqual(prints(b), first);
  // The same findings one line lower, or in another file, are other issues.
  for (const other of [prints(c), prints(a, 'other.Dockerfile')]) {
    assert.deepEqual(
      other.map((p) => p.split(' ')[0]),
      ['DL3015', 'DL3008'],
    );
    assert.deepEqual(
      other.filter((p) => first.includes(p)),
      [],
    );
  }
  // SARIF's partial fingerprints are the same values.
  const sarif = JSON.parse(cli(['lint', '-f', 'sarif', 'Dockerfile'], { cwd: a }).out);
  assert.deepEqual(
    sarif.runs[0].results.map((x: { ruleId: string; partialFingerprints: Record<string, string> }) => `${x.ruleId} ${x.partialFingerprints['dockerfileExplained/v1']}`),
    first,
  );
});
