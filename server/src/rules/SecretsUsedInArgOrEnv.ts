import doc from './SecretsUsedInArgOrEnv.md';
import { defineRule } from './rule';
import type { Range } from 'vscode-languageserver-types';
import { varDefs, type DocModel, type Instruction } from '../model/document';
import { expandedWords } from './util';

/** Whole words (between `_` and the ends of a name, any case) that name a credential. */
const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token']);
/**
 * Whole words that say the value is not the secret itself: a public key, a version, or where
 * the secret is kept (BuildKit's list is public, file and version; `path` is ours).
 */
const HARMLESS_WORDS = new Set(['public', 'file', 'version', 'path']);
/** Words for OpenPGP: `GPG_KEY` holds the fingerprint of a public signing key, used to verify downloads. */
const PGP_WORDS = new Set(['gpg', 'pgp']);

/** The word of a variable name that makes it look like a secret, if any. */
function secretWord(name: string): string | undefined {
  const words = name.split('_').map((w) => w.toLowerCase());
  if (words.some((w) => HARMLESS_WORDS.has(w))) return undefined;
  const found = name.split('_').filter((w) => SECRET_WORDS.has(w.toLowerCase()));
  // `JENKINS_GPG_KEY=5E38…`: a key fingerprint, not a secret (`GPG_PRIVATE_KEY` still is one).
  const fingerprint = words.some((w) => PGP_WORDS.has(w)) && !words.includes('private') && found.every((w) => w.toLowerCase() === 'key');
  return fingerprint ? undefined : found[0];
}

export default defineRule({
  id: 'SecretsUsedInArgOrEnv',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('ARG', 'ENV')) {
      // ARGs before the first FROM only feed FROM lines; the builder checks a name once a stage declares it.
      if (!ins.stage) continue;
      for (const def of declaredNames(ctx.model, ins)) {
        const word = secretWord(def.name);
        if (!word) continue;
        const where = ins.keyword === 'ENV' ? 'ENV values are stored in the image configuration' : 'ARG values are recorded in the image history';
        ctx.report({
          range: def.range,
          message: `\`${def.name}\` looks like it holds a secret (the word \`${word}\`), and ${where}; mount the secret with \`RUN --mount=type=secret\` instead.`,
          instruction: ins,
        });
      }
    }
  },
});

/**
 * The names an ARG or ENV declares, with their ranges. An ARG is split the way the builder
 * splits it: every word is one argument (`ARG VERSION API_TOKEN` declares two).
 */
function declaredNames(model: DocModel, ins: Instruction): Array<{ name: string; range: Range }> {
  if (ins.keyword === 'ENV') return varDefs(ins).map((d) => ({ name: d.name, range: d.nameRange }));
  const out: Array<{ name: string; range: Range }> = [];
  for (const w of expandedWords(model, ins)) {
    const name = w.text.split('=')[0];
    if (!/^[^\s"'$]+$/.test(name)) continue;
    out.push({ name, range: model.lines.range(w.offsets[0], w.offsets[name.length - 1] + 1) });
  }
  return out;
}
