import doc from './DX2008.md';
import { defineRule } from './rule';
import { allInstructions } from '../model/document';
import { builderText } from './util';
import { FLAGS, INSTRUCTIONS, closest, flagsChecked, flagsOf } from '../knowledge/flags';

const KNOWN = new Set<string>(INSTRUCTIONS);

export default defineRule({
  id: 'DX2008',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of allInstructions(model)) {
      const bt = builderText(model, ins);
      if (!bt.flags.length || !flagsChecked(ins.keyword, bt.text.slice(bt.argsStart))) continue;
      const known = flagsOf(ins.keyword).map((f) => f.name);
      if (!KNOWN.has(ins.keyword)) continue; // an unknown instruction is DX2001's
      for (const flag of bt.flags) {
        if (known.includes(flag.name)) continue;
        const written = `--${flag.name}`;
        const guess = closest(flag.name, known);
        const elsewhere = [...new Set(FLAGS.filter((f) => f.name === flag.name).map((f) => f.instruction))];
        let why: string;
        if (guess) why = ` Did you mean \`--${guess}\`?`;
        else if (elsewhere.length) why = ` It is a flag of ${elsewhere.map((k) => `\`${k}\``).join(' and ')}.`;
        else if (!known.length && (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT'))
          why = ` To pass \`${written}\` to the program, use the exec form: \`${ins.keyword} ["${written}", …]\`.`;
        else if (!known.length) why = '';
        else why = ` It accepts ${known.map((k) => `\`--${k}\``).join(', ')}.`;
        const accepts = known.length ? 'has no flag' : 'takes no flags, not even';
        ctx.report({
          range: flag.nameRange,
          message: `\`${ins.keywordText}\` ${accepts} \`${written}\`: the builder rejects it.${why}`,
          instruction: ins,
          fix: guess ? { title: `Change to --${guess}`, edits: [{ range: flag.nameRange, newText: `--${guess}` }], safe: false } : undefined,
        });
      }
    }
  },
});

