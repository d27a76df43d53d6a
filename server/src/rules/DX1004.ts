import doc from './DX1004.md';
import { defineRule } from './rule';
import { pipInstallWord } from './util';
import type { Instruction, Word } from '../model/document';
import { baseName, nonFlagArgs, type ShellCommand } from '../model/shell';

export default defineRule({
  id: 'DX1004',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      // Top-level instructions, and separately the ONBUILD triggers (they run in order in a child build).
      const own = stage.instructions.filter((i) => !i.trigger);
      const triggers = stage.instructions.flatMap((i) => (i.trigger ? [i.trigger] : []));
      for (const seq of [own, triggers]) {
        let pending: { ins: Instruction; source: Word }[] = [];
        for (const ins of seq) {
          const source = wholeContextSource(ins);
          if (source) {
            pending.push({ ins, source });
            continue;
          }
          if (ins.keyword !== 'RUN' || !pending.length) continue;
          const install = ins.shell?.commands.map(installLabel).find((l) => l !== undefined);
          if (!install) continue;
          for (const p of pending) {
            ctx.report({
              range: p.source.range,
              message: `\`${p.ins.keyword} ${p.source.value}\` copies the whole build context before \`${install}\` (line ${(ins.onbuild ?? ins).range.start.line + 1}), so any change to any file re-runs the install; copy the dependency manifests first, install, then copy the rest.`,
              instruction: p.ins,
            });
          }
          pending = [];
        }
      }
    }
  },
});

/** The `.` (or `./`) source of a COPY/ADD that takes the whole build context. */
function wholeContextSource(ins: Instruction): Word | undefined {
  if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return undefined;
  if (ins.heredocs.length || ins.flags.some((f) => f.name.toLowerCase() === 'from')) return undefined;
  return ins.args.slice(0, -1).find((a) => a.value === '.' || a.value === './');
}

const NPM_INSTALL = ['ci', 'install', 'i'];
/** Flags of npm, pnpm and yarn whose value may follow as a separate word. */
const VALUE_FLAGS = new Set(['--loglevel', '--prefix', '--registry', '--cache', '--omit', '--include', '--network-timeout', '--modules-folder', '--cwd', '-C', '--filter', '--mutex']);

/** Words that are neither flags nor the values of flags the package managers know. */
function operands(cmd: ShellCommand): string[] {
  const out: string[] = [];
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const t = a[i].text;
    if (VALUE_FLAGS.has(t)) i++;
    else if (!t.startsWith('-')) out.push(t);
  }
  return out;
}

/** A short name for a command that installs a project's dependencies from its manifest, else undefined. */
function installLabel(cmd: ShellCommand): string | undefined {
  const name = baseName(cmd);
  const all = cmd.args.map((a) => a.text);
  const args = name === 'npm' || name === 'pnpm' || name === 'yarn' ? operands(cmd) : nonFlagArgs(cmd).map((a) => a.text);
  const pip = pipInstallWord(cmd);
  if (pip) {
    const after = cmd.args.slice(cmd.args.indexOf(pip) + 1).map((a) => a.text);
    return after.some((t) => t === '-r' || t === '--requirement' || t.startsWith('--requirement=')) ? `${name.startsWith('python') ? `${name} -m pip` : name} install -r` : undefined;
  }
  switch (name) {
    case 'npm':
      return NPM_INSTALL.includes(args[0]) && args.length === 1 ? `npm ${args[0]}` : undefined;
    case 'pnpm':
      return ['install', 'i'].includes(args[0]) && args.length === 1 ? `pnpm ${args[0]}` : undefined;
    case 'yarn':
      if (args.length === 0) return all.some((t) => ['-v', '--version', '-h', '--help'].includes(t)) ? undefined : 'yarn';
      return args[0] === 'install' && args.length === 1 ? 'yarn install' : undefined;
    case 'poetry':
    case 'pipenv':
    case 'bundle':
    case 'composer':
      return args[0] === 'install' ? `${name} install` : undefined;
    case 'uv':
      return args[0] === 'sync' ? 'uv sync' : undefined;
    case 'go':
      return args[0] === 'mod' && args[1] === 'download' ? 'go mod download' : undefined;
    case 'cargo':
      return args[0] === 'fetch' ? 'cargo fetch' : undefined;
    case 'dotnet':
      return args[0] === 'restore' ? 'dotnet restore' : undefined;
    case 'mvn':
    case 'mvnw': {
      const goal = all.find((t) => t.startsWith('dependency:go-offline') || t.startsWith('dependency:resolve'));
      return goal ? `${name} ${goal}` : undefined;
    }
    default:
      return undefined;
  }
}
