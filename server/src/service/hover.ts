/**
 * Hover: the doc of whatever is under the cursor — a finding's rule, a parser directive, an
 * instruction keyword (also inside ONBUILD), then what the providers of `hover/` explain
 * (stages, images, variables, commands and packages inside RUN, arguments), else a flag.
 */
import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import type { DocModel, Instruction } from '../model/document';
import { contains } from '../model/text';
import { directiveDoc, flagDoc, instructionDoc } from '../docs';
import type { Problem } from './lint';
import { ruleDocUrl } from './diagnostics';
import { hoverProviders } from '../hover';
import { variablesHover } from '../hover/variables';
import { stagesHover } from '../hover/stages';
import { imagesHover } from '../hover/images';
import { markdownToPlainText } from './plaintext';

export interface HoverOptions {
  /** The client shows plain text only (its hover contentFormat lacks markdown). */
  plainText?: boolean;
}

export function hover(model: DocModel, pos: Position, problems: readonly Problem[] = [], options: HoverOptions = {}): Hover | null {
  const parts: string[] = [];
  let range: Range | undefined;

  // Findings under the cursor come first: the user is looking at a squiggle.
  for (const p of problems) {
    if (!contains(p.range, pos)) continue;
    parts.push(`**${p.rule.id}** · ${p.rule.title}\n\n${p.rule.summary}\n\n[Documentation](${ruleDocUrl(p.rule.id)})`);
  }

  const main = explain(model, pos);
  if (main) {
    parts.push(main.markdown);
    range = main.range;
  }
  if (!parts.length) return null;
  const markdown = parts.join('\n\n---\n\n');
  const contents: MarkupContent = options.plainText ? { kind: 'plaintext', value: markdownToPlainText(markdown) } : { kind: 'markdown', value: markdown };
  return range ? { contents, range } : { contents };
}

function explain(model: DocModel, pos: Position): { markdown: string; range: Range } | undefined {
  for (const d of model.directives) {
    if (contains(d.range, pos)) {
      const doc = directiveDoc(d.name);
      if (doc) return { markdown: `**# ${d.name}=** parser directive\n\n${doc.markdown}`, range: d.range };
    }
  }
  const ins = instructionAt(model, pos);
  if (!ins) return undefined;
  const target = ins.trigger && !contains(ins.keywordRange, pos) ? ins.trigger : ins;
  if (contains(target.keywordRange, pos)) {
    const doc = instructionDoc(target.keyword);
    if (doc) return { markdown: `**${target.keyword}**\n\n${doc.markdown}`, range: target.keywordRange };
  }
  const query = { model, pos, offset: model.lines.offsetAt(pos), ins: target };
  for (const provide of hoverProviders) {
    const answer = provide(query);
    if (!answer) continue;
    // A variable inside an image or stage reference: the reference's hover follows the variable's.
    if (provide === variablesHover) {
      for (const around of [stagesHover, imagesHover]) {
        const more = around(query);
        if (more) return { markdown: `${answer.markdown}\n\n---\n\n${more.markdown}`, range: answer.range };
      }
    }
    return answer;
  }
  for (const f of target.flags) {
    if (contains(f.range, pos)) {
      const doc = flagDoc(target.keyword, f.name);
      if (doc) return { markdown: `**${target.keyword} --${f.name}**\n\n${doc.markdown}`, range: f.range };
    }
  }
  // HEALTHCHECK CMD / NONE sub-command explains HEALTHCHECK.
  if (target.keyword === 'HEALTHCHECK' && target.args[0] && contains(target.args[0].range, pos)) {
    const doc = instructionDoc('HEALTHCHECK');
    if (doc) return { markdown: `**HEALTHCHECK ${target.args[0].value.toUpperCase()}**\n\n${doc.markdown}`, range: target.args[0].range };
  }
  return undefined;
}

export function instructionAt(model: DocModel, pos: Position): Instruction | undefined {
  // Instructions are in document order: binary search on start line.
  const list = model.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid].range;
    if (pos.line < r.start.line) hi = mid - 1;
    else if (pos.line > r.end.line) lo = mid + 1;
    else return contains(r, pos) ? list[mid] : undefined;
  }
  return undefined;
}
