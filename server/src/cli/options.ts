/**
 * `lint`'s command line, with hadolint's flags. Values may follow as the next argument,
 * after `=` (`--format=json`) or, for one-letter flags, attached (`-fjson`). Flags and
 * files may come in any order; `--` ends the flags.
 */
import { LABEL_TYPES, type LabelType } from '../config/hadolint';
import type { Level } from '../service/lint';
import { parseThreshold, THRESHOLDS, type CliOverrides, type Threshold } from './config';
import { FORMATS, type Format } from './report';

export interface LintArgs {
  format: Format;
  configPath?: string;
  noColor: boolean;
  failureThreshold?: Threshold;
  noFail: boolean;
  verbose: boolean;
  help: boolean;
  /** Apply the safe fixes (`--fix`); with `dryRun`, print them as a diff instead. */
  fix: boolean;
  dryRun: boolean;
  fileInReport?: string;
  overrides: CliOverrides;
  inputs: string[];
}

interface FlagSpec {
  long: string;
  short?: string;
  /** Takes a value; the handler gets it. */
  value?: (args: LintArgs, v: string) => string | undefined;
  /** A switch. */
  on?: (args: LintArgs) => void;
}

const level = (l: Level) => (a: LintArgs, v: string) => {
  a.overrides.levels.push([v, l]);
  return undefined;
};

const FLAGS: FlagSpec[] = [
  {
    long: 'config',
    short: 'c',
    value: (a, v) => {
      a.configPath = v;
      return undefined;
    },
  },
  {
    long: 'format',
    short: 'f',
    value: (a, v) => {
      if (!(FORMATS as readonly string[]).includes(v)) return `--format must be one of ${FORMATS.join(', ')}, not "${v}"`;
      a.format = v as Format;
      return undefined;
    },
  },
  {
    long: 'failure-threshold',
    short: 't',
    value: (a, v) => {
      const t = parseThreshold(v);
      if (!t) return `--failure-threshold must be one of ${THRESHOLDS.join(', ')}, not "${v}"`;
      a.failureThreshold = t;
      return undefined;
    },
  },
  {
    long: 'ignore',
    value: (a, v) => {
      a.overrides.ignore.push(v);
      return undefined;
    },
  },
  { long: 'error', value: level('error') },
  { long: 'warning', value: level('warning') },
  { long: 'info', value: level('info') },
  { long: 'style', value: level('style') },
  {
    long: 'trusted-registry',
    value: (a, v) => {
      a.overrides.trustedRegistries.push(v);
      return undefined;
    },
  },
  {
    long: 'require-label',
    value: (a, v) => {
      const colon = v.indexOf(':');
      const name = colon < 0 ? v : v.slice(0, colon);
      const type = colon < 0 ? '' : v.slice(colon + 1).trim().toLowerCase();
      if (!name.trim() || !(LABEL_TYPES as readonly string[]).includes(type)) {
        return `--require-label takes LABEL:TYPE with TYPE one of ${LABEL_TYPES.join(', ')}, not "${v}"`;
      }
      a.overrides.labels.push([name.trim(), type as LabelType]);
      return undefined;
    },
  },
  {
    long: 'file-path-in-report',
    value: (a, v) => {
      a.fileInReport = v;
      return undefined;
    },
  },
  { long: 'no-fail', on: (a) => (a.noFail = true) },
  { long: 'no-color', on: (a) => (a.noColor = true) },
  { long: 'strict-labels', on: (a) => (a.overrides.strictLabels = true) },
  { long: 'disable-ignore-pragma', on: (a) => (a.overrides.disableIgnorePragma = true) },
  { long: 'verbose', short: 'V', on: (a) => (a.verbose = true) },
  { long: 'fix', on: (a) => (a.fix = true) },
  { long: 'dry-run', on: (a) => (a.dryRun = true) },
  { long: 'help', short: 'h', on: (a) => (a.help = true) },
];

export function parseLintArgs(argv: string[]): LintArgs | { error: string } {
  const a: LintArgs = {
    format: 'tty',
    noColor: false,
    noFail: false,
    verbose: false,
    help: false,
    fix: false,
    dryRun: false,
    overrides: { ignore: [], levels: [], trustedRegistries: [], labels: [], strictLabels: false, disableIgnorePragma: false },
    inputs: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      a.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      a.inputs.push(arg);
      continue;
    }
    let spec: FlagSpec | undefined;
    let inline: string | undefined;
    let shown = arg;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      spec = FLAGS.find((f) => f.long === name);
      shown = `--${name}`;
      if (eq >= 0) inline = arg.slice(eq + 1);
    } else {
      spec = FLAGS.find((f) => f.short === arg[1]);
      shown = arg.slice(0, 2);
      if (arg.length > 2) inline = arg[2] === '=' ? arg.slice(3) : arg.slice(2);
    }
    if (!spec) return { error: `unknown option "${arg}"` };
    if (spec.on) {
      if (inline !== undefined) return { error: `${shown} takes no value` };
      spec.on(a);
      continue;
    }
    let v = inline;
    if (v === undefined) {
      if (i + 1 >= argv.length) return { error: `${shown} needs a value` };
      v = argv[++i];
    }
    if (v === '') return { error: `${shown} needs a value` };
    const problem = spec.value!(a, v);
    if (problem) return { error: problem };
  }
  if (a.dryRun && !a.fix && !a.help) return { error: '--dry-run goes with --fix' };
  return a;
}
