#!/usr/bin/env node
'use strict';
// Shim for the bundled language server (server/dist/server.js, built by `npm run build`).
try {
  require.resolve('../dist/server.js');
} catch {
  console.error('dockerfile-explained-server: the server is not built yet; run `npm run build` at the repository root.');
  process.exit(2);
}
require('../dist/server.js');
