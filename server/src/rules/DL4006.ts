import doc from './DL4006.md';
import { defineRule, type Fix } from './rule';
import { commandFlags, baseName, type ShellCommand } from '../model/shell';
import type { DocModel, Instruction } from '../model/document';
import { imageFamily, insertLineBefore, rootImage } from './util';

/** Shells whose `-o pipefail` hadolint trusts. */
const PIPEFAIL_SHELLS = ['bash', 'zsh', 'ash'];

export default defineRule({
  id: 'DL4006',
  severity: 'warning',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      const sh = ins.shell; // undefined under PowerShell or cmd: the rule does not apply there
      if (!sh?.hasPipe || hasPipefail(ins.shellCommand)) continue;
      const cmds = sh.commands;
      const k = cmds.findIndex((c) => c.joinedBy === '|');
      if (k < 1) continue;
      // `set -o pipefail` earlier in the same RUN covers the pipe (a shell without the option fails the RUN on it).
      if (cmds.slice(0, k).some(setsPipefail)) continue;
      const left = cmds[k - 1];
      const right = cmds[k];
      const pipe = pipeOffset(ctx.model, left.end, right.start);
      const range = ctx.model.lines.range(pipe ?? left.start, pipe === undefined ? right.end : pipe + 1);
      ctx.report({
        range,
        message: `This RUN pipes ${describe(left)} into ${describe(right)}, but its shell does not run with \`-o pipefail\`: when ${describe(left)} fails, the RUN still succeeds.`,
        instruction: ins,
        fix: shellFix(ctx.model, ins),
      });
    }
  },
});

function describe(c: ShellCommand): string {
  return c.name ? `\`${baseName(c)}\`` : 'a command';
}

/** `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`: a bash, zsh or ash with `-o` and `pipefail`. */
function hasPipefail(shell: string[]): boolean {
  const exe = shell[0]?.replace(/^.*[\\/]/, '') ?? '';
  if (!PIPEFAIL_SHELLS.includes(exe)) return false;
  const hasO = shell.slice(1).some((a) => /^-[A-Za-z]*o[A-Za-z]*$/.test(a));
  return hasO && shell.includes('pipefail');
}

/** `set -o pipefail`, `set -euo pipefail`, `set -eux -o pipefail`. */
function setsPipefail(c: ShellCommand): boolean {
  return baseName(c) === 'set' && commandFlags(c).has('o') && c.args.some((a) => a.text === 'pipefail');
}

/** The offset of the `|` between two commands, skipping comment lines in between. */
function pipeOffset(model: DocModel, from: number, to: number): number | undefined {
  let comment = false;
  for (let i = from; i < to; i++) {
    const c = model.text[i];
    if (c === '\n') comment = false;
    else if (c === '#') comment = true;
    else if (c === '|' && !comment) return i;
  }
  return undefined;
}

/**
 * A `SHELL` line above the RUN that keeps the shell in effect and its options and adds
 * `-o pipefail`. The default `/bin/sh` (dash on Debian, which has no pipefail) becomes
 * `/bin/bash`, or `/bin/ash` on Alpine. No fix for images without bash or ash (busybox,
 * scratch, distroless), for other shells, and inside ONBUILD.
 */
function shellFix(model: DocModel, ins: Instruction): Fix | undefined {
  if (ins.onbuild || !ins.stage) return undefined;
  const current = ins.shellCommand;
  const exe = current[0] ?? '';
  const name = exe.replace(/^.*[\\/]/, '');
  let shell: string;
  if (PIPEFAIL_SHELLS.includes(name)) shell = exe;
  else if (name === 'sh' || name === 'dash') {
    const image = rootImage(model, ins.stage);
    const family = image === undefined ? 'other' : imageFamily(image);
    if (family === 'alpine') shell = '/bin/ash';
    else if (family === 'other' || family === 'fedora') shell = '/bin/bash';
    else return undefined;
  } else return undefined;
  // Keep the shell's options, without an `-o pipefail` it already had (a `/bin/sh` ignores or rejects it).
  const rest = current.slice(1).filter((a, i, all) => !(a === '-o' && all[i + 1] === 'pipefail') && !(a === 'pipefail' && all[i - 1] === '-o'));
  const args = [shell, '-o', 'pipefail', ...rest];
  const keyword = ins.keywordText === ins.keywordText.toLowerCase() ? 'shell' : 'SHELL';
  const line = `${keyword} [${args.map((a) => JSON.stringify(a)).join(', ')}]`;
  return { title: `Insert ${line.replace(/^shell/, 'SHELL')}`, edits: [insertLineBefore(model, ins, line)], safe: false };
}
