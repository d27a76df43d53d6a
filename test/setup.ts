/**
 * Imported by every test file that lints or builds shell models: loads tree-sitter-bash
 * before the file's tests run, as the server and the CLI do at start-up.
 */
import { before } from 'node:test';
import { initBashParser } from '../server/src/model/bash';

before(async () => {
  if (!(await initBashParser())) throw new Error('tree-sitter-bash did not load');
});
