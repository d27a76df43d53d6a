/** extensionTestsPath of the run against the installed .vsix. */
import { runSuites } from './mocha';

export function run(): Promise<void> {
  return runSuites((f) => f === 'packaged.e2e.js');
}
