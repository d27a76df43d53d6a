/** Instruction, flag and directive docs: Markdown data files bundled as text at build time. */
import ADD from '../../docs/instructions/ADD.md';
import ARG from '../../docs/instructions/ARG.md';
import CMD from '../../docs/instructions/CMD.md';
import COPY from '../../docs/instructions/COPY.md';
import ENTRYPOINT from '../../docs/instructions/ENTRYPOINT.md';
import ENV from '../../docs/instructions/ENV.md';
import EXPOSE from '../../docs/instructions/EXPOSE.md';
import FROM from '../../docs/instructions/FROM.md';
import HEALTHCHECK from '../../docs/instructions/HEALTHCHECK.md';
import LABEL from '../../docs/instructions/LABEL.md';
import MAINTAINER from '../../docs/instructions/MAINTAINER.md';
import ONBUILD from '../../docs/instructions/ONBUILD.md';
import RUN from '../../docs/instructions/RUN.md';
import SHELL from '../../docs/instructions/SHELL.md';
import STOPSIGNAL from '../../docs/instructions/STOPSIGNAL.md';
import USER from '../../docs/instructions/USER.md';
import VOLUME from '../../docs/instructions/VOLUME.md';
import WORKDIR from '../../docs/instructions/WORKDIR.md';
import directive_syntax from '../../docs/directives/syntax.md';
import directive_escape from '../../docs/directives/escape.md';
import directive_check from '../../docs/directives/check.md';

export interface DocSection {
  /** `FROM`, `--platform`, `syntax`. */
  name: string;
  /** The whole section as Markdown (without its heading). */
  markdown: string;
  /** The first paragraph. */
  summary: string;
  /** The `Reference:` URL, if any. */
  reference?: string;
}

export interface InstructionDoc extends DocSection {
  flags: Map<string, DocSection>;
}

const INSTRUCTION_FILES: Record<string, string> = {
  ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR,
};
const DIRECTIVE_FILES: Record<string, string> = { syntax: directive_syntax, escape: directive_escape, check: directive_check };

function section(name: string, body: string): DocSection {
  const text = body.trim();
  const summary = (text.split(/\n\s*\n/)[0] ?? '').trim();
  const ref = /^Reference:\s*(\S+)\s*$/m.exec(text);
  // The plain `Reference: URL` line renders as a link.
  const markdown = ref ? text.replace(ref[0], `[Docker reference](${ref[1]})`) : text;
  return { name, markdown, summary, reference: ref?.[1] };
}

/** Splits `# KEYWORD` + `## --flag` sections. */
export function parseInstructionDoc(text: string): InstructionDoc {
  const normalized = text.replace(/\r\n/g, '\n');
  const head = /^# (.+)\n/.exec(normalized);
  const name = head ? head[1].trim() : '';
  const rest = head ? normalized.slice(head[0].length) : normalized;
  const parts = rest.split(/^## (?=--)/m);
  const doc: InstructionDoc = { ...section(name, parts[0]), flags: new Map() };
  for (const p of parts.slice(1)) {
    const nl = p.indexOf('\n');
    const flag = p.slice(0, nl < 0 ? p.length : nl).trim();
    doc.flags.set(flag.replace(/^--/, ''), section(flag, nl < 0 ? '' : p.slice(nl + 1)));
  }
  return doc;
}

let instructions: Map<string, InstructionDoc> | undefined;
let directives: Map<string, DocSection> | undefined;

export function instructionDoc(keyword: string): InstructionDoc | undefined {
  instructions ??= new Map(Object.entries(INSTRUCTION_FILES).map(([k, v]) => [k, parseInstructionDoc(v)]));
  return instructions.get(keyword.toUpperCase());
}

export function flagDoc(keyword: string, flag: string): DocSection | undefined {
  return instructionDoc(keyword)?.flags.get(flag);
}

export function directiveDoc(name: string): DocSection | undefined {
  directives ??= new Map(
    Object.entries(DIRECTIVE_FILES).map(([k, v]) => [k, section(k, v.replace(/\r\n/g, '\n').replace(/^# .*\n/, ''))]),
  );
  return directives.get(name.toLowerCase());
}

export const INSTRUCTION_KEYWORDS = Object.keys(INSTRUCTION_FILES);
