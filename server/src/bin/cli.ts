/** `dockerfile-explained`: lint in CI, tour a Dockerfile's explanations. */
import { readFileSync } from 'node:fs';
import { run, nodeFs } from '../cli/main';
import { SERVER_VERSION } from '../version';
import { initBashParser, bashParserFailure } from '../model/bash';

// A closed pipe (`… | head`) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

async function main(): Promise<number> {
  if (!(await initBashParser())) process.stderr.write(`dockerfile-explained: tree-sitter-bash did not load (${bashParserFailure()}); using the simple shell tokenizer\n`);
  return run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => readFileSync(0, 'utf8'),
    cwd: process.cwd(),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    version: SERVER_VERSION,
    fs: nodeFs,
  });
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`dockerfile-explained: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
