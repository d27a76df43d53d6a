/**
 * `dockerfile-explained explain <Dockerfile|-> [-o out.md] [--image NAME]`: the explain
 * document of one Dockerfile, on standard output or into a file. The findings in it honour the
 * nearest `.hadolint.yaml` and the build context's ignore file, as `lint` does.
 */
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from '../model/document';
import { lint } from '../service/lint';
import { HadolintConfigStore, userConfigPaths } from '../service/workspace';
import { defaultSettings } from '../settings';
import { explain, imageName } from '../explain';
import { readDockerignore } from './files';
import type { Io } from './main';

export const EXPLAIN_USAGE = `explain options:
  -o, --output FILE              write the Markdown to FILE instead of standard output
      --image NAME               the image name in the docker build/run lines (default:
                                 the Dockerfile's folder name, or myapp for standard input)`;

interface ExplainArgs {
  input?: string;
  output?: string;
  image?: string;
  help: boolean;
}

function parseArgs(argv: string[]): ExplainArgs | { error: string } {
  const a: ExplainArgs = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string): string | { error: string } => {
      const eq = arg.indexOf('=');
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1) || { error: `${name} needs a value` };
      if (!arg.startsWith('--') && arg.length > 2) return arg.slice(2);
      if (i + 1 >= argv.length || !argv[i + 1]) return { error: `${name} needs a value` };
      return argv[++i];
    };
    if (arg === '-h' || arg === '--help') a.help = true;
    else if (arg === '-o' || arg.startsWith('-o') && !arg.startsWith('--') || arg === '--output' || arg.startsWith('--output=')) {
      const v = value('--output');
      if (typeof v !== 'string') return v;
      a.output = v;
    } else if (arg === '--image' || arg.startsWith('--image=')) {
      const v = value('--image');
      if (typeof v !== 'string') return v;
      a.image = v;
    } else if (arg === '-' || !arg.startsWith('-')) {
      if (a.input !== undefined) return { error: 'give exactly one Dockerfile' };
      a.input = arg;
    } else return { error: `unknown option "${arg}"` };
  }
  return a;
}

export function explainCommand(argv: string[], io: Io, usage: string): number {
  const say = (s: string) => io.stderr(`dockerfile-explained explain: ${s}\n`);
  const args = parseArgs(argv);
  if ('error' in args) {
    say(args.error);
    io.stderr(`\n${usage}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(usage + '\n');
    return 0;
  }
  if (args.input === undefined) {
    say('give exactly one Dockerfile (or - for standard input)');
    io.stderr(`\n${usage}\n`);
    return 2;
  }
  let text: string;
  let uri: string;
  let path: string | undefined;
  if (args.input === '-') {
    try {
      text = io.readStdin();
    } catch (e) {
      say(`cannot read standard input: ${(e as Error).message}`);
      return 2;
    }
    uri = 'untitled:Dockerfile';
  } else {
    path = resolve(io.cwd, args.input);
    try {
      const st = io.fs.stat(path);
      if (st.kind === 'directory') {
        say(`${args.input}: is a directory`);
        return 2;
      }
      text = io.fs.readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      say(code === 'ENOENT' ? `${args.input}: no such file` : `${args.input}: cannot be read (${(e as Error).message})`);
      return 2;
    }
    uri = pathToFileURL(path).href;
  }
  const model = parseDocument(text, uri, 1);
  const store = new HadolintConfigStore(
    () => [io.cwd],
    () => io.userConfigPaths ?? userConfigPaths(),
  );
  const config = path ? store.forDocument(uri).config : undefined;
  const problems = lint(model, {
    settings: defaultSettings,
    hadolint: config,
    dockerignore: path ? readDockerignore(path, io.fs) : undefined,
    onRuleError: (rule, e) => say(`internal error: rule ${rule.id} failed: ${(e as Error)?.message ?? e}`),
  });
  const markdown = explain(model, {
    fileName: path ? basename(path) : 'Dockerfile',
    imageName: args.image ?? (path ? imageName(basename(dirname(path))) : undefined),
    problems,
    onError: (part, e) => say(`internal error in ${part}: ${(e as Error)?.message ?? e}`),
  });
  if (args.output === undefined || args.output === '-') {
    io.stdout(markdown);
    return 0;
  }
  try {
    io.fs.writeFile(resolve(io.cwd, args.output), markdown);
  } catch (e) {
    say(`${args.output}: cannot be written (${(e as Error).message})`);
    return 2;
  }
  return 0;
}
