/**
 * The `dockerfile-explained` command line: `lint` for CI and `tour` to see what the
 * editor explains. `run` is pure apart from the injected I/O, so tests drive it directly.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument, allInstructions } from '../model/document';
import { lint, type Problem } from '../service/lint';
import { readConfig, HadolintConfigStore } from '../service/workspace';
import { defaultSettings } from '../settings';
import type { HadolintConfig } from '../config/hadolint';
import { instructionDoc, flagDoc } from '../docs';
import { pathToFileURL } from 'node:url';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  cwd: string;
  color: boolean;
  version: string;
}

const MAX_BYTES = 10 * 1024 * 1024;

const USAGE = `Usage:
  dockerfile-explained lint [--format tty|json] [--config FILE] [--no-color] <Dockerfile…|->
  dockerfile-explained tour <Dockerfile|->
  dockerfile-explained --help | --version

lint   Report problems (hadolint DL codes, BuildKit check names, DX codes).
       Exit status: 0 no error-level finding, 1 some error-level finding,
       2 usage error or unreadable file. --config reads a .hadolint.yaml; without
       it, the nearest .hadolint.yaml/.hadolint.yml above each file is used.
tour   Print each instruction with the explanation the editor shows on hover.`;

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
  if (command === 'tour') return tourCommand(rest, io);
  io.stderr(`dockerfile-explained: unknown command "${command}"\n\n${USAGE}\n`);
  return 2;
}

interface Input {
  name: string;
  text: string;
  uri: string;
}

function readInput(name: string, io: Io): Input | string {
  if (name === '-') {
    try {
      return { name: '-', text: io.readStdin(), uri: 'untitled:stdin' };
    } catch (e) {
      return `cannot read standard input: ${(e as Error).message}`;
    }
  }
  const path = resolve(io.cwd, name);
  try {
    const st = statSync(path);
    if (st.isDirectory()) return `${name}: is a directory`;
    if (st.size > MAX_BYTES) return `${name}: larger than 10 MB, not linted`;
    return { name, text: readFileSync(path, 'utf8'), uri: pathToFileURL(path).href };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${name}: no such file` : `${name}: cannot be read (${(e as Error).message})`;
  }
}

function lintCommand(args: string[], io: Io): number {
  let format = 'tty';
  let configPath: string | undefined;
  let color = io.color;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (flag: string): string | undefined => {
      if (a.startsWith(flag + '=')) return a.slice(flag.length + 1);
      if (a === flag) return args[++i];
      return undefined;
    };
    if (a === '--format' || a.startsWith('--format=') || a === '-f') {
      format = (a === '-f' ? args[++i] : value('--format')) ?? '';
    } else if (a === '--config' || a.startsWith('--config=') || a === '-c') {
      configPath = (a === '-c' ? args[++i] : value('--config')) ?? '';
    } else if (a === '--no-color') {
      color = false;
    } else if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      io.stderr(`dockerfile-explained lint: unknown option "${a}"\n\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (format !== 'tty' && format !== 'json') {
    io.stderr(`dockerfile-explained lint: --format must be tty or json, not "${format}"\n`);
    return 2;
  }
  if (configPath === '') {
    io.stderr('dockerfile-explained lint: --config needs a file\n');
    return 2;
  }
  if (!files.length) {
    io.stderr(`dockerfile-explained lint: no Dockerfile given\n\n${USAGE}\n`);
    return 2;
  }
  let fixedConfig: HadolintConfig | undefined;
  if (configPath !== undefined) {
    fixedConfig = readConfig(resolve(io.cwd, configPath));
    if (fixedConfig.errors.length) {
      io.stderr(fixedConfig.errors.map((e) => `dockerfile-explained lint: ${e}`).join('\n') + '\n');
      return 2;
    }
  }
  const store = new HadolintConfigStore(() => [io.cwd]);
  const warnedConfigs = new Set<string>();
  let status = 0;
  const json: unknown[] = [];
  for (const name of files) {
    const input = readInput(name, io);
    if (typeof input === 'string') {
      io.stderr(`dockerfile-explained lint: ${input}\n`);
      status = 2;
      continue;
    }
    let hadolint = fixedConfig;
    if (!hadolint) {
      const found = store.forDocument(input.uri);
      hadolint = found.config;
      if (found.path && found.config.errors.length && !warnedConfigs.has(found.path)) {
        warnedConfigs.add(found.path);
        io.stderr(found.config.errors.map((e) => `dockerfile-explained lint: warning: ${e}`).join('\n') + '\n');
      }
    }
    const model = parseDocument(input.text, input.uri, 1);
    const problems = lint(model, { settings: defaultSettings, hadolint });
    if (problems.some((p) => p.level === 'error') && status === 0) status = 1;
    if (format === 'json') {
      for (const p of problems) json.push(jsonItem(input.name, p));
    } else {
      for (const p of problems) io.stdout(ttyItem(input.name, model.lines.lineText(p.range.start.line), p, color));
    }
  }
  if (format === 'json') io.stdout(JSON.stringify(json, null, 2) + '\n');
  return status;
}

function jsonItem(file: string, p: Problem) {
  return {
    file,
    line: p.range.start.line + 1,
    column: p.range.start.character + 1,
    endLine: p.range.end.line + 1,
    endColumn: p.range.end.character + 1,
    code: p.rule.id,
    level: p.level,
    message: p.message,
    fixable: !!p.fix,
  };
}

const COLORS: Record<string, string> = { error: '31', warning: '33', info: '36', style: '90' };

function ttyItem(file: string, lineText: string, p: Problem, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const { start, end } = p.range;
  const head = `${file}:${start.line + 1}:${start.character + 1} ${paint('1', p.rule.id)} ${paint(COLORS[p.level], p.level)}: ${p.message}`;
  const caretEnd = end.line === start.line ? end.character : lineText.length;
  const width = Math.max(1, caretEnd - start.character);
  const gutter = String(start.line + 1);
  const shown = lineText.replace(/\t/g, ' ');
  return `${head}\n  ${gutter} | ${shown}\n  ${' '.repeat(gutter.length)} | ${' '.repeat(start.character)}${paint(COLORS[p.level], '^'.repeat(width))}${p.fix ? `  (fix: ${p.fix.title})` : ''}\n`;
}

function tourCommand(args: string[], io: Io): number {
  if (args.length !== 1) {
    io.stderr(`dockerfile-explained tour: give exactly one Dockerfile\n\n${USAGE}\n`);
    return 2;
  }
  const input = readInput(args[0], io);
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
