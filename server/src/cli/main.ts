/**
 * The `dockerfile-explained` command line: `lint` for CI (a drop-in for hadolint), `explain`
 * for the line-by-line explanation document (cli/explain.ts), and `tour` to see what the
 * editor explains. `run` is pure apart from the injected I/O, so tests drive it directly.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument, allInstructions, type DocModel } from '../model/document';
import { lint } from '../service/lint';
import { fixAllText } from '../service/fix';
import { readConfig, HadolintConfigStore, userConfigPaths } from '../service/workspace';
import { defaultSettings } from '../settings';
import type { HadolintConfig } from '../config/hadolint';
import { findRule } from '../rules';
import { instructionDoc, flagDoc } from '../docs';
import { expandInputs, readDockerignore, type CliFs, type InputFile } from './files';
import { applyOverrides, failsAt, readExitKeys, type ExitKeys } from './config';
import { parseLintArgs, type LintArgs } from './options';
import { formatCheckstyle, formatCodeclimate, formatGitlab, formatJson, formatTty } from './formats';
import { formatSarif } from './sarif';
import { unifiedDiff } from './diff';
import { explainCommand, EXPLAIN_USAGE } from './explain';
import type { FileResult, Format, RunReport } from './report';

export { nodeFs, type CliFs } from './files';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  cwd: string;
  /** Colour for tty output (the binary turns it off for pipes and NO_COLOR). */
  color: boolean;
  version: string;
  /** Files, directories and config files are read through this. */
  fs: CliFs;
  /**
   * The user-level config files to fall back on when no .hadolint.yaml is above a Dockerfile
   * (default: hadolint's locations under $XDG_CONFIG_HOME and the home folder).
   */
  userConfigPaths?: string[];
}

const MAX_BYTES = 10 * 1024 * 1024;

const USAGE = `Usage:
  dockerfile-explained lint [options] <Dockerfile|directory|glob|->...
  dockerfile-explained explain <Dockerfile|-> [-o out.md] [--image NAME]
  dockerfile-explained tour <Dockerfile|->
  dockerfile-explained --help | --version

lint   Report problems (hadolint DL codes, BuildKit check names, DX codes). A directory
       is searched recursively for Dockerfile, Dockerfile.*, *.dockerfile, Containerfile,
       Containerfile.* and *.containerfile (node_modules and .git are skipped); a glob
       such as "**/Dockerfile*" is expanded by dockerfile-explained itself; - reads
       standard input.
explain
       Write "Dockerfile Explained" for the file, in Markdown: an overview of its
       stages, the stage flow (Mermaid and a text diagram), every instruction with
       what it does and the findings about it, how to build and run each final
       image, and the practices it follows and misses.
tour   Print each instruction with the explanation the editor shows on hover.

lint options (hadolint's flags):
  -c, --config FILE              the .hadolint.yaml to use; without it, the nearest
                                 .hadolint.yaml/.hadolint.yml above each Dockerfile,
                                 then the user-level files hadolint reads
  -f, --format FORMAT            tty (default), json, sarif, checkstyle, codeclimate,
                                 gitlab_codeclimate
  -t, --failure-threshold LEVEL  error (default), warning, info, style, or none
                                 (alias ignore: never fail on findings)
      --no-fail                  exit 0 whatever is found
      --ignore RULE              do not report RULE; repeatable; replaces the config
                                 file's ignored list
      --error RULE, --warning RULE, --info RULE, --style RULE
                                 report RULE at that level; repeatable
      --trusted-registry REG     registries FROM images may come from (DL3026); repeatable
      --require-label LABEL:TYPE a label-schema entry; TYPE is text, url, semver, hash,
                                 rfc3339, spdx or email; repeatable
      --strict-labels            report labels that are not in the label schema
      --disable-ignore-pragma    ignore "# hadolint ignore=..." comments
      --file-path-in-report PATH the name reports give standard input (or the one file)
      --no-color                 no colours in tty output (NO_COLOR does the same)
  -V, --verbose                  print which config file each Dockerfile uses (stderr)

fixing (the editor's "fix all"):
      --fix                      apply every safe fix (one that keeps the build's meaning)
                                 and write the file back, line breaks kept; repeats until
                                 no safe fix is left (5 passes at most), then reports what
                                 remains. With - the fixed text goes to standard output
                                 and the report to standard error
      --dry-run                  with --fix: print the fixes as a unified diff on standard
                                 output instead of writing; the report of what would
                                 remain goes to standard error

${EXPLAIN_USAGE}

Exit status of lint: 0 when no finding is at or above the failure threshold, 1 when
one is, 2 for a usage error, an unreadable file, an argument that matches no file, or
a malformed --config. The default threshold is error, so warnings, infos and style
findings are reported without failing the build; hadolint's default is info (use
-t info for hadolint's behaviour). A config file's failure-threshold and no-fail keys
apply; command-line flags win over the file. With -f codeclimate, findings never fail
the run (the Code Climate engine protocol wants exit 0, and hadolint does the same).`;

export function run(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.stdout : io.stderr)(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(io.version + '\n');
    return 0;
  }
  if (command === 'lint') return lintCommand(rest, io);
  if (command === 'explain') return explainCommand(rest, io, USAGE);
  if (command === 'tour') return tourCommand(rest, io);
  io.stderr(`dockerfile-explained: unknown command "${command}"\n\n${USAGE}\n`);
  return 2;
}

interface Input {
  name: string;
  text: string;
  uri: string;
}

/**
 * Reads one input from `source` (standard input when undefined); its URI comes from
 * `file.path`, which `--file-path-in-report` may have set. A string is the reason it
 * could not be read.
 */
function readInput(file: InputFile, source: string | undefined, io: Io): Input | string {
  if (source === undefined) {
    try {
      return { name: file.name, text: io.readStdin(), uri: file.path ? pathToFileURL(file.path).href : 'untitled:stdin' };
    } catch (e) {
      return `cannot read standard input: ${(e as Error).message}`;
    }
  }
  try {
    const st = io.fs.stat(source);
    if (st.kind === 'directory') return `${file.name}: is a directory`;
    if (st.size > MAX_BYTES) return `${file.name}: larger than 10 MB, not linted`;
    return { name: file.name, text: io.fs.readFile(source), uri: pathToFileURL(file.path ?? source).href };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${file.name}: no such file` : `${file.name}: cannot be read (${(e as Error).message})`;
  }
}

const FORMATTERS: Record<Format, (r: RunReport) => string> = {
  tty: formatTty,
  json: formatJson,
  sarif: formatSarif,
  checkstyle: formatCheckstyle,
  codeclimate: formatCodeclimate,
  gitlab_codeclimate: formatGitlab,
};

/** A file to lint: `source` is where its text comes from (undefined: standard input). */
interface Target extends InputFile {
  source?: string;
}

function lintCommand(argv: string[], io: Io): number {
  const say = (s: string) => io.stderr(`dockerfile-explained lint: ${s}\n`);
  const parsed = parseLintArgs(argv);
  if ('error' in parsed) {
    io.stderr(`dockerfile-explained lint: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  const args: LintArgs = parsed;
  if (args.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (!args.inputs.length) {
    io.stderr(`dockerfile-explained lint: no Dockerfile given\n\n${USAGE}\n`);
    return 2;
  }
  warnUnknownRules(args, say);

  let fixed: ConfigInEffect | undefined;
  if (args.configPath !== undefined) {
    const path = resolve(io.cwd, args.configPath);
    const config = readConfig(path);
    const keys = config.errors.length ? { errors: [] } : readExitKeys(path, io.fs);
    const errors = [...config.errors, ...keys.errors];
    if (errors.length) {
      for (const e of errors) say(e);
      say(`the --config file ${args.configPath} is not usable; nothing was linted`);
      return 2;
    }
    fixed = { config, keys, path };
  }

  const expansion = expandInputs(args.inputs, io.cwd, io.fs);
  const errors = [...expansion.errors];
  let targets: Target[] = expansion.files.map((f) => ({ ...f, source: f.path }));
  if (args.fileInReport !== undefined) {
    if (targets.length > 1) {
      say(`--file-path-in-report names one file, but ${targets.length} were given`);
      return 2;
    }
    targets = targets.map((t) => ({ ...t, name: args.fileInReport!, path: resolve(io.cwd, args.fileInReport!) }));
  }
  for (const e of errors) say(e);

  const configFor = fixed ? () => fixed : nearestConfig(io, say);
  const report: RunReport = { files: [], cwd: io.cwd, version: io.version, color: io.color && !args.noColor, errors };
  let failed = false;
  for (const target of targets) {
    const input = readInput(target, target.source, io);
    if (typeof input === 'string') {
      say(input);
      errors.push(input);
      continue;
    }
    const { config, keys, path: configPath } = configFor(input.uri);
    if (args.verbose) say(`${input.name}: ${configPath ? `configuration from ${configPath}` : 'no configuration file, defaults apply'}`);
    const hadolint = applyOverrides(config, args.overrides);
    const dockerignore = target.path ? readDockerignore(target.path, io.fs, (p, why) => say(`${p}: ${why}; CopyIgnoredFile runs as if there were no ignore file`)) : undefined;
    // --fix lints the file after each pass: a rule that fails says so once.
    const ruleErrors = new Set<string>();
    const lintModel = (model: DocModel) =>
      lint(model, {
        settings: defaultSettings,
        hadolint,
        dockerignore,
        onRuleError: (rule, e) => {
          const msg = `internal error: rule ${rule.id} failed on ${input.name}: ${(e as Error)?.stack ?? e}`;
          if (!ruleErrors.has(msg)) say(msg);
          ruleErrors.add(msg);
        },
      });
    let text = input.text;
    if (args.fix) {
      const fixed = fixAllText(input.text, lintModel, input.uri);
      text = fixed.text;
      if (args.dryRun) io.stdout(unifiedDiff(input.text, text, input.name, input.name));
      else if (target.source === undefined) io.stdout(text);
      else if (text !== input.text) {
        try {
          io.fs.writeFile(target.source, text);
        } catch (e) {
          const msg = `${input.name}: cannot be written (${(e as Error).message})`;
          say(msg);
          errors.push(msg);
          continue;
        }
      }
      if (fixed.applied) say(`${input.name}: ${args.dryRun ? 'would apply' : 'applied'} ${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'}`);
    }
    const model = parseDocument(text, input.uri, 1);
    const problems = lintModel(model);
    const threshold = args.failureThreshold ?? keys.failureThreshold ?? 'error';
    const noFail = args.noFail || keys.noFail === true;
    if (!noFail && problems.some((p) => failsAt(p.level, threshold))) failed = true;
    const result: FileResult = { name: input.name, path: target.path, model, problems };
    report.files.push(result);
  }
  // With --fix, standard output carries the diff (--dry-run) or standard input's fixed text:
  // the report of what remains goes to standard error then.
  const reportOut = args.fix && (args.dryRun || targets.some((t) => t.source === undefined)) ? io.stderr : io.stdout;
  reportOut(FORMATTERS[args.format](report));
  if (errors.length) return 2;
  if (args.format === 'codeclimate') return 0;
  return failed ? 1 : 0;
}

interface ConfigInEffect {
  config: HadolintConfig;
  keys: ExitKeys;
  path?: string;
}

/**
 * Without --config: the nearest .hadolint.yaml above each Dockerfile (then the user-level
 * ones). A file with problems is still used for what it gets right; its problems are
 * reported once, as warnings.
 */
function nearestConfig(io: Io, say: (s: string) => void): (uri: string) => ConfigInEffect {
  const store = new HadolintConfigStore(
    () => [io.cwd],
    () => io.userConfigPaths ?? userConfigPaths(),
  );
  const keysByPath = new Map<string, ExitKeys>();
  return (uri) => {
    const found = store.forDocument(uri);
    if (!found.path) return { config: found.config, keys: { errors: [] } };
    let keys = keysByPath.get(found.path);
    if (!keys) {
      keys = found.config.errors.length ? { errors: [] } : readExitKeys(found.path, io.fs);
      keysByPath.set(found.path, keys);
      for (const e of [...found.config.errors, ...keys.errors]) say(`warning: ${e}`);
    }
    return { config: found.config, keys, path: found.path };
  };
}

/** Rule names on the command line that no rule answers to (ShellCheck codes are accepted silently). */
function warnUnknownRules(args: LintArgs, say: (s: string) => void): void {
  const named: Array<[string, string]> = [
    ...args.overrides.ignore.map((r): [string, string] => ['--ignore', r]),
    ...args.overrides.levels.map(([r, l]): [string, string] => [`--${l}`, r]),
  ];
  for (const [flag, name] of named) {
    if (!findRule(name) && !/^SC\d{4}$/.test(name)) say(`warning: ${flag} ${name}: no rule has this code or name`);
  }
}

function tourCommand(args: string[], io: Io): number {
  if (args.length !== 1) {
    io.stderr(`dockerfile-explained tour: give exactly one Dockerfile\n\n${USAGE}\n`);
    return 2;
  }
  const file: InputFile = args[0] === '-' ? { name: '-' } : { name: args[0], path: resolve(io.cwd, args[0]) };
  const input = readInput(file, file.path, io);
  if (typeof input === 'string') {
    io.stderr(`dockerfile-explained tour: ${input}\n`);
    return 2;
  }
  const model = parseDocument(input.text, input.uri, 1);
  const bold = (s: string) => (io.color ? `\x1b[1m${s}\x1b[0m` : s);
  for (const ins of allInstructions(model)) {
    const line = ins.range.start.line + 1;
    const text = model.lines.lineText(ins.range.start.line).trim();
    io.stdout(`${bold(`${line}`.padStart(4))}  ${text.length > 100 ? text.slice(0, 97) + '…' : text}\n`);
    const doc = instructionDoc(ins.keyword);
    if (doc && !ins.onbuild) io.stdout(`      ${bold(ins.keyword)}: ${plain(doc.summary)}\n`);
    if (ins.onbuild && doc) io.stdout(`      ${bold(`ONBUILD ${ins.keyword}`)}: runs later, in images built FROM this one. ${plain(doc.summary)}\n`);
    for (const f of ins.flags) {
      const fd = flagDoc(ins.keyword, f.name);
      if (fd) io.stdout(`      ${bold('--' + f.name)}: ${plain(fd.summary)}\n`);
    }
  }
  return 0;
}

/** Markdown → terminal text: drop emphasis and code backticks. */
function plain(md: string): string {
  return md.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1').replace(/\s*\n\s*/g, ' ');
}
