/**
 * Check factories shared by rule units that hadolint splits by package manager (DL3008 for
 * apt-get, DL3018 for apk, DL3033 for yum…): the logic is written once here, and each unit
 * keeps its own code, level, doc and tests and says which managers it covers.
 */
import type { RuleContext } from './rule';
import { appendCommandEdits, cacheMountTargets, firstUncleaned, insertAfter, unpinnedIn, unpinnedMessage, wordRange } from './util';
import { hasAssumeYes, installOf, isModulePinned, isPinned, type ManagerSpec, type PinStyle } from '../knowledge/os-packages';
import { installOf as langInstallOf, isPinned as langIsPinned, type LangTool } from '../knowledge/lang-packages';
import type { Word } from '../model/shell';

/** Unpinned packages of `managers`' install commands, one finding on each package word. */
export function unpinnedPackagesCheck(opts: { managers: string[]; style: PinStyle; packagesOnly?: boolean; modules?: boolean }) {
  return (ctx: RuleContext): void => {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (!install || !opts.managers.includes(install.spec.name) || install.kind === 'group') continue;
        if (opts.packagesOnly && install.kind !== 'package') continue;
        for (const word of install.packages) {
          if (install.kind === 'module') {
            if (!opts.modules || unpinnedIn(ctx.model, ins, word, isModulePinned).length === 0) continue;
            ctx.report({
              range: wordRange(ctx.model, word),
              message: `Module \`${word.text}\` has no stream: write \`${word.text}:<stream>\` so every build enables the same one.`,
              instruction: ins,
            });
            continue;
          }
          const loose = unpinnedIn(ctx.model, ins, word, (p) => isPinned(opts.style, p));
          if (!loose.length) continue;
          ctx.report({ range: wordRange(ctx.model, word), message: unpinnedMessage(word, loose, opts.style), instruction: ins });
        }
      }
    }
  };
}

/** Install commands of `managers` without `-y`, with a fix adding it after the subcommand. */
export function assumeYesCheck(managers: string[]) {
  return (ctx: RuleContext): void => {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = installOf(cmd);
        if (!install || !managers.includes(install.spec.name) || hasAssumeYes(cmd, install.spec)) continue;
        const words = ctx.model.text.slice(cmd.name!.start, install.subcommand.end).replace(/\s+/g, ' ');
        ctx.report({
          range: wordRange(ctx.model, { start: cmd.name!.start, end: install.subcommand.end }),
          message: `\`${words}\` without \`-y\` waits for an "Is this ok [y/N]" answer that a build cannot give, and fails.`,
          instruction: ins,
          fix: { title: 'Add -y', edits: [insertAfter(ctx.model, install.subcommand, ' -y')], safe: true },
        });
      }
    }
  };
}

/** A RUN that installs with `spec` and does not end by cleaning its cache (`cacheDir`), with a fix appending the cleanup. */
export function cacheCleanupCheck(spec: ManagerSpec, cacheDir: string) {
  return (ctx: RuleContext): void => {
    for (const ins of ctx.instructions('RUN')) {
      const found = firstUncleaned(ins, spec, (c) => (installOf(c)?.spec === spec ? installOf(c)!.subcommand : undefined));
      if (!found) continue;
      if (cacheMountTargets(ins).some((t) => t.includes(cacheDir))) continue;
      const edits = appendCommandEdits(ctx.model, ins, spec.cleanup!);
      ctx.report({
        range: wordRange(ctx.model, { start: found.cmd.name!.start, end: found.word.end }),
        message: `\`${spec.name} ${found.word.text}\` leaves repository metadata and packages in ${cacheDir}; end the RUN with \`${spec.cleanup}\`.`,
        instruction: ins,
        fix: edits && { title: `Append ${spec.cleanup}`, edits, safe: true },
      });
    }
  };
}

/**
 * Unpinned packages of a language tool's install commands (pip, gem), one finding on each
 * package word; `message` words it for that tool (one unpinned name, or several behind a variable).
 */
export function unpinnedLangPackagesCheck(tool: LangTool, message: (word: Word, loose: string[]) => string) {
  return (ctx: RuleContext): void => {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const install = langInstallOf(cmd);
        if (install?.spec.name !== tool || install.pinnedByFlag) continue;
        for (const word of install.packages) {
          const loose = unpinnedIn(ctx.model, ins, word, (p) => langIsPinned(tool, p));
          if (loose.length) ctx.report({ range: wordRange(ctx.model, word), message: message(word, loose), instruction: ins });
        }
      }
    }
  };
}
