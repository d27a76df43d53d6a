/** `dockerfile-explained-server --stdio | --node-ipc | --socket=N`: the language server for any LSP client. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer, connectionOptions } from '../server';
import { SERVER_VERSION } from '../version';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  console.log(SERVER_VERSION);
  process.exit(0);
}
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  const usage = [
    'Usage: dockerfile-explained-server --stdio | --node-ipc | --socket=<port>',
    '',
    'The Dockerfile Explained language server: hover docs, diagnostics (hadolint DL codes,',
    'BuildKit check names, DX codes) and quick-fixes for Dockerfiles, over LSP.',
    'For linting from a shell, use `dockerfile-explained lint`.',
  ].join('\n');
  const wantsHelp = args.includes('--help') || args.includes('-h');
  (wantsHelp ? console.log : console.error)(usage);
  process.exit(wantsHelp ? 0 : 2);
}
createServer(createConnection(ProposedFeatures.all, connectionOptions));
