import doc from './DX2010.md';
import { defineRule } from './rule';
import { allInstructions } from '../model/document';
import { builderText } from './util';
import { flagInfo, flagsChecked, parseFlagBool } from '../knowledge/flags';

const YES = /^(?:y|yes|on|1|enabled?)$/i;
const NO = /^(?:n|no|off|0|disabled?)$/i;

export default defineRule({
  id: 'DX2010',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of allInstructions(model)) {
      const bt = builderText(model, ins);
      if (!bt.flags.length || !flagsChecked(ins.keyword, bt.text.slice(bt.argsStart))) continue;
      for (const flag of bt.flags) {
        const info = flagInfo(ins.keyword, flag.name);
        if (!info) continue;
        const name = `--${flag.name}`;
        if (info.kind !== 'bool') {
          if (flag.value !== null) continue;
          ctx.report({
            range: flag.range,
            message: `\`${name}\` needs a value (\`${name}=${example(flag.name)}\`): the builder rejects it without \`=\`.`,
            instruction: ins,
          });
          continue;
        }
        if (flag.value === null || parseFlagBool(flag.value) !== undefined) continue;
        const meant = YES.test(flag.value) ? 'true' : NO.test(flag.value) ? 'false' : undefined;
        ctx.report({
          range: flag.value !== '' && flag.valueRange ? flag.valueRange : flag.range,
          message:
            flag.value === ''
              ? `\`${name}=\` has an empty value: write \`${name}\` or \`${name}=true\`/\`false\`.`
              : `\`${name}\` takes \`true\` or \`false\` (or no value, meaning true), not \`${flag.value}\`: the builder rejects it.`,
          instruction: ins,
          fix:
            meant && flag.valueRange
              ? { title: `Change to ${name}=${meant}`, edits: [{ range: flag.valueRange, newText: meant }], safe: false }
              : flag.value === '' && flag.valueRange
                ? { title: `Change to ${name}`, edits: [{ range: { start: flag.nameRange.end, end: flag.valueRange.end }, newText: '' }], safe: false }
                : undefined,
        });
      }
    }
  },
});

function example(flag: string): string {
  switch (flag) {
    case 'from':
      return '<stage>';
    case 'chown':
      return '<user>:<group>';
    case 'chmod':
      return '755';
    case 'platform':
      return 'linux/amd64';
    case 'mount':
      return 'type=cache,target=<path>';
    case 'network':
      return 'none';
    case 'security':
      return 'insecure';
    case 'exclude':
      return '<pattern>';
    case 'checksum':
      return 'sha256:<digest>';
    case 'retries':
      return '3';
    default:
      return /interval|timeout|period/.test(flag) ? '30s' : '<value>';
  }
}
