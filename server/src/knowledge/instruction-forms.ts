/**
 * The forms each instruction is written in, as data: what comes after the keyword (flags,
 * then arguments), in the notation of Docker's reference (`COPY [--chown=<user>[:<group>]]
 * <src>… <dest>`), with one line per parameter; and the snippets completion inserts for a
 * keyword. Signature help renders the forms; the flags come from `flags.ts`.
 */
import { FLAGS, MOUNT_OPTIONS, MOUNT_TYPES, type FlagInfo, type MountType, type MountOption, type Keyword } from './flags';

export interface ParamSpec {
  label: string;
  /** One line: what goes there. */
  doc: string;
}

/**
 * How the arguments after the flags map to the parameters:
 * - `seq`: the n-th argument is the n-th parameter, the last parameter takes the rest;
 * - `srcdest`: the last of several arguments is the last parameter, the others the first.
 */
export type ArgMap = 'seq' | 'srcdest';

export interface FormSpec {
  /** `shell form`, `exec form`… */
  name: string;
  /** Whether the instruction's flags come before the arguments in this form. */
  flags: boolean;
  /** Arguments written as a JSON array. */
  exec?: boolean;
  params: ParamSpec[];
  map: ArgMap;
  /** One line: what the form does. */
  doc: string;
}

const p = (label: string, doc: string): ParamSpec => ({ label, doc });
const EXEC_CMD = [p('"<executable>"', 'The program to run, without a shell.'), p('"<param>"…', 'Its arguments, one string each.')];

/** The forms of every instruction, in the order signature help lists them. */
export const FORMS: Readonly<Record<Keyword, readonly FormSpec[]>> = {
  FROM: [
    {
      name: 'base image',
      flags: true,
      map: 'seq',
      doc: 'Starts a build stage from an image or an earlier stage.',
      params: [p('<image>', 'Image `name[:tag][@digest]`, an earlier stage, or `scratch`.'), p('[AS <name>]', 'Names the stage for `COPY --from`, `FROM` and `--target`.')],
    },
  ],
  RUN: [
    { name: 'shell form', flags: true, map: 'seq', doc: 'Runs a command in the shell (`/bin/sh -c` unless SHELL says otherwise).', params: [p('<command>', 'Shell command line; `&&` joins steps, heredocs (`<<EOF`) hold scripts.')] },
    { name: 'exec form', flags: true, exec: true, map: 'seq', doc: 'Runs a program directly, without a shell.', params: EXEC_CMD },
  ],
  CMD: [
    { name: 'exec form', flags: false, exec: true, map: 'seq', doc: 'Default program of the container, run without a shell (preferred).', params: EXEC_CMD },
    { name: 'parameters for ENTRYPOINT', flags: false, exec: true, map: 'seq', doc: 'Default arguments appended to the ENTRYPOINT.', params: [p('"<param>"…', 'Default arguments for the ENTRYPOINT.')] },
    { name: 'shell form', flags: false, map: 'seq', doc: 'Default command, run by `/bin/sh -c` (signals reach the shell, not the program).', params: [p('<command>', 'Shell command line.')] },
  ],
  LABEL: [
    {
      name: 'key=value',
      flags: false,
      map: 'seq',
      doc: 'Adds metadata to the image.',
      params: [p('<key>=<value>', 'Label key (`org.opencontainers.image.*` keys are standard) and value; quote values with spaces.'), p('[<key>=<value>…]', 'More labels.')],
    },
  ],
  MAINTAINER: [{ name: 'deprecated', flags: false, map: 'seq', doc: 'Deprecated: use `LABEL org.opencontainers.image.authors=…`.', params: [p('<name>', 'Author of the image.')] }],
  EXPOSE: [
    {
      name: 'ports',
      flags: false,
      map: 'seq',
      doc: 'Documents the ports the container listens on (publishing them is `docker run -p`).',
      params: [p('<port>[/<protocol>]', 'Port or range (`8000-8010`), `tcp` (default) or `udp`.'), p('[<port>[/<protocol>]…]', 'More ports.')],
    },
  ],
  ENV: [
    { name: 'key=value', flags: false, map: 'seq', doc: 'Sets environment variables for the next steps and the container.', params: [p('<key>=<value>', 'Variable and value; quote values with spaces.'), p('[<key>=<value>…]', 'More variables.')] },
    { name: 'legacy form', flags: false, map: 'seq', doc: 'One variable; everything after the name is its value (LegacyKeyValueFormat).', params: [p('<key>', 'Variable name.'), p('<value>', 'The rest of the line.')] },
  ],
  ADD: [
    { name: 'paths', flags: true, map: 'srcdest', doc: 'Adds files, URLs or Git repositories; extracts local tar archives.', params: [p('<src>…', 'Context paths (wildcards allowed), URLs or Git repositories.'), p('<dest>', 'Destination in the image; ends with `/` for several sources.')] },
    { name: 'exec form', flags: true, exec: true, map: 'srcdest', doc: 'The same, for paths with spaces.', params: [p('"<src>"…', 'Source paths or URLs.'), p('"<dest>"', 'Destination in the image.')] },
  ],
  COPY: [
    { name: 'paths', flags: true, map: 'srcdest', doc: 'Copies files from the build context, a stage or an image.', params: [p('<src>…', 'Paths in the context (or in `--from`); wildcards allowed.'), p('<dest>', 'Destination in the image; ends with `/` for several sources.')] },
    { name: 'exec form', flags: true, exec: true, map: 'srcdest', doc: 'The same, for paths with spaces.', params: [p('"<src>"…', 'Source paths.'), p('"<dest>"', 'Destination in the image.')] },
  ],
  ENTRYPOINT: [
    { name: 'exec form', flags: false, exec: true, map: 'seq', doc: 'The program the container runs; CMD supplies its default arguments (preferred form).', params: EXEC_CMD },
    { name: 'shell form', flags: false, map: 'seq', doc: 'Runs through `/bin/sh -c`: CMD and `docker run` arguments are ignored.', params: [p('<command>', 'Shell command line.')] },
  ],
  VOLUME: [
    { name: 'exec form', flags: false, exec: true, map: 'seq', doc: 'Declares mount points for external volumes.', params: [p('"<path>"', 'Mount point in the container.'), p('"<path>"…', 'More mount points.')] },
    { name: 'paths', flags: false, map: 'seq', doc: 'Declares mount points for external volumes.', params: [p('<path>', 'Mount point in the container.'), p('[<path>…]', 'More mount points.')] },
  ],
  USER: [{ name: 'user', flags: false, map: 'seq', doc: 'User (and group) for the next steps and the container.', params: [p('<user>[:<group>]', 'Name or numeric UID, optionally a group name or GID.')] }],
  WORKDIR: [{ name: 'path', flags: false, map: 'seq', doc: 'Working directory for the next steps and the container; created if missing.', params: [p('<path>', 'Absolute path (relative paths build on the previous WORKDIR).')] }],
  ARG: [
    {
      name: 'build argument',
      flags: false,
      map: 'seq',
      doc: 'Declares a build argument, set with `docker build --build-arg`.',
      params: [p('<name>[=<default value>]', 'Argument name and optional default.'), p('[<name>[=<default value>]…]', 'More arguments.')],
    },
  ],
  ONBUILD: [{ name: 'trigger', flags: false, map: 'seq', doc: 'Runs an instruction when another build uses this image as its base.', params: [p('<INSTRUCTION>', 'Any instruction but ONBUILD, FROM and MAINTAINER.')] }],
  STOPSIGNAL: [{ name: 'signal', flags: false, map: 'seq', doc: 'Signal `docker stop` sends to the container.', params: [p('<signal>', 'Name (`SIGTERM`, `SIGQUIT`…) or number.')] }],
  HEALTHCHECK: [
    { name: 'check', flags: true, map: 'seq', doc: 'How Docker tests that the container still works.', params: [p('CMD', 'The check follows.'), p('<command>', 'Command that exits 0 when healthy, 1 when not (shell or exec form).')] },
    { name: 'none', flags: false, map: 'seq', doc: 'Turns off a health check inherited from the base image.', params: [p('NONE', 'No health check.')] },
  ],
  SHELL: [{ name: 'exec form', flags: false, exec: true, map: 'seq', doc: 'Shell for the shell form of RUN, CMD and ENTRYPOINT.', params: [p('"<executable>"', 'The shell.'), p('"<parameter>"…', 'Its options, ending with the one that takes a command (`-c`).')] }],
};

/** The placeholder of a flag's value, as in Docker's reference. */
export function flagPlaceholder(f: FlagInfo): string {
  if (f.values) return f.values.join('|');
  switch (f.value) {
    case 'platform':
      return '<platform>';
    case 'mount':
      return '<mount>';
    case 'device':
      return '<device>[,required]';
    case 'source':
      return '<stage|image|context>';
    case 'chown':
      return '<user>[:<group>]';
    case 'chmod':
      return '<perms>';
    case 'checksum':
      return '<digest>';
    case 'pattern':
      return '<pattern>';
    case 'duration':
      return '<duration>';
    case 'integer':
      return '<n>';
    case 'boolean':
      return 'true|false';
    default:
      return '<value>';
  }
}

/** A flag as a parameter of its instruction's form: `[--chown=<user>[:<group>]]`, `[--link]`, `[--mount=<mount>]…`. */
export function flagParamLabel(f: FlagInfo): string {
  const body = f.kind === 'bool' ? `--${f.name}` : `--${f.name}=${flagPlaceholder(f)}`;
  return `[${body}]${f.kind === 'strings' ? '…' : ''}`;
}

/** The flags of an instruction, in the order of the table. */
export function formFlags(keyword: string): FlagInfo[] {
  return FLAGS.filter((f) => f.instruction === keyword);
}

// ---------------------------------------------------------------------------------------
// RUN --mount, one form per mount type

/** The placeholder of a mount option's value. */
function mountPlaceholder(o: MountOption): string {
  switch (o.value) {
    case 'path':
      return '<path>';
    case 'name':
      return '<id>';
    case 'source':
      return '<stage|image|context>';
    case 'octal':
      return '<octal>';
    case 'uint':
      return '<n>';
    case 'size':
      return '<size>';
    case 'sharing':
      return 'shared|private|locked';
    case 'env':
      return '<NAME>';
    default:
      return '<value>';
  }
}

export interface MountForm {
  type: MountType;
  /** `type=cache`, `,target=<path>`, `[,id=<id>]`… */
  params: { key: string; label: string; doc: string }[];
  doc: string;
}

/** Types whose target is required. */
const TARGET_REQUIRED = new Set<MountType>(['bind', 'cache', 'tmpfs']);

/** The options of each mount type, as `--mount=` forms: type first, then target, then the others. */
export function mountForms(): MountForm[] {
  return MOUNT_TYPES.map(({ type, summary }) => {
    const params: MountForm['params'] = [{ key: 'type', label: `type=${type}`, doc: summary }];
    for (const o of MOUNT_OPTIONS) {
      const key = o.names[0];
      if (key === 'type' || !o.types.includes(type)) continue;
      const written = o.bare ? (key === 'readonly' ? 'ro' : key === 'readwrite' ? 'rw' : key) : `${key}=${mountPlaceholder(o)}`;
      const required = key === 'target' && TARGET_REQUIRED.has(type);
      params.push({ key, label: required ? `,${written}` : `[,${written}]`, doc: o.summary });
    }
    return { type, params, doc: summary };
  });
}

// ---------------------------------------------------------------------------------------
// Keyword snippets

export interface KeywordSnippet {
  keyword: Keyword;
  /** The item's label, when it is not the keyword alone (`FROM … AS …`). */
  label?: string;
  /** Snippet text after the keyword and a space (LSP snippet syntax). */
  snippet: string;
  /** Plain text after the keyword for clients without snippets; undefined when the item needs a snippet. */
  plain?: string;
}

export const KEYWORD_SNIPPETS: readonly KeywordSnippet[] = [
  { keyword: 'FROM', snippet: '${1:image}', plain: '' },
  { keyword: 'FROM', label: 'FROM … AS …', snippet: '${1:image} AS ${2:name}' },
  { keyword: 'ARG', snippet: '${1:name}', plain: '' },
  { keyword: 'ARG', label: 'ARG …=…', snippet: '${1:name}=${2:default}' },
  { keyword: 'RUN', snippet: '${1:command}', plain: '' },
  { keyword: 'COPY', snippet: '${1:source} ${2:dest}', plain: '' },
  { keyword: 'ADD', snippet: '${1:source} ${2:dest}', plain: '' },
  { keyword: 'WORKDIR', snippet: '${1:/app}', plain: '' },
  { keyword: 'ENV', snippet: '${1:key}=${2:value}', plain: '' },
  { keyword: 'USER', snippet: '${1:user}', plain: '' },
  { keyword: 'EXPOSE', snippet: '${1:port}', plain: '' },
  { keyword: 'CMD', snippet: '["${1:executable}"${2:, "${3:param}"}]', plain: '' },
  { keyword: 'ENTRYPOINT', snippet: '["${1:executable}"${2:, "${3:param}"}]', plain: '' },
  { keyword: 'LABEL', snippet: '${1:key}="${2:value}"', plain: '' },
  { keyword: 'HEALTHCHECK', snippet: '--interval=${1:30s} --timeout=${2:5s} CMD ${3:command}', plain: '' },
  { keyword: 'HEALTHCHECK', label: 'HEALTHCHECK NONE', snippet: 'NONE', plain: 'NONE' },
  { keyword: 'VOLUME', snippet: '["${1:/data}"]', plain: '' },
  { keyword: 'SHELL', snippet: '["${1:/bin/bash}", "${2:-o}", "${3:pipefail}", "${4:-c}"]', plain: '' },
  { keyword: 'STOPSIGNAL', snippet: '${1:SIGTERM}', plain: '' },
  { keyword: 'ONBUILD', snippet: '$0', plain: '' },
  { keyword: 'MAINTAINER', snippet: '${1:name}', plain: '' },
];
