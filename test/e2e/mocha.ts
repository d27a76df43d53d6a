/**
 * Runs suite files with mocha inside the extension host (the `run()` that
 * @vscode/test-electron's extensionTestsPath names). Mocha is a test tool from the e2e cache,
 * named by DX_E2E_MOCHA, never a dependency of the product.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

export function runSuites(accept: (file: string) => boolean): Promise<void> {
  // Stack traces in the suites' TypeScript (the bundles carry inline source maps).
  process.setSourceMapsEnabled(true);
  const Mocha = require(process.env.DX_E2E_MOCHA || 'mocha');
  // Under code-server, the extension host's console reaches the host script among the
  // workbench's log: mark the reporter's lines so that it prints exactly those.
  const print = process.env.DX_E2E_MARK_OUTPUT ? (line: string) => console.log(`[dx-e2e] out ${line}`) : (line: string) => console.log(line);
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => print(format(...args));
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000, grep: process.env.DX_E2E_GREP || undefined });
  const dir = join(__dirname, 'suites');
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.e2e.js') && accept(f)) mocha.addFile(join(dir, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures: number) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      print(`${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures) reject(new Error(`${failures} test(s) failed`));
      else if (!passes) reject(new Error('no test ran'));
      else resolve();
    });
  });
}
