/** extensionTestsPath of the development run: every suite but the packaged extension's. */
import { runSuites } from './mocha';

export function run(): Promise<void> {
  return runSuites((f) => f !== 'packaged.e2e.js');
}
