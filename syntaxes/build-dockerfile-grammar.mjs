#!/usr/bin/env node
// Source of truth for syntaxes/dockerfile.tmLanguage.json.
//
//   node syntaxes/build-dockerfile-grammar.mjs          # (re)write the JSON
//   node syntaxes/build-dockerfile-grammar.mjs --check  # exit 1 if the JSON is stale
//
// The grammar is generated because every rule that knows about line
// continuations exists twice: once for the default escape character `\` and
// once for a file that starts with the `# escape=`` ` parser directive (the
// `-bt` repository entries). Writing the regexes with String.raw here also
// avoids JSON double escaping.
//
// Model (mirrors how BuildKit reads a Dockerfile):
//  * An instruction starts at the beginning of a line (leading whitespace
//    allowed) and ends at the end of the first line that does not end with
//    the escape character. Lines starting with `#` inside a continuation are
//    comments; empty continuation lines do not end the instruction.
//  * Parser directives are only recognised in a block of `# key=value` lines
//    that starts on the first line of the file.
//  * RUN / CMD / ENTRYPOINT / HEALTHCHECK CMD shell forms are embedded shell
//    (`meta.embedded.shell` up to the end of the instruction); `source.shell`
//    is applied one physical line at a time so it can never keep the region
//    open past the instruction (see 'shell-body'). JSON exec forms are not shell.
//  * Here-documents (RUN/COPY/ADD) run to their terminator line; `RUN <<EOF`
//    (optionally `<<EOF bash`) bodies are shell scripts (again line by line),
//    other bodies are data.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const r = String.raw;

const INSTRUCTIONS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK',
  'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];

const DIRECTIVE_AHEAD = r`[ \t]*#[ \t]*(?i:syntax|escape|check)[ \t]*=`;

/** End of an instruction: end of a non-empty line that was not continued. */
const INSTR_END = r`(?<=.)$`;
/** Same position, zero width, for nested regions that must close with their instruction. */
const SUB_END = r`(?<=.)(?=$)`;

const NAME = r`[A-Za-z_][A-Za-z0-9_]*`;

const include = (key) => ({ include: `#${key}` });

/** Repository entries for one escape character. */
function modeRules(mode) {
  const sfx = mode.suffix;
  const E = mode.escape; // regex for the escape character
  const ref = (key) => include(key + sfx);
  const CONT_AHEAD = r`${E}[ \t]*$`;

  // The keyword of an instruction: at line start, or right after ONBUILD (\G).
  const keyword = (word) => r`(?:^|\G)[ \t]*((?i:${word}))(?=\s|${CONT_AHEAD})`;

  const instruction = (word, patterns) => ({
    name: `meta.instruction.${word.toLowerCase()}.dockerfile`,
    begin: keyword(word),
    beginCaptures: { 1: { name: `keyword.other.instruction.${word.toLowerCase()}.dockerfile` } },
    end: INSTR_END,
    patterns: [ref('line-continuation'), ref('continuation-comment'), ...patterns],
  });

  // Here-documents: <<EOF, <<-EOF, <<"EOF", <<'EOF' (optional fd prefix like 2<<EOF).
  // Capture groups: 1 operator, 2 whole delimiter word, 3 quote, 4 delimiter name, 5 rest of line.
  const heredoc = ({ dash, quoted, script }) => {
    const op = dash ? '(<<-)' : '(<<)(?!-)';
    const word = quoted ? r`((["'])([A-Za-z_][A-Za-z0-9_.-]*)\3)` : r`(()([A-Za-z_][A-Za-z0-9_.-]*))`;
    const rest = script
      ? r`((?:[ \t]+(?:[^\s/]*/)*(?:sh|bash|ash|dash|zsh|ksh)(?=[ \t]|$).*)?)$`
      : r`(.*)$`;
    const delimiter = { name: 'keyword.control.heredoc-delimiter.dockerfile' };
    return {
      name: 'meta.heredoc.dockerfile',
      begin: r`(?<=^|[ \t])[0-9]*${op}${word}${rest}`,
      beginCaptures: {
        1: { name: 'keyword.operator.heredoc.dockerfile' },
        2: delimiter,
        5: { patterns: [ref('string-double'), ref('string-single'), ref('variable')] },
      },
      end: dash ? r`^\t*(\4)$` : r`^(\4)$`,
      endCaptures: { 1: delimiter },
      contentName: script ? 'meta.embedded.shell' : 'string.unquoted.heredoc.dockerfile',
      // Script bodies get the shell grammar line by line, like shell-body, so
      // an unbalanced quote cannot hide the terminator line.
      patterns: script ? [ref('shell-script-line')] : quoted ? [] : [ref('variable')],
    };
  };
  const heredocKinds = (script) => {
    const list = [];
    for (const dash of [true, false]) for (const quoted of [true, false]) list.push({ dash, quoted, script });
    return list;
  };

  const args = [ref('flag'), ref('string-double'), ref('string-single'), ref('variable'), ref('escape')];

  const repo = {
    main: {
      patterns: [include('hadolint-pragma'), include('comment'), ref('instructions')],
    },
    'line-continuation': {
      match: r`(${E})[ \t]*\n`,
      captures: { 1: { name: 'constant.character.escape.line-continuation.dockerfile' } },
    },
    // A `#` line inside a continued instruction is a comment and does not end it.
    'continuation-comment': {
      match: r`^[ \t]*((#).*\n)`,
      captures: {
        1: { name: 'comment.line.number-sign.dockerfile' },
        2: { name: 'punctuation.definition.comment.dockerfile' },
      },
    },
    escape: {
      match: r`${E}.`,
      name: 'constant.character.escape.dockerfile',
    },

    variable: {
      patterns: [
        {
          match: r`(\$)(${NAME})`,
          name: 'variable.other.readwrite.dockerfile',
          captures: { 1: { name: 'punctuation.definition.variable.dockerfile' } },
        },
        {
          name: 'variable.other.readwrite.braced.dockerfile',
          begin: r`(\$\{)(?:${NAME})?(:?[-+?]|##?|%%?|//?)?`,
          beginCaptures: {
            1: { name: 'punctuation.definition.variable.begin.dockerfile' },
            2: { name: 'keyword.operator.expansion.dockerfile' },
          },
          end: r`(\})|(?=$|${CONT_AHEAD})`,
          endCaptures: { 1: { name: 'punctuation.definition.variable.end.dockerfile' } },
          contentName: 'string.unquoted.expansion-value.dockerfile',
          patterns: [ref('variable'), ref('escape')],
        },
      ],
    },

    'string-double': {
      name: 'string.quoted.double.dockerfile',
      begin: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
      end: r`(")|${SUB_END}`,
      endCaptures: { 1: { name: 'punctuation.definition.string.end.dockerfile' } },
      patterns: [ref('line-continuation'), ref('escape'), ref('variable')],
    },
    'string-single': {
      name: 'string.quoted.single.dockerfile',
      begin: "'",
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
      end: r`(')|${SUB_END}`,
      endCaptures: { 1: { name: 'punctuation.definition.string.end.dockerfile' } },
      patterns: [ref('line-continuation')],
    },

    // JSON strings: JSON escapes are always backslash escapes.
    'json-string': {
      name: 'string.quoted.double.json.dockerfile',
      begin: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
      end: r`(")|${SUB_END}`,
      endCaptures: { 1: { name: 'punctuation.definition.string.end.dockerfile' } },
      patterns: [
        ref('line-continuation'),
        { match: r`\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})`, name: 'constant.character.escape.json.dockerfile' },
      ],
    },
    'json-string-expanded': {
      name: 'string.quoted.double.json.dockerfile',
      begin: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
      end: r`(")|${SUB_END}`,
      endCaptures: { 1: { name: 'punctuation.definition.string.end.dockerfile' } },
      patterns: [
        ref('line-continuation'),
        { match: r`\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})`, name: 'constant.character.escape.json.dockerfile' },
        ref('variable'),
      ],
    },
    // Exec form of RUN/CMD/ENTRYPOINT/SHELL: no variable substitution happens.
    'exec-form': {
      name: 'meta.array.exec-form.dockerfile',
      begin: r`(\[)(?=[ \t]*(?:"|\]|${CONT_AHEAD}))`,
      beginCaptures: { 1: { name: 'punctuation.definition.array.begin.dockerfile' } },
      end: r`(\])|${SUB_END}`,
      endCaptures: { 1: { name: 'punctuation.definition.array.end.dockerfile' } },
      patterns: [
        ref('line-continuation'),
        ref('continuation-comment'),
        ref('json-string'),
        { match: ',', name: 'punctuation.separator.array.dockerfile' },
      ],
    },
    // JSON form of COPY/ADD/VOLUME: variables are substituted.
    'json-array': {
      name: 'meta.array.json.dockerfile',
      begin: r`(\[)(?=[ \t]*(?:"|\]|${CONT_AHEAD}))`,
      beginCaptures: { 1: { name: 'punctuation.definition.array.begin.dockerfile' } },
      end: r`(\])|${SUB_END}`,
      endCaptures: { 1: { name: 'punctuation.definition.array.end.dockerfile' } },
      patterns: [
        ref('line-continuation'),
        ref('continuation-comment'),
        ref('json-string-expanded'),
        { match: ',', name: 'punctuation.separator.array.dockerfile' },
      ],
    },

    // --name or --name=value; values like type=cache,target=/root/.cache get key scopes.
    flag: {
      name: 'meta.flag.dockerfile',
      begin: r`(?<=^|[ \t])((--)([A-Za-z][A-Za-z0-9-]*))(=)?`,
      beginCaptures: {
        1: { name: 'entity.other.attribute-name.flag.dockerfile' },
        2: { name: 'punctuation.definition.flag.dockerfile' },
        4: { name: 'keyword.operator.assignment.dockerfile' },
      },
      end: r`(?=\s)`,
      contentName: 'string.unquoted.flag-value.dockerfile',
      patterns: [
        ref('string-double'),
        ref('string-single'),
        ref('variable'),
        ref('escape'),
        {
          match: r`(?<=^|[=,\s])([A-Za-z][A-Za-z0-9_.-]*)(=)`,
          captures: {
            1: { name: 'support.type.property-name.flag-option.dockerfile' },
            2: { name: 'keyword.operator.assignment.dockerfile' },
          },
        },
        { match: ',', name: 'punctuation.separator.flag-option.dockerfile' },
      ],
    },

    // Shell form body: everything up to the end of the instruction. The body
    // region holds only our own rules, so its end is always checked; the shell
    // grammar sees one physical line at a time through the captures of
    // `shell-line` (whatever it leaves open is closed at the end of the
    // capture). Including source.shell directly would let it carry state past
    // the continuation backslash, and it routinely does not come back (an
    // `else \` line is enough), swallowing every following instruction.
    'shell-body': {
      begin: r`(?=\S)`,
      end: INSTR_END,
      contentName: 'meta.embedded.shell',
      patterns: [
        ref('line-continuation'),
        ref('continuation-comment'),
        ...heredocKinds(false).map((k) => ref(heredocKey(k))),
        // The shell grammar only recognises a command name after a line start
        // or a separator, which `RUN ` is not: name the first word ourselves.
        {
          match: r`\G(?!(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|function|select|time|coproc|in)(?=[\s;&|]))[A-Za-z0-9_./+@%:~-][^\s;&|()<>'"${'`'}$\\=]*(?=[\s;&|()<>]|$)`,
          name: 'entity.name.function.command.dockerfile',
        },
        ref('shell-line'),
        include('shell-grammar-dependency'),
      ],
    },
    // The rest of a physical line, minus a trailing continuation and minus a
    // here-document that starts on it (handled by heredoc-data).
    'shell-line': {
      match: r`((?:(?!(?<=^|[ \t])[0-9]*<<-?["']?[A-Za-z_])(?!${E}[ \t]*$)[^\n])+)`,
      captures: {
        1: { patterns: [{ include: 'source.shell' }, ref('variable'), ref('escape')] },
      },
    },
    // A whole line of a here-document script (its own continuations included).
    'shell-script-line': {
      match: r`(.+)`,
      captures: {
        1: { patterns: [{ include: 'source.shell' }, ref('variable'), ref('escape')] },
      },
    },
    // Exec form or shell form (CMD, ENTRYPOINT, HEALTHCHECK CMD).
    command: { patterns: [ref('exec-form'), ref('shell-body')] },

    'instruction-from': instruction('FROM', [
      ref('flag'),
      {
        match: r`(?<=[ \t])((?i:as))(?=[ \t]|$)(?:[ \t]+([A-Za-z_][A-Za-z0-9_.-]*))?`,
        captures: {
          1: { name: 'keyword.other.as.dockerfile' },
          2: { name: 'entity.name.type.stage.dockerfile' },
        },
      },
      {
        name: 'meta.image-reference.dockerfile',
        begin: r`(?<=[ \t])(?=\S)`,
        end: r`(?=\s)`,
        patterns: [
          { match: r`\G(?i:scratch)(?=\s)`, name: 'constant.language.scratch.dockerfile' },
          ref('variable'),
          {
            match: r`(@)([^\s$]*)`,
            captures: {
              1: { name: 'punctuation.separator.digest.dockerfile' },
              2: { name: 'constant.other.image-digest.dockerfile' },
            },
          },
          {
            match: r`(:)([^\s@$:/]*)(?=[\s@$])`,
            captures: {
              1: { name: 'punctuation.separator.tag.dockerfile' },
              2: { name: 'constant.other.image-tag.dockerfile' },
            },
          },
          { match: r`(?:[^\s:@$]|:(?=[0-9]+/))+`, name: 'entity.name.image.dockerfile' },
        ],
      },
    ]),

    'instruction-run': instruction('RUN', [
      ref('flag'),
      ...heredocKinds(true).map((k) => ref(heredocKey(k))),
      ref('exec-form'),
      ref('shell-body'),
    ]),
    'instruction-cmd': instruction('CMD', [ref('command')]),
    'instruction-entrypoint': instruction('ENTRYPOINT', [ref('command')]),
    'instruction-shell': instruction('SHELL', [ref('exec-form'), ...args]),
    'instruction-healthcheck': instruction('HEALTHCHECK', [
      ref('flag'),
      { match: r`(?<=[ \t])(?i:none)(?=\s)`, name: 'constant.language.none.dockerfile' },
      {
        name: 'meta.healthcheck-command.dockerfile',
        begin: r`(?<=^|[ \t])((?i:cmd))(?=\s|${CONT_AHEAD})`,
        beginCaptures: { 1: { name: 'keyword.other.instruction.cmd.dockerfile' } },
        end: INSTR_END,
        patterns: [ref('line-continuation'), ref('continuation-comment'), ref('command')],
      },
    ]),
    'instruction-onbuild': instruction('ONBUILD', [ref('instructions')]),
    instructions: { patterns: INSTRUCTIONS.map((i) => ref(`instruction-${i.toLowerCase()}`)) },

    'instruction-copy': instruction('COPY', [
      ...heredocKinds(false).map((k) => ref(heredocKey(k))),
      ref('json-array'),
      ...args,
    ]),
    'instruction-add': instruction('ADD', [
      ...heredocKinds(false).map((k) => ref(heredocKey(k))),
      ref('json-array'),
      ...args,
    ]),
    'instruction-volume': instruction('VOLUME', [ref('json-array'), ...args]),
    'instruction-workdir': instruction('WORKDIR', args),
    'instruction-user': instruction('USER', args),
    'instruction-maintainer': instruction('MAINTAINER', args),

    'instruction-arg': instruction('ARG', [
      ref('flag'),
      {
        match: r`(?<=^|[ \t])(${NAME})(?:(=)|(?=\s))`,
        captures: {
          1: { name: 'variable.other.definition.dockerfile' },
          2: { name: 'keyword.operator.assignment.dockerfile' },
        },
      },
      ...args,
    ]),
    'instruction-env': instruction('ENV', [
      {
        // Legacy form: ENV KEY value with spaces
        begin: r`\G[ \t]+(${NAME})(?=[ \t]+[^\s=])`,
        beginCaptures: { 1: { name: 'variable.other.definition.dockerfile' } },
        end: SUB_END,
        patterns: [ref('line-continuation'), ref('continuation-comment'), ...args],
      },
      {
        match: r`(?<=^|[ \t])([A-Za-z_][A-Za-z0-9_.-]*)(=)`,
        captures: {
          1: { name: 'variable.other.definition.dockerfile' },
          2: { name: 'keyword.operator.assignment.dockerfile' },
        },
      },
      ...args,
    ]),
    'instruction-label': instruction('LABEL', [
      {
        match: r`(?<=^|[ \t])([A-Za-z0-9_][A-Za-z0-9_./-]*)(=)`,
        captures: {
          1: { name: 'entity.other.attribute-name.label.dockerfile' },
          2: { name: 'keyword.operator.assignment.dockerfile' },
        },
      },
      ...args,
      { match: '=', name: 'keyword.operator.assignment.dockerfile' },
    ]),
    'instruction-expose': instruction('EXPOSE', [
      ref('variable'),
      {
        match: r`(?<![\w$}.-])([0-9]+(?:-[0-9]+)?)(?:(/)([A-Za-z]+))?(?=\s)`,
        captures: {
          1: { name: 'constant.numeric.port.dockerfile' },
          2: { name: 'punctuation.separator.protocol.dockerfile' },
          3: { name: 'constant.language.protocol.dockerfile' },
        },
      },
      {
        match: r`(?<=\})(/)([A-Za-z]+)(?=\s)`,
        captures: {
          1: { name: 'punctuation.separator.protocol.dockerfile' },
          2: { name: 'constant.language.protocol.dockerfile' },
        },
      },
      ...args,
    ]),
    'instruction-stopsignal': instruction('STOPSIGNAL', [
      { match: r`(?<=[ \t])(?i:SIG)[A-Z0-9]+(?:[+-][0-9]+)?(?=\s)`, name: 'constant.language.signal.dockerfile' },
      { match: r`(?<=[ \t])[0-9]+(?=\s)`, name: 'constant.numeric.signal.dockerfile' },
      ...args,
    ]),
  };

  for (const script of [true, false]) {
    for (const k of heredocKinds(script)) repo[heredocKey(k)] = heredoc(k);
  }

  const out = {};
  for (const [key, value] of Object.entries(repo)) out[key + sfx] = value;
  return out;
}

function heredocKey({ dash, quoted, script }) {
  return `heredoc-${script ? 'script' : 'data'}${dash ? '-dash' : ''}${quoted ? '-quoted' : ''}`;
}

/** Rules that do not depend on the escape character. */
function sharedRules() {
  const directiveValue = {
    name: 'string.unquoted.directive-value.dockerfile',
  };
  const checkValue = {
    name: 'string.unquoted.directive-value.dockerfile',
    patterns: [
      {
        match: r`\b((?i:skip|error|experimental))(=)`,
        captures: {
          1: { name: 'support.type.property-name.directive-option.dockerfile' },
          2: { name: 'keyword.operator.assignment.dockerfile' },
        },
      },
      { match: r`\b(?i:true|false)\b`, name: 'constant.language.boolean.dockerfile' },
      { match: r`\b(?i:all)\b`, name: 'constant.language.all.dockerfile' },
      { match: r`\b[A-Za-z][A-Za-z0-9]*\b`, name: 'constant.other.rule-code.dockerfile' },
      { match: '[,;]', name: 'punctuation.separator.directive-option.dockerfile' },
    ],
  };
  const directiveCaptures = (value) => ({
    1: { name: 'punctuation.definition.directive.dockerfile' },
    2: { name: 'keyword.control.directive.dockerfile' },
    3: { name: 'keyword.operator.assignment.dockerfile' },
    4: value,
  });
  const directiveLines = [
    {
      name: 'meta.directive.parser.dockerfile',
      match: r`^[ \t]*(#)[ \t]*((?i:check))[ \t]*(=)[ \t]*(.*?)[ \t]*$`,
      captures: directiveCaptures(checkValue),
    },
    {
      name: 'meta.directive.parser.dockerfile',
      match: r`^[ \t]*(#)[ \t]*((?i:syntax|escape))[ \t]*(=)[ \t]*(.*?)[ \t]*$`,
      captures: directiveCaptures(directiveValue),
    },
  ];

  return {
    // Only a block of directives starting on line 1 counts (\A = first line).
    'parser-directives': {
      begin: r`\A(?=${DIRECTIVE_AHEAD})`,
      end: r`^(?!${DIRECTIVE_AHEAD})`,
      patterns: [include('escape-backtick'), include('directive-line')],
    },
    'directive-line': { patterns: directiveLines },
    // `# escape=`` ` switches the rest of the file to the backtick rule set.
    'escape-backtick': {
      begin: r`^[ \t]*(#)[ \t]*((?i:escape))[ \t]*(=)[ \t]*(${'`'})[ \t]*$`,
      beginCaptures: {
        0: { name: 'meta.directive.parser.dockerfile' },
        ...directiveCaptures(directiveValue),
      },
      end: r`(?!)`,
      patterns: [
        {
          // remaining directives right after the escape directive
          begin: r`\G`,
          end: r`^(?!${DIRECTIVE_AHEAD})`,
          patterns: [include('directive-line')],
        },
        include('main-bt'),
      ],
    },

    // Never matches. TextMate engines find the grammars to load by walking
    // `patterns`/`include`, not capture patterns, so without this visible
    // include source.shell would not be loaded for the captures that use it.
    'shell-grammar-dependency': {
      begin: '(?!)',
      end: '(?!)',
      patterns: [{ include: 'source.shell' }],
    },

    comment: {
      match: r`^[ \t]*((#).*)$`,
      captures: {
        1: { name: 'comment.line.number-sign.dockerfile' },
        2: { name: 'punctuation.definition.comment.dockerfile' },
      },
    },
    // # hadolint ignore=DL3008,DL3015   # hadolint global ignore=DL3003   # hadolint shell=bash
    'hadolint-pragma': {
      name: 'comment.line.number-sign.dockerfile meta.pragma.hadolint.dockerfile',
      begin: r`^[ \t]*(#)[ \t]*((?i:hadolint))(?=[ \t])`,
      beginCaptures: {
        1: { name: 'punctuation.definition.comment.dockerfile' },
        2: { name: 'keyword.other.pragma.hadolint.dockerfile' },
      },
      end: '$',
      patterns: [
        { match: r`(?<=[ \t])(?i:global)(?=[ \t])`, name: 'storage.modifier.pragma.global.dockerfile' },
        {
          match: r`(?<=[ \t])((?i:ignore))[ \t]*(=)`,
          captures: {
            1: { name: 'keyword.other.pragma.command.dockerfile' },
            2: { name: 'keyword.operator.assignment.dockerfile' },
          },
        },
        {
          match: r`(?<=[ \t])((?i:shell))[ \t]*(=)[ \t]*(\S*)`,
          captures: {
            1: { name: 'keyword.other.pragma.command.dockerfile' },
            2: { name: 'keyword.operator.assignment.dockerfile' },
            3: { name: 'string.unquoted.pragma-value.dockerfile' },
          },
        },
        { match: r`\b[A-Z]{2,}[0-9]+\b`, name: 'constant.other.rule-code.dockerfile' },
        { match: ',', name: 'punctuation.separator.rule-code.dockerfile' },
      ],
    },
  };
}

export function buildGrammar() {
  const repository = {
    ...sharedRules(),
    ...modeRules({ suffix: '', escape: r`\\` }),
    ...modeRules({ suffix: '-bt', escape: '`' }),
  };
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Dockerfile',
    scopeName: 'source.dockerfile.explained',
    comment: 'Generated by syntaxes/build-dockerfile-grammar.mjs; edit that file, not this one.',
    fileTypes: ['Dockerfile', 'Containerfile', 'dockerfile', 'containerfile'],
    patterns: [include('parser-directives'), include('main')],
    repository,
  };
}

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, 'dockerfile.tmLanguage.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = JSON.stringify(buildGrammar(), null, 2) + '\n';
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(`${target} is out of date: run node syntaxes/build-dockerfile-grammar.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
}
