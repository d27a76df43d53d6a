/**
 * Hover for instruction arguments: HEALTHCHECK option values (`--interval=30s`, `--retries=3`),
 * EXPOSE ports (`5500`, `80/tcp`, `53/udp`, `8000-8010`), the USER (`appuser:appgroup`,
 * `1000:1000`, `root`), the WORKDIR path (resolved against the previous WORKDIR) and the
 * STOPSIGNAL. Each says what the value means for the image and the container, and why one would
 * choose it. Well-known ports and signals come from `server/docs/arguments/*.md`.
 * (`HEALTHCHECK CMD`/`NONE` and the option names themselves are explained elsewhere.)
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { HoverAnswer, HoverProvider, HoverQuery } from './types';
import { stageChain, type DocModel, type Instruction, type Stage } from '../model/document';
import { contains } from '../model/text';
import { expand, lookupAt } from '../model/variables';
import { baseName, type ShellCommand } from '../model/shell';
import { builderText, builderRange } from '../rules/util';
import { parseGoDuration } from '../knowledge/flags';
import { markdownSections } from './variables';
import PORTS from '../../docs/arguments/ports.md';
import SIGNALS from '../../docs/arguments/signals.md';

const line = (ins: Instruction) => ins.range.start.line + 1;

// ---------------------------------------------------------------------------------------
// Data

let ports: Map<number, { summary: string; advice?: string }> | undefined;
let signals: Map<string, { number?: number; text: string }> | undefined;

function portInfo(port: number): { summary: string; advice?: string } | undefined {
  ports ??= new Map(
    markdownSections(PORTS)
      .filter((s) => /^\d+$/.test(s.heading))
      .map((s) => {
        const [summary, ...rest] = s.body.split(/\n\s*\n/);
        return [Number(s.heading), { summary: summary.trim(), advice: rest.join('\n\n').trim() || undefined }];
      }),
  );
  return ports.get(port);
}

function signalInfo(name: string): { number?: number; text: string } | undefined {
  signals ??= new Map(
    markdownSections(SIGNALS).map((s) => {
      const m = /^Number:\s*(\d+)[^.]*\.\s*/.exec(s.body);
      return [s.heading.toUpperCase(), { number: m ? Number(m[1]) : undefined, text: m ? s.body.slice(m[0].length).trim() : s.body }];
    }),
  );
  return signals.get(name);
}

/** Linux signal numbers (x86-64 and Arm) of the names the builder knows. */
const SIGNAL_NUMBERS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, IOT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13,
  ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24,
  XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, POLL: 29, PWR: 30, SYS: 31, RTMIN: 34, RTMAX: 64,
};

// ---------------------------------------------------------------------------------------
// Shared helpers

/** The arguments of an instruction as the builder reads them (continuations joined), with variables expanded where known. */
function argumentText(model: DocModel, ins: Instruction): { raw: string; value: string; complete: boolean; range: Range } | undefined {
  const bt = builderText(model, ins);
  const raw = bt.text.slice(bt.argsStart).trim();
  if (!raw) return undefined;
  const start = bt.argsStart + bt.text.slice(bt.argsStart).indexOf(raw);
  const range = builderRange(model, bt, start, start + raw.length);
  const unquoted = raw.replace(/^(["'])(.*)\1$/s, '$2');
  if (!raw.includes('$') || ins.onbuild) return { raw, value: unquoted, complete: !raw.includes('$'), range };
  const e = expand(unquoted, lookupAt(model, ins), model.escapeChar);
  return { raw, value: e.value, complete: e.complete && !e.undefinedNames.length, range };
}

/** The instructions of a stage's chain, oldest ancestor first, up to (not including) index `limit` in `stage`. */
function chainInstructions(stage: Stage, limit: number): Instruction[] {
  const out: Instruction[] = [];
  for (const s of stageChain(stage).reverse()) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= limit) break;
      out.push(i);
    }
  }
  return out;
}

/** The USER in effect before index `limit` of a stage (inherited through `FROM <stage>`). */
function userBefore(model: DocModel, stage: Stage, limit: number): { user: string; ins: Instruction } | undefined {
  // Backwards from `limit`, then through the ancestors: no copy of a long chain per hover.
  for (const s of stageChain(stage)) {
    const list = s.instructions;
    for (let k = s === stage ? firstAtOrAfter(list, limit) - 1 : list.length - 1; k >= 0; k--) {
      const i = list[k];
      if (i.keyword !== 'USER') continue;
      const a = argumentText(model, i);
      if (a) return { user: a.value, ins: i };
    }
  }
  return undefined;
}

const finalUsers = new WeakMap<Stage, { user: string; ins: Instruction } | null>();
/** The USER a stage's container runs as (its last one, inherited through `FROM <stage>`); once per stage, as a long stage has many EXPOSE lines. */
function finalUser(model: DocModel, stage: Stage): { user: string; ins: Instruction } | undefined {
  let u = finalUsers.get(stage);
  if (u === undefined) finalUsers.set(stage, (u = userBefore(model, stage, Infinity) ?? null));
  return u ?? undefined;
}

/** Position of the first instruction whose index is at least `limit` (a stage's list is in document order). */
function firstAtOrAfter(list: Instruction[], limit: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].index < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isRoot = (user: string) => /^(?:root|0)(?::|$)/.test(user.trim());

const code = (s: string) => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

function answer(title: string, lines: (string | undefined)[], bullets: string[], range: Range): HoverAnswer {
  const parts = [title, ...lines.filter((l): l is string => !!l)];
  if (bullets.length) parts.push(bullets.map((b) => `- ${b}`).join('\n'));
  return { markdown: parts.join('\n\n'), range };
}

// ---------------------------------------------------------------------------------------
// HEALTHCHECK options

const HEALTH_DEFAULTS: Record<string, number> = { interval: 30e9, timeout: 30e9, 'start-period': 0, 'start-interval': 5e9 };

/** A duration in words: `90 seconds (1 min 30 s)`, `500 milliseconds`. */
export function durationWords(ns: number): string {
  if (ns === 0) return '0 seconds';
  if (ns < 1e6) return `${+(ns / 1e3).toFixed(3)} microseconds`;
  if (ns < 1e9) return `${+(ns / 1e6).toFixed(3)} milliseconds`;
  const s = ns / 1e9;
  const secs = `${+s.toFixed(3)} second${s === 1 ? '' : 's'}`;
  if (s < 60) return secs;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = +(s % 60).toFixed(3);
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', rest ? `${rest} s` : ''].filter(Boolean);
  return `${secs} (${parts.join(' ')})`;
}

function healthcheckHover(model: DocModel, ins: Instruction, pos: Position): HoverAnswer | undefined {
  const flag = ins.flags.find((f) => f.valueRange && contains(f.valueRange, pos));
  if (!flag || flag.value === null) return undefined;
  const name = flag.name;
  const value = flag.value;
  const title = `**HEALTHCHECK --${name}=${value}**`;
  const range = flag.valueRange!;
  const lines: string[] = [];
  const bullets: string[] = [];
  const none = ins.args[0]?.value.toUpperCase() === 'NONE';

  if (name === 'retries') {
    if (!/^\d+$/.test(value)) {
      lines.push(`⚠ ${code(value)} is not a whole number: the builder rejects it. Write a count such as \`3\`.`);
    } else {
      const n = Number(value);
      lines.push(
        n === 0
          ? 'Retries `0`: the default applies, `3` failed checks in a row.'
          : `The container is marked \`unhealthy\` after ${n} failed check${n === 1 ? '' : 's'} in a row; a single success resets the count. Default: 3.`,
      );
      if (n === 1) bullets.push('With 1, a single slow or failed check flips the status: a short network hiccup or a busy moment is enough.');
    }
  } else if (name in HEALTH_DEFAULTS) {
    if (value.includes('$')) {
      lines.push(`⚠ The builder does not expand variables in \`HEALTHCHECK\` options: ${code(value)} is not a duration.`);
      return answer(title, lines, bullets, range);
    }
    const d = parseGoDuration(value);
    if (!d.ok) {
      const why =
        d.problem === 'missing-unit'
          ? `it has no unit: write \`${value}s\` for seconds (units: \`ms\`, \`s\`, \`m\`, \`h\`)`
          : d.problem === 'unknown-unit'
            ? `\`${d.unit}\` is not a unit (use \`ms\`, \`s\`, \`m\` or \`h\`)`
            : 'it is not a duration such as `30s` or `1m30s`';
      lines.push(`⚠ ${code(value)} is not a valid duration: ${why}. The builder rejects it.`);
      return answer(title, lines, bullets, range);
    }
    const def = durationWords(HEALTH_DEFAULTS[name]);
    const words = durationWords(d.ns);
    const short = words.replace(/ \(.*/, '');
    if (d.ns < 0) lines.push(`⚠ A negative duration: the builder rejects it.`);
    else if (d.ns === 0) lines.push(`\`0\` means "use the default": ${def}.`);
    else {
      switch (name) {
        case 'interval':
          lines.push(`${cap(words)} between checks: the first check runs ${short} after the container starts, each next one ${short} after the previous check ends. Default: ${def}.`);
          if (d.ns < 5e9) bullets.push('A very short interval runs the check command constantly, which costs CPU in every container of this image.');
          break;
        case 'timeout':
          lines.push(`A check that takes longer than ${words} is stopped and counts as a failure. Default: ${def}.`);
          break;
        case 'start-period':
          lines.push(
            `During the first ${words} after the container starts, failed checks do not count towards \`--retries\`; the first successful check ends this grace period and marks the container \`healthy\`. Default: ${def} (no grace period).`,
          );
          bullets.push('Set it to the usual start-up time of the app (migrations, cache warm-up), so a slow start is not reported as `unhealthy`.');
          break;
        case 'start-interval':
          lines.push(
            `During the start period, checks run every ${words} instead of every \`--interval\`, so a quick start turns \`healthy\` sooner. Default: ${def}. Needs Dockerfile syntax 1.6 or later and Docker Engine 25.0 or later.`,
          );
          break;
      }
      if (d.ns > 0 && d.ns < 1e6) lines.push('⚠ Below the minimum of 1 millisecond: Docker rejects it.');
    }
  } else {
    return undefined;
  }
  // What the options add up to.
  const opt = (n: string) => {
    const f = ins.flags.find((x) => x.name === n);
    if (!f || f.value === null) return n === 'retries' ? 3 : HEALTH_DEFAULTS[n];
    if (n === 'retries') return /^\d+$/.test(f.value) ? Number(f.value) || 3 : undefined;
    const d = parseGoDuration(f.value);
    return d.ok && d.ns >= 0 ? d.ns || HEALTH_DEFAULTS[n] : undefined;
  };
  const interval = opt('interval');
  const timeout = opt('timeout');
  const retries = opt('retries');
  if (!none && interval !== undefined && timeout !== undefined && retries !== undefined && name !== 'start-interval') {
    bullets.push(
      `With these settings, an app that stops answering is reported \`unhealthy\` after roughly ${retries} × (${durationWords(interval).replace(/ \(.*/, '')} + ${durationWords(timeout).replace(/ \(.*/, '')}) ≈ ${durationWords(retries * (interval + timeout)).replace(/ \(.*/, '')}.`,
    );
  }
  if (none) bullets.push('⚠ `HEALTHCHECK NONE` ignores its options: it only switches off a check inherited from the base image.');
  bullets.push(
    'Docker shows the status in `docker ps` and Compose can wait for it (`depends_on: condition: service_healthy`), but Docker does not restart an unhealthy container by itself; Kubernetes ignores `HEALTHCHECK` and uses its own probes.',
  );
  return answer(title, lines, bullets, range);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------
// EXPOSE

function exposeHover(model: DocModel, ins: Instruction, pos: Position): HoverAnswer | undefined {
  const word = ins.args.find((a) => contains(a.range, pos));
  if (!word) return undefined;
  let spec = word.value;
  let note: string | undefined;
  if (spec.includes('$')) {
    if (ins.onbuild) return undefined;
    const e = expand(spec, lookupAt(model, ins), model.escapeChar);
    if (!e.complete || e.undefinedNames.length) {
      return answer(
        `**EXPOSE ${word.value}**`,
        ['The port comes from a variable whose value is known only when building (a `--build-arg`, or the base image).'],
        ['Documents the port, publishes nothing: the container is reached with `docker run -p <host>:<container>` or `-P`.'],
        word.range,
      );
    }
    note = `\`${word.value}\` is \`${e.value}\` here.`;
    spec = e.value.trim();
  }
  const parts = spec.split(':');
  const container = parts[parts.length - 1];
  const m = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(container);
  const title = `**EXPOSE ${spec}**`;
  if (!m) {
    return answer(title, [note, `⚠ ${code(spec)} is not a port: write a number (\`8080\`), optionally with \`/tcp\`, \`/udp\` or \`/sctp\`, or a range (\`8000-8010\`).`], [], word.range);
  }
  const from = Number(m[1]);
  const to = m[2] !== undefined ? Number(m[2]) : from;
  const proto = (m[3] ?? 'tcp').toLowerCase();
  const lines: (string | undefined)[] = [note];
  const bullets: string[] = [];
  if (!['tcp', 'udp', 'sctp'].includes(proto)) lines.push(`⚠ \`${m[3]}\` is not a protocol: use \`tcp\`, \`udp\` or \`sctp\`.`);
  if (from < 1 || to > 65535 || to < from) lines.push('⚠ Ports go from 1 to 65535, and a range from low to high.');
  const what = from === to ? `${proto.toUpperCase()} port ${from}` : `${proto.toUpperCase()} ports ${from} to ${to} (${to - from + 1} ports)`;
  const info = portInfo(from);
  lines.push(`${what}${info ? ` — ${info.summary}` : '.'}`);
  if (info?.advice) bullets.push(info.advice);
  const p = from === to ? `${from}` : `${from}-${to}`;
  const publish = `${p}:${p}${proto === 'tcp' ? '' : `/${proto}`}`;
  bullets.push(
    `Documents the port, publishes nothing: use \`docker run -p ${publish}\` (host:container), or \`-P\` to publish every exposed port on a random host port. Compose: \`ports: ["${publish}"]\`.`,
  );
  if (!m[3]) bullets.push('No protocol given: TCP. Add `/udp` (on its own line or as another argument) if the service also answers on UDP.');
  if (parts.length > 1) {
    bullets.push(`⚠ \`${parts.slice(0, -1).join(':')}:\` is a host part: \`EXPOSE\` ignores it, the host side is chosen by \`docker run -p\`.`);
  }
  if (from < 1024) {
    const stage = ins.stage;
    const user = stage ? finalUser(model, stage) : undefined;
    const who =
      user && !isRoot(user.user)
        ? ` This stage runs as \`${user.user}\` (\`USER\` on line ${line(user.ins)}), so it is concerned.`
        : '';
    bullets.push(
      `Port ${from} is below 1024, a privileged port: a process that is not root needs the \`CAP_NET_BIND_SERVICE\` capability to listen on it.${who} Docker Engine 20.10 and later allow any user to bind low ports inside a container, Kubernetes and other runtimes may not. ${from === 80 || from === 443 ? `Listening on \`${from === 80 ? 8080 : 8443}\` inside the container and publishing \`-p ${from}:${from === 80 ? 8080 : 8443}\`` : `Listening on a port above 1024 inside the container and publishing it as \`-p ${from}:<that port>\``} avoids the question.`,
    );
  }
  return answer(title, lines, bullets, word.range);
}


// ---------------------------------------------------------------------------------------
// USER

/** Options of useradd/adduser/groupadd/addgroup that take a value in the next word. */
const VALUE_OPTIONS = new Set([
  '-b', '-c', '-d', '-e', '-f', '-g', '-G', '-k', '-K', '-p', '-R', '-P', '-s', '-u', '-Z', '-h',
  '--base-dir', '--comment', '--home-dir', '--home', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key',
  '--password', '--root', '--prefix', '--shell', '--uid', '--selinux-user', '--ingroup', '--gecos', '--firstuid', '--lastuid',
  '--firstgid', '--lastgid', '--conf',
]);

export interface Created {
  name: string;
  id?: string;
  cmd: string;
  ins: Instruction;
}

/** The users and groups created by `useradd`/`adduser` and `groupadd`/`addgroup` in RUN steps of a stage chain before `limit`. */
export function createdAccounts(stage: Stage, limit: number): { users: Created[]; groups: Created[] } {
  const users: Created[] = [];
  const groups: Created[] = [];
  for (const ins of chainInstructions(stage, limit)) {
    if (ins.keyword !== 'RUN') continue;
    const sh = ins.shell;
    if (!sh) continue;
    for (const cmd of sh.commands) {
      const base = baseName(cmd);
      const isUser = base === 'useradd' || base === 'adduser';
      const isGroup = base === 'groupadd' || base === 'addgroup';
      if (!isUser && !isGroup) continue;
      const c = accountOf(cmd, base);
      if (!c) continue;
      (isUser ? users : groups).push({ ...c, cmd: base, ins });
    }
  }
  return { users, groups };
}

function accountOf(cmd: ShellCommand, base: string): { name: string; id?: string } | undefined {
  let name: string | undefined;
  let id: string | undefined;
  const args = cmd.args.map((a) => a.text);
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--') continue;
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      const opt = eq > 0 ? a.slice(0, eq) : a;
      const idOption = opt === '-u' || opt === '--uid' || ((base === 'groupadd' || base === 'addgroup') && (opt === '-g' || opt === '--gid'));
      if (eq > 0) {
        if (idOption) id = a.slice(eq + 1);
        continue;
      }
      if (/^-[ug]\d+$/.test(a) && (a[1] === 'u' || base === 'groupadd' || base === 'addgroup')) id = a.slice(2);
      if (VALUE_OPTIONS.has(a)) {
        if (idOption) id = args[k + 1];
        k++;
      }
      continue;
    }
    name ??= a;
  }
  return name ? { name, id } : undefined;
}

/** Users that common base images ship with. */
const IMAGE_USERS: Record<string, string> = {
  nobody: 'exists in almost every base image (UID 65534)',
  node: 'comes with the official `node` images (UID 1000)',
  nonroot: 'comes with the distroless and Chainguard images (UID 65532)',
  'www-data': 'exists in Debian- and Alpine-based images, used by the `php` images (UID 33 on Debian, 82 on Alpine)',
  daemon: 'exists in most base images (UID 1 or 2)',
  nginx: 'comes with the official `nginx` images (UID 101)',
  postgres: 'comes with the official `postgres` images',
  redis: 'comes with the official `redis` images',
  mysql: 'comes with the official `mysql` images',
  gradle: 'comes with the official `gradle` images',
  app: 'comes with the .NET images since .NET 8 (UID 1654)',
};

function userHover(model: DocModel, ins: Instruction, pos: Position): HoverAnswer | undefined {
  const arg = argumentText(model, ins);
  if (!arg || !contains(arg.range, pos)) return undefined;
  const spec = arg.value.trim();
  const [user, group] = spec.split(':', 2) as [string, string | undefined];
  const title = `**USER ${spec}**`;
  const lines: (string | undefined)[] = [];
  const bullets: string[] = [];
  if (arg.raw.includes('$')) lines.push(arg.complete ? `\`${arg.raw}\` is \`${spec}\` here.` : `Depends on \`${arg.raw}\`, known only when building.`);
  const stage = ins.stage;
  const numeric = /^\d+$/.test(user);
  const root = user === 'root' || user === '0';
  const next = stage?.instructions.find((i) => i.keyword === 'USER' && i.index > ins.index);
  const laterStages = stage ? model.stages.filter((s) => s !== stage && stageChain(s).includes(stage)) : [];

  // Who this is.
  if (root) {
    lines.push(
      next
        ? `Switches to root (UID 0) for the steps up to the \`USER\` on line ${line(next)}, which switches back.`
        : 'Runs as root (UID 0), the default user: every later `RUN` and the container itself run with full control of the container\'s files.',
    );
    if (!next && stage === model.stages[model.stages.length - 1]) {
      lines.push('⚠ The image ends as root: add a `USER` with a non-root user after the steps that need root.');
    }
  } else if (numeric) {
    lines.push(
      `Runs as UID ${user}${group !== undefined ? ` and GID ${group}` : ''}. A numeric ID works even without an \`/etc/passwd\` entry (then \`HOME\` is \`/\` and tools show no name), and it is what Kubernetes \`runAsNonRoot\` can verify: with a user name it refuses to start the pod.`,
    );
  } else if (user) {
    lines.push(
      `Runs as the user \`${user}\`${group !== undefined ? ` with the primary group \`${group}\`` : ', with the primary group of its `/etc/passwd` entry'}. The name must exist in the image's \`/etc/passwd\`${group !== undefined && !/^\d+$/.test(group) ? ` (and the group in \`/etc/group\`)` : ''}, or the next \`RUN\` and the container fail with "unable to find user".`,
    );
  }
  bullets.push(
    `Applies to the following \`RUN\`, \`CMD\`, \`ENTRYPOINT\` and \`HEALTHCHECK\` commands${next ? ` until line ${line(next)}` : ''} and to the running container (\`docker run --user\` overrides it)${laterStages.length ? `, and to the stages built from this one (${laterStages.map((s) => (s.name ? `\`${s.name}\`` : `stage ${s.index + 1}`)).join(', ')})` : ''}. Files from \`COPY\`/\`ADD\` stay owned by root unless \`--chown\` says otherwise.`,
  );

  // Where the user comes from.
  if (stage && !root && user && arg.complete) {
    const { users, groups } = createdAccounts(stage, ins.index);
    const made = numeric ? users.find((u) => u.id === user) : users.find((u) => u.name === user);
    if (made) {
      const id = made.id && !numeric ? ` with UID ${made.id}` : numeric ? ` (\`${made.name}\`)` : '';
      bullets.push(`Created on line ${line(made.ins)} by \`${made.cmd}\`${id}.`);
      if (!numeric && made.id) bullets.push(`For Kubernetes \`runAsNonRoot\`, \`USER ${made.id}${group !== undefined ? `:${groups.find((g) => g.name === group)?.id ?? group}` : ''}\` names the same account by number.`);
    } else if (!numeric) {
      const known = IMAGE_USERS[user];
      bullets.push(
        known
          ? `No \`useradd\`/\`adduser\` for \`${user}\` in this stage or the stages it is built from; \`${user}\` ${known}.`
          : `⚠ No \`useradd\`/\`adduser\` creating \`${user}\` in this stage or the stages it is built from: the base image must already have it. Create it first, for example \`RUN useradd --create-home --uid 1000 ${user}\` (Alpine: \`adduser -D -u 1000 ${user}\`).`,
      );
    }
    if (group !== undefined && !/^\d+$/.test(group)) {
      const g = groups.find((x) => x.name === group);
      if (g) bullets.push(`Group \`${group}\` created on line ${line(g.ins)} by \`${g.cmd}\`${g.id ? ` with GID ${g.id}` : ''}.`);
      else if (!users.some((u) => u.name === group)) bullets.push(`No \`groupadd\`/\`addgroup\` for \`${group}\` found: the group must exist in the image's \`/etc/group\`.`);
    }
  }
  return answer(title, lines, bullets, arg.range);
}

// ---------------------------------------------------------------------------------------
// WORKDIR

/** POSIX path normalisation: `.` and `..` resolved, repeated slashes removed. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]|^\\/;

/** The working directory each WORKDIR of a stage chain sets, up to `upTo` (included). */
export function workdirs(model: DocModel, stage: Stage, upTo: number): { ins: Instruction; path: string; known: boolean }[] {
  const out: { ins: Instruction; path: string; known: boolean }[] = [];
  let cwd = '/';
  let known = true;
  for (const i of chainInstructions(stage, upTo + 1)) {
    if (i.keyword !== 'WORKDIR') continue;
    const a = argumentText(model, i);
    if (!a) continue;
    const p = a.value;
    if (WINDOWS_ABSOLUTE.test(p)) cwd = p;
    else if (p.startsWith('/')) cwd = normalize(p);
    else cwd = WINDOWS_ABSOLUTE.test(cwd) ? `${cwd.replace(/[\\/]$/, '')}\\${p}` : normalize(`${cwd}/${p}`);
    known = p.startsWith('/') || WINDOWS_ABSOLUTE.test(p) ? a.complete : known && a.complete;
    out.push({ ins: i, path: cwd, known });
  }
  return out;
}

function workdirHover(model: DocModel, ins: Instruction, pos: Position): HoverAnswer | undefined {
  const arg = argumentText(model, ins);
  if (!arg || !contains(arg.range, pos) || !ins.stage) return undefined;
  const stage = ins.stage;
  const list = workdirs(model, stage, ins.index);
  const mine = list[list.length - 1];
  const prev = list.length > 1 ? list[list.length - 2] : undefined;
  const path = arg.value;
  const absolute = path.startsWith('/') || WINDOWS_ABSOLUTE.test(path);
  const title = `**WORKDIR ${arg.raw}**`;
  const lines: (string | undefined)[] = [];
  const bullets: string[] = [];
  if (arg.raw.includes('$')) lines.push(arg.complete ? `\`${arg.raw}\` is \`${path}\` here.` : `Depends on \`${arg.raw}\`, known only when building.`);
  if (absolute) {
    lines.push(`An absolute path: from here on the working directory is \`${mine?.path ?? path}\`.`);
  } else {
    const base = prev ? `the previous \`WORKDIR\` \`${prev.path}\` (line ${line(prev.ins)})` : '`/`, the default (unless the base image sets its own working directory)';
    lines.push(`A relative path, resolved against ${base}: the working directory becomes \`${mine?.path ?? path}\`.`);
    bullets.push('An absolute path reads better and does not change meaning when an earlier `WORKDIR` moves.');
  }
  const user = userBefore(model, stage, ins.index);
  const owner = user && !isRoot(user.user) ? `\`${user.user}\`, the \`USER\` of line ${line(user.ins)}` : 'root, as no non-root `USER` is in effect';
  bullets.push(
    `Created if it does not exist, parents included (like \`mkdir -p\`). With BuildKit it is owned by the user in effect here: ${owner}; the legacy builder always creates it as root.`,
  );
  bullets.push(
    'It is where the following `RUN`, `CMD` and `ENTRYPOINT` run, where relative `COPY`/`ADD` destinations land, and where the container starts (`docker run -w` overrides it). `RUN cd …` lasts only for its own step: use `WORKDIR` to move.',
  );
  return answer(title, lines, bullets, arg.range);
}

// ---------------------------------------------------------------------------------------
// STOPSIGNAL

function stopsignalHover(model: DocModel, ins: Instruction, pos: Position): HoverAnswer | undefined {
  const arg = argumentText(model, ins);
  if (!arg || !contains(arg.range, pos)) return undefined;
  const v = arg.value.trim();
  const title = `**STOPSIGNAL ${v}**`;
  const lines: (string | undefined)[] = [];
  const bullets: string[] = [];
  if (arg.raw.includes('$')) lines.push(arg.complete ? `\`${arg.raw}\` is \`${v}\` here.` : `Depends on \`${arg.raw}\`, known only when building.`);
  let name: string | undefined;
  let number: number | undefined;
  if (/^\d+$/.test(v)) {
    number = Number(v);
    name = Object.entries(SIGNAL_NUMBERS).find(([, n]) => n === number)?.[0];
    if (number === 0) lines.push('⚠ Signal 0 stops nothing: the builder rejects it.');
  } else {
    const bare = v.toUpperCase().replace(/^SIG/, '');
    const rt = /^RTM(?:IN|AX)[+-]\d+$/.test(bare);
    if (SIGNAL_NUMBERS[bare] !== undefined || rt) {
      name = bare;
      number = rt ? (bare.startsWith('RTMIN') ? 34 : 64) + Number(bare.slice(5)) : SIGNAL_NUMBERS[bare];
    } else if (arg.complete) {
      lines.push(`⚠ ${code(v)} is not a signal name the builder knows (\`SIGTERM\`, \`SIGINT\`, \`SIGQUIT\`…).`);
    }
  }
  if (name) {
    const info = signalInfo(`SIG${name}`);
    lines.push(`\`SIG${name}\`${number !== undefined ? ` (signal ${number} on Linux)` : ''} — ${info ? info.text : 'the signal `docker stop` sends instead of `SIGTERM`.'}`);
  }
  bullets.push(
    'On `docker stop`, Docker sends this signal to the main process (PID 1), waits for the grace period (10 seconds by default, `docker stop -t` or `--stop-timeout` to change it), then kills it with `SIGKILL`. `docker run --stop-signal` overrides it.',
  );
  const stage = ins.stage;
  if (stage) {
    const entry = [...chainInstructions(stage, Infinity)].reverse().find((i) => i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD');
    if (entry && !entry.isJson) {
      bullets.push(
        `⚠ The \`${entry.keyword}\` on line ${line(entry)} uses the shell form, so PID 1 is \`/bin/sh\`, which does not pass the signal on to your program: use the exec form (\`["…"]\`) or start it with \`exec\`.`,
      );
    } else {
      bullets.push('The signal only helps if PID 1 handles it: with a shell-form command or a script, make sure the program is started with `exec` or the exec form.');
    }
  }
  return answer(title, lines, bullets, arg.range);
}

// ---------------------------------------------------------------------------------------

export const argumentsHover: HoverProvider = (q: HoverQuery) => {
  const { model, ins, pos } = q;
  switch (ins.keyword) {
    case 'HEALTHCHECK':
      return healthcheckHover(model, ins, pos);
    case 'EXPOSE':
      return exposeHover(model, ins, pos);
    case 'USER':
      return userHover(model, ins, pos);
    case 'WORKDIR':
      return workdirHover(model, ins, pos);
    case 'STOPSIGNAL':
      return stopsignalHover(model, ins, pos);
  }
  return undefined;
};
