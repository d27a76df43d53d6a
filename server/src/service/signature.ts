/**
 * Signature help: the forms of the instruction at the cursor (`COPY [--chown=<user>[:<group>]]
 * … <src>… <dest>`, `HEALTHCHECK [--interval=<duration>] … CMD <command>`), with the form in
 * use and the parameter at the cursor active; inside a flag's value, the form of that value
 * (`--mount=type=cache,target=<path>[,id=<id>][,sharing=shared|private|locked]…`, one form per
 * mount type). The forms are data in `knowledge/instruction-forms.ts`.
 */
import type { ParameterInformation, Position, SignatureHelp, SignatureInformation, MarkupContent } from 'vscode-languageserver-types';
import type { DocModel } from '../model/document';
import { flagInfo, mountOption, type FlagInfo, type Keyword } from '../knowledge/flags';
import { FORMS, flagParamLabel, flagPlaceholder, formFlags, mountForms, type FormSpec } from '../knowledge/instruction-forms';
import { cursorAt, typedPart, type CursorWord, type InstructionCursor } from './cursor';
import { markdownToPlainText } from './plaintext';

export interface SignatureOptions {
  /** The client shows plain text only in signature help. */
  plainText?: boolean;
}

/** Characters after which the client should ask for signature help. */
export const SIGNATURE_TRIGGERS = [' ', '=', ',', '['];

const isFlagWord = (w: CursorWord) => w.text.startsWith('--') && w.text !== '--';

function docOf(text: string, options: SignatureOptions): string | MarkupContent {
  return options.plainText ? markdownToPlainText(text) : { kind: 'markdown', value: text };
}

/** Builds a signature label piece by piece, each parameter with its offsets. */
class LabelBuilder {
  label: string;
  params: ParameterInformation[] = [];
  constructor(
    start: string,
    private options: SignatureOptions,
  ) {
    this.label = start;
  }
  text(s: string): void {
    this.label += s;
  }
  param(s: string, doc: string): void {
    const start = this.label.length;
    this.label += s;
    this.params.push({ label: [start, this.label.length], documentation: docOf(doc, this.options) });
  }
}

function formSignature(prefix: string, keyword: Keyword, form: FormSpec, options: SignatureOptions): SignatureInformation {
  const b = new LabelBuilder(prefix + keyword, options);
  if (form.flags) {
    for (const f of formFlags(keyword)) {
      b.text(' ');
      b.param(flagParamLabel(f), f.summary);
    }
  }
  if (form.exec) {
    b.text(' [');
    form.params.forEach((p, i) => {
      if (i > 0) b.text(', ');
      b.param(p.label, p.doc);
    });
    b.text(']');
  } else {
    for (const p of form.params) {
      b.text(' ');
      b.param(p.label, p.doc);
    }
  }
  return { label: b.label, documentation: docOf(form.doc, options), parameters: b.params };
}

/** The signature help at a position, or null outside an instruction's arguments. */
export function signatureHelp(model: DocModel, pos: Position, options: SignatureOptions = {}): SignatureHelp | null {
  const c = cursorAt(model, pos);
  if (c.kind !== 'instruction') return null;
  const prefix = c.keywordAt === 1 ? `${c.words[0].text.toUpperCase()} ` : '';
  if (c.at === c.keywordAt) {
    // Typing the keyword of an ONBUILD trigger: ONBUILD's own form.
    if (c.keywordAt !== 1) return null;
    return { signatures: FORMS.ONBUILD.map((f) => formSignature('', 'ONBUILD', f, options)), activeSignature: 0, activeParameter: 0 };
  }
  if (c.at < c.keywordAt) return null;
  const keyword = c.keyword as Keyword;
  const forms = FORMS[keyword];
  if (!forms) return null;

  const args = c.words.slice(c.keywordAt + 1);
  let flagCount = 0;
  while (flagCount < args.length && isFlagWord(args[flagCount]) && args[flagCount].text !== '') flagCount++;
  const index = c.at - c.keywordAt - 1;
  const w = c.words[c.at];
  const typed = typedPart(c);
  const inFlag = index < flagCount || (index === flagCount && typed.startsWith('-') && !args.slice(0, index).some((a) => a.text === '--'));

  if (inFlag) {
    const eq = w.text.indexOf('=');
    if (eq >= 0 && c.offset > w.start + eq) {
      const info = flagInfo(keyword, w.text.slice(2, eq));
      if (info) return flagValueHelp(model, c, info, w.start + eq + 1, w.end, options);
    }
  }

  const rest = args.slice(flagCount);
  const formIndex = chooseForm(model, c, keyword, forms, rest);
  const form = forms[formIndex];
  const signatures = forms.map((f) => formSignature(prefix, keyword, f, options));
  const flags = form.flags ? formFlags(keyword) : [];
  let active: number;
  if (inFlag) {
    const name = w.text.replace(/^-+/, '').split('=')[0];
    const exact = flags.findIndex((f) => f.name === name);
    const partial = name ? flags.findIndex((f) => f.name.startsWith(name)) : -1;
    active = exact >= 0 ? exact : Math.max(partial, 0);
  } else {
    const j = index - flagCount;
    active = flags.length + argParam(model, c, form, rest, j);
  }
  return { signatures, activeSignature: formIndex, activeParameter: active };
}

/** Which form the instruction is written in. */
function chooseForm(model: DocModel, c: InstructionCursor, keyword: Keyword, forms: readonly FormSpec[], rest: CursorWord[]): number {
  const first = rest[0]?.text ?? '';
  const exec = first.startsWith('[');
  const byName = (name: string) => Math.max(0, forms.findIndex((f) => f.name === name));
  switch (keyword) {
    case 'HEALTHCHECK':
      return byName(first.toUpperCase() === 'NONE' ? 'none' : 'check');
    case 'ENV': {
      const legacy = first !== '' && !first.includes('=') && rest.length > 1;
      return byName(legacy ? 'legacy form' : 'key=value');
    }
    case 'CMD': {
      if (!exec) return byName('shell form');
      // In a stage with an ENTRYPOINT, an exec-form CMD gives its default arguments.
      const stage = c.ins?.stage;
      const entrypoint = stage?.instructions.some((i) => (i.trigger ?? i).keyword === 'ENTRYPOINT' && i.range.start.line !== c.startLine);
      return byName(entrypoint ? 'parameters for ENTRYPOINT' : 'exec form');
    }
    default: {
      const i = forms.findIndex((f) => !!f.exec === exec);
      return i >= 0 ? i : 0;
    }
  }
}

/** The parameter (among the form's own, after the flags) of the j-th argument after the flags. */
function argParam(model: DocModel, c: InstructionCursor, form: FormSpec, rest: CursorWord[], j: number): number {
  const n = form.params.length;
  let position = j;
  let total = rest.length;
  if (form.exec && rest[0]) {
    // Items of the JSON array: count the commas outside strings before the cursor, and in all.
    const text = model.text.slice(rest[0].start, rest[rest.length - 1].end);
    const upTo = c.offset - rest[0].start;
    let inString = false;
    let commas = 0;
    let before = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === ',') {
        commas++;
        if (i < upTo) before++;
      } else if (ch === ']') break;
    }
    position = before;
    total = commas + 1;
  }
  if (form.map === 'srcdest') return position > 0 && position === total - 1 ? 1 : 0;
  return Math.min(position, n - 1);
}

const PLATFORM_PLACEHOLDER = '<os>/<arch>[/<variant>]';

/** The form of a flag's value: `--mount` per type, others one placeholder. */
function flagValueHelp(model: DocModel, c: InstructionCursor, info: FlagInfo, valueStart: number, valueEnd: number, options: SignatureOptions): SignatureHelp {
  if (info.value === 'mount') {
    const value = model.text.slice(valueStart, valueEnd);
    const rel = c.offset - valueStart;
    const segStart = rel > 0 ? value.lastIndexOf(',', rel - 1) + 1 : 0;
    const key = value.slice(segStart, rel).split('=')[0];
    const typeText = /(?:^|,)type=([a-z]*)/i.exec(value)?.[1]?.toLowerCase() ?? 'bind';
    const forms = mountForms();
    const signatures: SignatureInformation[] = forms.map((f) => {
      const b = new LabelBuilder('--mount=', options);
      for (const p of f.params) b.param(p.label, p.doc);
      return { label: b.label, documentation: docOf(f.doc, options), parameters: b.params };
    });
    const activeSignature = Math.max(0, forms.findIndex((f) => f.type === typeText));
    // The option being typed: by its name or alias, else the first one it begins.
    const params = forms[activeSignature].params;
    const canonical = mountOption(key)?.names[0];
    let activeParameter = params.findIndex((p) => p.key === canonical);
    if (activeParameter < 0 && key) activeParameter = params.findIndex((p) => p.key.startsWith(key.toLowerCase()));
    return { signatures, activeSignature, activeParameter: Math.max(0, activeParameter) };
  }
  const b = new LabelBuilder(`--${info.name}=`, options);
  b.param(info.value === 'platform' ? PLATFORM_PLACEHOLDER : flagPlaceholder(info), info.summary);
  return { signatures: [{ label: b.label, documentation: docOf(info.summary, options), parameters: b.params }], activeSignature: 0, activeParameter: 0 };
}
