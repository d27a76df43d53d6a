import doc from './DX2013.md';
import { defineRule } from './rule';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { BuilderFlag } from './util';
import { builderText } from './util';
import { MOUNT_OPTION_NAMES, MOUNT_SHARING, MOUNT_TYPES, closest, isRamSize, mountOption, parseGoBool, parseUint32, type MountType } from '../knowledge/flags';

const TYPES = MOUNT_TYPES.map((t) => t.type);

/** One `key=value` (or bare `key`) of a `--mount` value, CSV-read, with indexes into the value. */
interface Field {
  text: string;
  start: number;
  end: number;
}

/** The fields of a CSV record (quotes group, `""` is a quote); undefined when the quoting is broken. */
function csvFields(value: string): Field[] | undefined {
  const out: Field[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    let text = '';
    if (value[i] === '"') {
      i++;
      for (;;) {
        if (i >= value.length) return undefined;
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += value[i++];
      }
      if (i < value.length && value[i] !== ',') return undefined;
    } else {
      while (i < value.length && value[i] !== ',') {
        if (value[i] === '"') return undefined;
        text += value[i++];
      }
    }
    out.push({ text, start, end: i });
    if (i >= value.length) return out;
    i++; // the comma
  }
}

export default defineRule({
  id: 'DX2013',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('RUN')) {
      for (const flag of builderText(model, ins).flags) {
        if (flag.name !== 'mount' || flag.value === null || !flag.valueRange) continue;
        checkMount(flag);
      }

      function checkMount(flag: BuilderFlag): void {
        const value = flag.value!;
        const range = (s: number, e: number): Range => model.lines.range(flag.valueOffsets[s], e > s ? flag.valueOffsets[e - 1] + 1 : flag.valueOffsets[s]);
        const report = (r: Range, problem: string, edit?: { title: string; edit: TextEdit }, guess?: string) =>
          ctx.report({
            range: r,
            message: `\`--mount\`: ${problem}; the builder rejects it.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
            instruction: ins,
            fix: edit ? { title: edit.title, edits: [edit.edit], safe: false } : undefined,
          });
        const fields = csvFields(value);
        if (!fields) {
          report(flag.valueRange!, 'the quotes in the options are unbalanced (they are read as CSV)');
          return;
        }
        let type: MountType | undefined = 'bind';
        let typeSeen = false;
        const set = new Map<string, Field>();
        for (const field of fields) {
          const eq = field.text.indexOf('=');
          const key = (eq < 0 ? field.text : field.text.slice(0, eq)).toLowerCase();
          const v = eq < 0 ? '' : field.text.slice(eq + 1);
          const whole = range(field.start, field.end);
          const valueRange = range(field.end - v.length, field.end);
          const option = mountOption(key);
          if (!option) {
            if (field.text === '') {
              // Nothing to underline but the comma(s) around the empty option.
              report(range(Math.max(0, field.start - 1), Math.min(value.length, field.end + 1)), 'an empty option (two commas in a row, or a comma at the end)');
              continue;
            }
            const guess = closest(key, MOUNT_OPTION_NAMES);
            const keyRange = range(field.start, field.start + (eq < 0 ? field.text.length : eq));
            report(
              keyRange,
              `\`${key}\` is not a mount option`,
              guess ? { title: `Change to ${guess}`, edit: { range: keyRange, newText: guess } } : undefined,
              guess,
            );
            continue;
          }
          const name = option.names[0];
          if (eq < 0) {
            if (!option.bare) report(whole, `\`${key}\` needs a value (\`${key}=…\`)`);
            else if (name === 'required' && type && type !== 'secret' && type !== 'ssh') report(whole, onlyFor('required', type, typeSeen));
            if (option.bare) set.set(name, field);
            continue;
          }
          set.set(name, field);
          if (v.includes('$')) {
            if (name === 'from' && v.indexOf('$') < v.length - 1) report(valueRange, '`from` does not expand variables; name a stage with `FROM <image> AS <name>` instead');
            if (name === 'type') type = undefined;
            continue;
          }
          switch (option.value) {
            case 'type': {
              const t = TYPES.find((x) => x === v.toLowerCase());
              typeSeen = true;
              if (t) {
                type = t;
                break;
              }
              type = undefined;
              const guess = closest(v, TYPES);
              report(
                valueRange,
                `\`${v}\` is not a mount type (use ${TYPES.map((x) => `\`${x}\``).join(', ')})`,
                guess ? { title: `Change to type=${guess}`, edit: { range: valueRange, newText: guess } } : undefined,
                guess,
              );
              break;
            }
            case 'boolean':
              if (parseGoBool(v) === undefined) report(valueRange, `\`${key}\` takes \`true\` or \`false\`, not \`${v}\``);
              else if (name === 'required' && type && type !== 'secret' && type !== 'ssh') report(whole, onlyFor('required', type, typeSeen));
              break;
            case 'size':
              if (type && type !== 'tmpfs') report(whole, onlyFor('size', type, typeSeen));
              else if (!isRamSize(v)) report(valueRange, `\`size=${v}\` is not a size (write it like \`64m\` or \`1g\`)`);
              break;
            case 'sharing': {
              const ok = MOUNT_SHARING.find((x) => x === v.toLowerCase());
              if (ok) break;
              const guess = closest(v, MOUNT_SHARING);
              report(
                valueRange,
                `\`sharing=${v}\` is not a sharing mode (use \`shared\`, \`private\` or \`locked\`)`,
                guess ? { title: `Change to sharing=${guess}`, edit: { range: valueRange, newText: guess } } : undefined,
                guess,
              );
              break;
            }
            case 'octal':
              if (parseUint32(v, 8) === undefined) report(valueRange, `\`mode=${v}\` is not an octal mode (such as \`0755\`)`);
              break;
            case 'uint':
              if (parseUint32(v, 10) === undefined) report(valueRange, `\`${key}=${v}\` is not a numeric ID`);
              break;
          }
        }
        if (!type) return;
        const where = range(0, value.length);
        for (const name of ['mode', 'uid', 'gid', 'sharing']) {
          const field = set.get(name);
          if (!field || !mountOption(name)!.rejectedFor.includes(type)) continue;
          report(range(field.start, field.end), onlyFor(name, type, true));
        }
        if (type === 'secret') {
          const from = set.get('from');
          if (from) report(range(from.start, from.end), 'a secret mount can\'t have `from`');
          if (!set.has('source') && !set.has('target') && !set.has('id')) report(where, 'a secret mount needs `id` (or `target`) to know which secret to mount');
          const source = set.get('source');
          if (source && set.has('id')) report(range(source.start, source.end), 'a secret mount takes `id` or `source`, not both');
        }
      }
    }
  },
});

/** The message for an option the builder refuses for this mount type. */
function onlyFor(name: string, type: MountType, typeSeen: boolean): string {
  const option = mountOption(name)!;
  const allowed = (['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const).filter((t) => !option.rejectedFor.includes(t));
  const list = allowed.map((t) => `\`${t}\``).join(allowed.length > 2 ? ', ' : ' and ').replace(/, ([^,]*)$/, ' and $1');
  const order = typeSeen ? '' : ', and options are read in order: put `type=` first';
  return `\`${name}\` only applies to ${list} mounts, not \`${type}\`${order}`;
}
