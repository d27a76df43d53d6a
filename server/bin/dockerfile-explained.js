#!/usr/bin/env node
'use strict';
// Shim for the bundled CLI (server/dist/cli.js, built by `npm run build`).
try {
  require.resolve('../dist/cli.js');
} catch {
  console.error('dockerfile-explained: the CLI is not built yet; run `npm run build` at the repository root.');
  process.exit(2);
}
require('../dist/cli.js');
