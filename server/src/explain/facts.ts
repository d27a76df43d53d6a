/**
 * What the explain document says about the file as a whole, read from the model: which stages
 * build on which (`FROM <stage>`, `COPY --from`, `RUN --mount=…,from=`), which are final images,
 * what each stage is for (dependencies, build, test, development server, production server…)
 * and the few things it does that a reader should see at a glance. Computed once per document.
 */
import type { DocModel, Instruction, Stage } from '../model/document';
import { stageChain } from '../model/document';
import { baseName } from '../model/shell';
import { MANAGERS, cleansCache } from '../knowledge/os-packages';
import { expand, lookupAt, AUTOMATIC_PLATFORM_ARGS, PREDEFINED_ARGS } from '../model/variables';
import { copyPaths, exposeSpecs, lastInChain, unquote } from '../rules/util';
import { baseStage, stageUses, type StageUse } from '../hover/stages';
import { packageSummaries } from '../hover/packages';
import { createdAccounts } from '../hover/arguments';
import { code, codeList, list } from './markdown';

export type PurposeKind =
  | 'base'
  | 'dependencies'
  | 'build'
  | 'test'
  | 'development'
  | 'production'
  | 'application'
  | 'runtime'
  | 'fetch'
  | 'image'
  | 'setup';

export const PURPOSE_LABELS: Record<PurposeKind, string> = {
  base: 'Base',
  dependencies: 'Dependencies',
  build: 'Build',
  test: 'Test',
  development: 'Development server',
  production: 'Production server',
  application: 'Application',
  runtime: 'Runtime image',
  fetch: 'Download',
  image: 'Image',
  setup: 'Setup',
};

/** A package an install command names, with the instruction that installs it. */
export interface InstalledPackage {
  tool: string;
  name: string;
  note?: string;
  pinned: boolean;
  ins: Instruction;
}

/** A `COPY --from` / `RUN --mount=…,from=` of a stage: from an earlier stage, or straight from an image. */
export interface CopyEdge {
  kind: 'copy' | 'mount';
  ins: Instruction;
  /** The reference as written. */
  text: string;
  stage?: Stage;
}

export interface StageFacts {
  stage: Stage;
  /** `base`, or `stage 3` (1-based) for an unnamed stage: plain text. */
  label: string;
  /** The label in Markdown: `` `base` `` or `stage 3`. */
  title: string;
  /** The stage it is built FROM, if any. */
  parent?: Stage;
  /** The image of `FROM`, when not a stage: as written, and expanded where the build arguments allow. */
  image?: string;
  imageValue?: string;
  /** Stages built FROM this one. */
  children: Stage[];
  /** Every use of the stage by another one. */
  uses: StageUse[];
  /** What the stage copies or mounts from other stages or images. */
  copiesFrom: CopyEdge[];
  /** No other stage builds on it, copies or mounts from it; or it is the last stage. */
  final: boolean;
  /** The last stage: what `docker build` builds without `--target`. */
  isDefault: boolean;
  purpose: PurposeKind;
  /** Short Markdown phrases: `system packages (`gcc`, `libpq-dev`)`. */
  highlights: string[];
  osPackages: InstalledPackage[];
  langPackages: InstalledPackage[];
  /** Installs from a manifest: `Python packages from `requirements.txt``, with the RUN. */
  manifestInstalls: { what: string; ins: Instruction }[];
  /** Build steps: `` `go build` ``. */
  builds: { what: string; ins: Instruction }[];
  /** Test steps: `` `pytest` ``. */
  tests: { what: string; ins: Instruction }[];
  envNames: string[];
  usersCreated: string[];
  /** The start command in effect at the end of the stage (inherited through `FROM <stage>`). */
  start?: StartCommand;
  /** USER in effect at the end of the stage, with its instruction. */
  user?: { name: string; ins: Instruction };
  /** EXPOSE ports of the stage and the stages it is built from. */
  ports: { port: string; proto: string; ins: Instruction }[];
  healthcheck?: Instruction;
  /** ARGs a build of this stage can be given: the global ones its FROM lines use and those of its chain. */
  buildArgs: { name: string; value: string | null; ins: Instruction }[];
}

export interface StartCommand {
  /** ENTRYPOINT and CMD in effect, in that order. */
  instructions: Instruction[];
  /** Their words, ENTRYPOINT's first. */
  words: string[];
  dev: boolean;
  server: boolean;
}

export interface FileFacts {
  model: DocModel;
  stages: StageFacts[];
  byStage: Map<Stage, StageFacts>;
  finals: StageFacts[];
}

const factsCache = new WeakMap<DocModel, FileFacts>();

export function fileFacts(model: DocModel): FileFacts {
  let f = factsCache.get(model);
  if (f) return f;
  const uses = stageUses(model);
  const byStage = new Map<Stage, StageFacts>();
  const stages = model.stages.map((s) => {
    const facts = stageFacts(model, s, uses.get(s) ?? []);
    byStage.set(s, facts);
    return facts;
  });
  for (const s of stages) if (s.parent) byStage.get(s.parent)?.children.push(s.stage);
  for (const s of stages) {
    s.purpose = purposeOf(s);
    s.highlights = highlightsOf(model, s);
  }
  f = { model, stages, byStage, finals: stages.filter((s) => s.final) };
  factsCache.set(model, f);
  return f;
}

/** A stage by name in Markdown: `` `base` ``, or `stage 3` (1-based) when it has none. */
export function stageTitle(s: Stage): string {
  return s.name ? code(s.name) : `stage ${s.index + 1}`;
}

function stageFacts(model: DocModel, stage: Stage, uses: StageUse[]): StageFacts {
  const parent = baseStage(model, stage);
  let image: string | undefined;
  let imageValue: string | undefined;
  if (!parent && stage.image) {
    image = stage.image;
    imageValue = image;
    if (image.includes('$')) {
      const e = expand(image, lookupAt(model, stage.from), model.escapeChar);
      if (e.complete) imageValue = e.value;
    }
  }
  const last = stage === model.stages[model.stages.length - 1];
  const facts: StageFacts = {
    stage,
    label: stage.name ?? `stage ${stage.index + 1}`,
    title: stageTitle(stage),
    parent,
    image,
    imageValue,
    children: [],
    uses: uses.filter((u) => u.in !== stage),
    copiesFrom: copyEdges(model, stage),
    final: last || uses.every((u) => u.in === stage),
    isDefault: last,
    purpose: 'setup',
    highlights: [],
    osPackages: [],
    langPackages: [],
    manifestInstalls: [],
    builds: [],
    tests: [],
    envNames: [],
    usersCreated: [],
    ports: [],
    buildArgs: [],
  };
  for (const ins of stage.instructions) {
    switch (ins.keyword) {
      case 'RUN':
        readRun(ins, facts);
        break;
      case 'ENV':
        for (const d of stage.vars) if (d.instruction === ins && !facts.envNames.includes(d.name)) facts.envNames.push(d.name);
        break;
    }
  }
  facts.usersCreated = createdAccounts(stage, Infinity)
    .users.filter((u) => u.ins.stage === stage && !/^(?:root|0)$/.test(u.name))
    .map((u) => u.name);
  facts.start = startCommand(stage);
  const userIns = lastInChain(stage, 'USER');
  if (userIns?.args[0]) facts.user = { name: userIns.args[0].value, ins: userIns };
  for (const s of stageChain(stage).reverse()) {
    for (const ins of s.instructions) {
      if (ins.keyword !== 'EXPOSE') continue;
      for (const p of exposeSpecs(model, ins)) facts.ports.push({ port: p.containerPort, proto: (p.proto || 'tcp').toLowerCase(), ins });
    }
  }
  facts.healthcheck = lastInChain(stage, 'HEALTHCHECK');
  facts.buildArgs = buildArgs(model, stage);
  return facts;
}

function copyEdges(model: DocModel, stage: Stage): CopyEdge[] {
  const out: CopyEdge[] = [];
  const named = (ref: string): Stage | undefined => {
    if (/^\d+$/.test(ref)) return model.stages[Number(ref)];
    const key = ref.toLowerCase();
    return model.stages.find((s) => s.name?.toLowerCase() === key);
  };
  for (const ins of stage.instructions) {
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      for (const f of ins.flags) {
        if (f.name.toLowerCase() !== 'from' || !f.value) continue;
        const text = unquote(f.value);
        const value = text.includes('$') ? expand(text, lookupAt(model, ins), model.escapeChar) : undefined;
        const ref = value?.complete ? value.value : text;
        const s = named(ref);
        out.push({ kind: 'copy', ins, text, stage: s && s !== stage ? s : undefined });
      }
    } else if (ins.keyword === 'RUN') {
      for (const f of ins.flags) {
        if (f.name.toLowerCase() !== 'mount' || !f.value) continue;
        const m = /(?:^|,)\s*from=([^,]+)/i.exec(f.value);
        if (!m) continue;
        const text = unquote(m[1].trim());
        const s = named(text);
        out.push({ kind: 'mount', ins, text, stage: s && s !== stage ? s : undefined });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What RUN steps do

/** The commands of an instruction as word lists (shell form through the shell model, exec form as written). */
export function commandWords(ins: Instruction): string[][] {
  const sh = ins.shell;
  if (sh) return sh.commands.filter((c) => c.name).map((c) => [baseName(c), ...c.args.map((a) => a.text)]);
  if (ins.isJson && ins.args.length) {
    const words = ins.args.map((a) => a.value);
    return [[words[0].slice(words[0].lastIndexOf('/') + 1), ...words.slice(1)]];
  }
  return [];
}

const LANG_NAMES: Record<string, string> = {
  pip: 'Python packages',
  npm: 'npm packages',
  yarn: 'npm packages',
  pnpm: 'npm packages',
  gem: 'Ruby gems',
  go: 'Go packages',
  cargo: 'Rust crates',
};
const OS_TOOLS = new Set(['apt-get', 'apt', 'aptitude', 'apk', 'yum', 'dnf', 'microdnf', 'tdnf', 'zypper']);

function readRun(ins: Instruction, facts: StageFacts): void {
  for (const cmd of ins.shell?.commands ?? []) {
    for (const p of packageSummaries(cmd)) {
      if (p.other) continue;
      const pkg: InstalledPackage = { tool: p.tool, name: p.name, note: p.note, pinned: p.version !== undefined || p.pinnedByFlag, ins };
      (OS_TOOLS.has(p.tool) ? facts.osPackages : facts.langPackages).push(pkg);
    }
  }
  for (const words of commandWords(ins)) {
    const manifest = manifestInstall(words);
    if (manifest) facts.manifestInstalls.push({ what: manifest, ins });
    const build = buildStep(words);
    if (build) facts.builds.push({ what: build, ins });
    const test = testStep(words);
    if (test) facts.tests.push({ what: test, ins });
  }
}

/** The value of a flag in a word list (`-r x`, `-rx`, `--requirement x`, `--requirement=x`). */
function flagValue(words: string[], short: string | undefined, long: string): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === `--${long}` || (short && w === `-${short}`)) return words[i + 1];
    if (w.startsWith(`--${long}=`)) return w.slice(long.length + 3);
    if (short && w.startsWith(`-${short}`) && !w.startsWith('--') && w.length > 2) return w.slice(2);
  }
  return undefined;
}

const positionalWords = (words: string[]) => words.slice(1).filter((w) => !w.startsWith('-'));

/** An install from a manifest or lock file: `Python packages from `requirements.txt``. */
export function manifestInstall(words: string[]): string | undefined {
  const [name] = words;
  const pos = positionalWords(words);
  const pipArgs = /^pip\d*(?:\.\d+)?$/.test(name) ? words : /^python\d*(?:\.\d+)?$/.test(name) && words[1] === '-m' && words[2] === 'pip' ? words.slice(2) : undefined;
  if (pipArgs && positionalWords(pipArgs)[0] === 'install') {
    const req = flagValue(pipArgs, 'r', 'requirement');
    if (req) return `Python packages from ${code(req)}`;
    const rest = positionalWords(pipArgs).slice(1);
    if (rest.length === 1 && /^\.(?:\[.*\])?$/.test(rest[0])) return 'the Python project itself (`pip install .`)';
    return undefined;
  }
  switch (name) {
    case 'npm':
      if (pos[0] === 'ci') return 'npm packages from `package-lock.json`';
      if ((pos[0] === 'install' || pos[0] === 'i') && pos.length === 1) return 'npm packages from `package.json`';
      return undefined;
    case 'yarn':
      if (pos.length === 0 || (pos[0] === 'install' && pos.length === 1)) return 'npm packages from `yarn.lock`';
      return undefined;
    case 'pnpm':
      if ((pos[0] === 'install' || pos[0] === 'i') && pos.length === 1) return 'npm packages from `pnpm-lock.yaml`';
      return undefined;
    case 'bundle':
      return pos[0] === 'install' ? 'Ruby gems from `Gemfile.lock`' : undefined;
    case 'go':
      return pos[0] === 'mod' && pos[1] === 'download' ? 'Go modules from `go.mod`' : undefined;
    case 'composer':
      return pos[0] === 'install' ? 'PHP packages from `composer.lock`' : undefined;
    case 'poetry':
      return pos[0] === 'install' ? 'Python packages from `poetry.lock`' : undefined;
    case 'pipenv':
      return pos[0] === 'install' || pos[0] === 'sync' ? 'Python packages from `Pipfile.lock`' : undefined;
    case 'uv':
      return pos[0] === 'sync' ? 'Python packages from `uv.lock`' : undefined;
    case 'dotnet':
      return pos[0] === 'restore' ? 'NuGet packages of the project' : undefined;
    case 'cargo':
      return pos[0] === 'fetch' ? 'Rust crates from `Cargo.lock`' : undefined;
    case 'mvn':
    case 'mvnw':
      return pos.some((p) => /^dependency:(?:go-offline|resolve)/.test(p)) ? 'Maven dependencies from `pom.xml`' : undefined;
  }
  return undefined;
}

/** A build step: `` `go build` ``, `` `npm run build` ``. */
export function buildStep(words: string[]): string | undefined {
  const [name] = words;
  const pos = positionalWords(words);
  switch (name) {
    case 'go':
      return pos[0] === 'build' || pos[0] === 'install' ? code(`go ${pos[0]}`) : undefined;
    case 'cargo':
      return pos[0] === 'build' || pos[0] === 'install' ? code(`cargo ${pos[0]}`) : undefined;
    case 'mvn':
    case 'mvnw': {
      const goal = pos.find((p) => ['package', 'install', 'compile', 'verify', 'spring-boot:repackage'].includes(p));
      return goal ? code(`mvn ${goal}`) : undefined;
    }
    case 'gradle':
    case 'gradlew': {
      const task = pos.find((p) => /^(?::?[\w-]+:)?(?:build|assemble|bootJar|shadowJar|jar|installDist|distTar|war)$/.test(p));
      return task ? code(`gradle ${task}`) : undefined;
    }
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      const script = pos[0] === 'run' || pos[0] === 'run-script' ? pos[1] : name !== 'npm' ? pos[0] : undefined;
      return script && /^(?:build|compile|dist|bundle)(?::|$)/.test(script) ? code(`${name} ${pos[0] === 'run' || pos[0] === 'run-script' ? 'run ' : ''}${script}`) : undefined;
    }
    case 'make':
    case 'gmake':
      return pos.some((p) => /^(?:test|tests|check|clean|distclean|lint)$/.test(p)) && !pos.some((p) => /^(?:all|build|install)$/.test(p)) ? undefined : code(['make', ...pos.filter((p) => !p.includes('='))].slice(0, 3).join(' '));
    case 'cmake':
    case 'ninja':
    case 'meson':
    case 'configure':
    case 'tsc':
    case 'webpack':
    case 'hugo':
    case 'gcc':
    case 'g++':
    case 'clang':
    case 'rustc':
    case 'javac':
    case 'zig':
      return code(name);
    case 'dotnet':
      return pos[0] === 'publish' || pos[0] === 'build' ? code(`dotnet ${pos[0]}`) : undefined;
    case 'vite':
    case 'ng':
    case 'next':
      return pos[0] === 'build' ? code(`${name} build`) : undefined;
    case 'mix':
      return pos[0] === 'release' || pos[0] === 'compile' ? code(`mix ${pos[0]}`) : undefined;
  }
  if (/^pip\d*(?:\.\d+)?$/.test(name) && pos[0] === 'wheel') return code('pip wheel');
  if (/^python\d*(?:\.\d+)?$/.test(name)) {
    if (words[1] === '-m' && words[2] === 'build') return code('python -m build');
    if (pos[0] === 'setup.py' && /^(?:build|bdist_wheel|sdist|build_ext)$/.test(pos[1] ?? '')) return code(`python setup.py ${pos[1]}`);
  }
  return undefined;
}

/** A test step: `` `pytest` ``, `` `go test` ``. */
export function testStep(words: string[]): string | undefined {
  const [name] = words;
  const pos = positionalWords(words);
  switch (name) {
    case 'pytest':
    case 'py.test':
    case 'tox':
    case 'nox':
    case 'jest':
    case 'vitest':
    case 'rspec':
    case 'phpunit':
    case 'ctest':
      return code(name);
    case 'go':
    case 'cargo':
    case 'dotnet':
      return pos[0] === 'test' ? code(`${name} test`) : undefined;
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      const script = pos[0] === 'run' ? pos[1] : pos[0];
      return script && /^test(?::|$)/.test(script) ? code(`${name} ${pos[0] === 'run' ? 'run ' : ''}${script}`) : undefined;
    }
    case 'mvn':
    case 'mvnw':
      return pos.includes('test') ? code('mvn test') : undefined;
    case 'gradle':
    case 'gradlew':
      return pos.some((p) => /(?:^|:)(?:test|check)$/.test(p)) ? code(`gradle ${pos.find((p) => /(?:^|:)(?:test|check)$/.test(p))}`) : undefined;
    case 'make':
      return pos.some((p) => p === 'test' || p === 'check') ? code(`make ${pos.find((p) => p === 'test' || p === 'check')}`) : undefined;
    case 'rake':
      return pos.some((p) => p === 'test' || p === 'spec') ? code('rake test') : undefined;
  }
  if (/^python\d*(?:\.\d+)?$/.test(name) && words[1] === '-m' && (words[2] === 'pytest' || words[2] === 'unittest')) return code(`python -m ${words[2]}`);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// How the container starts

/** Development servers: Flask's `flask run`, anything with `--reload`, Django's `runserver`, `nodemon`, `npm run dev`… */
export function isDevServer(words: string[]): boolean {
  const text = words.join(' ');
  const name = words[0] ?? '';
  return (
    /(?:^|\s)flask(?:\s+--?\S+)*\s+run\b/.test(text) ||
    words.includes('--reload') ||
    words.includes('runserver') ||
    /^(?:nodemon|air|ng)$/.test(name) && (name !== 'ng' || words[1] === 'serve') ||
    (/^(?:npm|yarn|pnpm)$/.test(name) && /^(?:run )?(?:dev|develop|serve|start:dev|watch)$/.test(words.slice(1, 3).join(' ').replace(/^(run \S+).*/, '$1'))) ||
    (name === 'next' && words[1] === 'dev') ||
    (name === 'vite' && words[1] !== 'build' && words[1] !== 'preview') ||
    (name === 'webpack' && words[1] === 'serve') ||
    name === 'webpack-dev-server'
  );
}

const SERVERS = new Set([
  'gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'uwsgi', 'waitress-serve', 'nginx', 'httpd', 'httpd-foreground', 'apache2-foreground',
  'apache2ctl', 'caddy', 'puma', 'unicorn', 'passenger', 'catalina.sh', 'traefik', 'haproxy', 'envoy', 'php-fpm', 'lighttpd',
  'redis-server', 'postgres', 'mongod', 'mysqld', 'java', 'node', 'dotnet', 'serve', 'supervisord',
]);

function startCommand(stage: Stage): StartCommand | undefined {
  const entry = lastInChain(stage, 'ENTRYPOINT');
  const cmd = lastInChain(stage, 'CMD');
  const instructions = [entry, cmd].filter((i): i is Instruction => !!i);
  if (!instructions.length) return undefined;
  const words: string[] = [];
  for (const ins of instructions) for (const w of commandWords(ins)) words.push(...w);
  const name = words[0] ?? '';
  const dev = isDevServer(words);
  const server = !dev && (SERVERS.has(name) || /^php-fpm/.test(name) || words.some((w) => SERVERS.has(w.slice(w.lastIndexOf('/') + 1)) && w !== 'node'));
  return { instructions, words, dev, server };
}

/** The ARGs a build of the stage can be given: global ones its chain's FROM lines use, then the chain's own. */
function buildArgs(model: DocModel, stage: Stage): StageFacts['buildArgs'] {
  const out: StageFacts['buildArgs'] = [];
  const seen = new Set<string>();
  const add = (name: string, value: string | null, ins: Instruction) => {
    if (seen.has(name) || AUTOMATIC_PLATFORM_ARGS.includes(name) || PREDEFINED_ARGS.includes(name)) return;
    seen.add(name);
    out.push({ name, value, ins });
  };
  const chain = stageChain(stage).reverse();
  const fromText = chain.map((s) => model.text.slice(model.lines.offsetAt(s.from.range.start), model.lines.offsetAt(s.from.range.end))).join('\n');
  const globalValue = (name: string) => model.globalArgs.find((g) => g.name === name)?.value ?? null;
  const used = new Set([...fromText.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  for (const g of model.globalArgs) if (used.has(g.name)) add(g.name, g.value, g.instruction);
  for (const s of chain) {
    for (const d of s.vars) if (d.kind === 'ARG') add(d.name, d.value ?? globalValue(d.name), d.instruction);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Purpose and highlights

const NAME_HINTS: [RegExp, PurposeKind][] = [
  [/test|lint|check|\bci\b/, 'test'],
  [/dev(?:elop)?/, 'development'],
  [/build|compil/, 'build'],
  [/dep|vendor|modules|packages|requirements/, 'dependencies'],
  [/fetch|download|source|src/, 'fetch'],
  [/base|common|shared|core/, 'base'],
  [/prod|release|runtime|final|deploy/, 'production'],
];

function purposeOf(f: StageFacts): PurposeKind {
  const name = f.stage.name?.toLowerCase() ?? '';
  const hint = NAME_HINTS.find(([re]) => re.test(name))?.[1];
  const ownStart = f.stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  const start = ownStart || f.final ? f.start : undefined;
  if (start) {
    if (start.dev) return 'development';
    if (testStep(start.words)) return 'test';
    if (start.server || f.ports.length) return hint === 'development' ? 'development' : 'production';
    if (f.copiesFrom.some((e) => e.stage) && f.final) return 'runtime';
    return hint === 'development' || hint === 'test' ? hint : 'application';
  }
  if (f.tests.length) return 'test';
  if (f.builds.length) return 'build';
  if (hint && hint !== 'production') return hint;
  if (f.osPackages.length || f.langPackages.length || f.manifestInstalls.length) return f.final ? 'image' : 'dependencies';
  if (f.final && f.copiesFrom.some((e) => e.stage)) return 'runtime';
  if (fetches(f.stage)) return 'fetch';
  if (f.children.length) return 'base';
  // Only copied or mounted from: it prepares files for the stages that use it.
  if (!f.final && f.uses.length && f.uses.every((u) => u.kind !== 'from')) return 'build';
  return f.final ? 'image' : 'setup';
}

function fetches(stage: Stage): boolean {
  return stage.instructions.some(
    (ins) =>
      (ins.keyword === 'ADD' && ins.args.some((a) => /^(?:https?|git)[:@]/.test(a.value))) ||
      (ins.keyword === 'RUN' &&
        (commandWords(ins).some((w) => w[0] === 'curl' || w[0] === 'wget' || (w[0] === 'git' && w[1] === 'clone')) ||
          (!ins.posixShell && /\b(?:Invoke-WebRequest|iwr|Start-BitsTransfer|curl(?:\.exe)?|wget)\b/i.test(ins.args.map((a) => a.value).join(' '))))),
  );
}

/** The kind of files a COPY/ADD brings: dependency manifests only, the whole build context, or some files. */
export function copyKind(model: DocModel, ins: Instruction): 'from' | 'heredoc' | 'manifest' | 'context' | 'files' {
  if (ins.flags.some((f) => f.name.toLowerCase() === 'from')) return 'from';
  const { sources } = copyPaths(model, ins);
  if (!sources.length) return ins.heredocs.length ? 'heredoc' : 'files';
  const paths = sources.map((s) => unquote(s.value));
  if (paths.some((p) => /^(?:\.|\.\/|\*|\.\/\*|\.\/\.)$/.test(p))) return 'context';
  if (paths.every(isManifest)) return 'manifest';
  return 'files';
}

const MANIFESTS = [
  /^requirements[\w.-]*\.(?:txt|in)$/, /^constraints[\w.-]*\.txt$/, /^Pipfile(?:\.lock)?$/, /^pyproject\.toml$/, /^poetry\.lock$/, /^uv\.lock$/,
  /^setup\.(?:py|cfg)$/, /^package(?:-lock)?\.json$/, /^package\*\.json$/, /^npm-shrinkwrap\.json$/, /^yarn\.lock$/, /^pnpm-lock\.yaml$/,
  /^pnpm-workspace\.yaml$/, /^\.npmrc$/, /^\.yarnrc(?:\.yml)?$/, /^go\.(?:mod|sum)$/, /^Gemfile(?:\.lock)?$/, /^Cargo\.(?:toml|lock)$/,
  /^composer\.(?:json|lock)$/, /^pom\.xml$/, /^(?:build|settings)\.gradle(?:\.kts)?$/, /^gradle\.properties$/, /^.*\.csproj$/,
  /^.*\.sln$/, /^packages\.config$/, /^Directory\.(?:Build|Packages)\.props$/, /^mix\.(?:exs|lock)$/, /^requirements$/, /^\.python-version$/,
];

export function isManifest(path: string): boolean {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? path;
  return MANIFESTS.some((re) => re.test(base));
}

function highlightsOf(model: DocModel, f: StageFacts): string[] {
  const out: string[] = [];
  if (f.envNames.length) out.push(`environment variables (${codeList(f.envNames, 2)})`);
  for (const u of f.usersCreated.slice(0, 1)) out.push(`non-root user ${code(u)}`);
  const wd = [...f.stage.instructions].reverse().find((i) => i.keyword === 'WORKDIR');
  if (wd?.args[0]) out.push(`working directory ${code(wd.args[0].value)}`);
  if (f.osPackages.length) out.push(`system packages (${codeList(unique(f.osPackages.map((p) => p.name)), 3)})`);
  const byLang = new Map<string, string[]>();
  for (const p of f.langPackages) {
    const k = LANG_NAMES[p.tool] ?? `${p.tool} packages`;
    byLang.set(k, unique([...(byLang.get(k) ?? []), p.name]));
  }
  for (const [k, names] of byLang) out.push(`${k} (${codeList(names, 3)})`);
  for (const m of unique(f.manifestInstalls.map((m) => m.what))) out.push(m);
  for (const c of unique(f.copiesFrom.map((e) => `${e.kind === 'mount' ? 'mounts' : 'files from'} ${e.stage ? stageTitle(e.stage) : code(e.text)}`))) out.push(c);
  const context = f.stage.instructions.find((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.args.length && copyKind(model, i) === 'context');
  if (context) out.push('the application code');
  if (f.builds.length) out.push(`builds with ${list(unique(f.builds.map((b) => b.what)).slice(0, 2))}`);
  if (f.tests.length) out.push(`runs ${list(unique(f.tests.map((b) => b.what)).slice(0, 2))}`);
  const ownUser = [...f.stage.instructions].reverse().find((i) => i.keyword === 'USER');
  if (ownUser?.args[0]) out.push(`runs as ${code(ownUser.args[0].value)}`);
  const ownPorts = f.ports.filter((p) => p.ins.stage === f.stage).map((p) => p.port);
  if (ownPorts.length) out.push(`port${ownPorts.length > 1 ? 's' : ''} ${unique(ownPorts).join(', ')}`);
  if (f.healthcheck?.stage === f.stage && f.healthcheck.args[0]?.value.toUpperCase() !== 'NONE') out.push('health check');
  const own = f.start?.instructions.filter((i) => i.stage === f.stage);
  if (f.start && own?.length) {
    const name = startName(f.start);
    out.push(`${f.start.dev ? 'development server' : 'starts'} ${code(name)}`);
  }
  return out;
}

/** How the start command is shown in one phrase: `gunicorn`, `flask run`, `npm start`. */
export function startName(start: StartCommand): string {
  const w = start.words;
  const name = w[0] ?? '';
  const sub = w[1] && /^[a-z][\w:-]*$/.test(w[1]) && !w[1].startsWith('-') && /^(?:flask|npm|yarn|pnpm|python\d*(?:\.\d+)?|bundle|rails|php|dotnet|go|java|cargo|mix|manage\.py)$/.test(name) ? ` ${w[1]}` : '';
  return `${name}${sub}`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** A RUN that only deletes files an earlier step of an image's stage chain added. */
export interface LaterDeletion {
  ins: Instruction;
  paths: string[];
  /** The last COPY/ADD from the build context before it, when the paths are relative (then `.dockerignore` can keep them out). */
  copy?: Instruction;
}

/**
 * RUN steps of the stages a final image is built from that only `rm` files: the files stay in
 * the layer of the step that added them, so the image is no smaller (the seed's
 * `RUN rm -rf tests/ docs/`). Stages that are only copied from do not count: their size does not
 * reach an image.
 */
const deletionsCache = new WeakMap<FileFacts, LaterDeletion[]>();

export function laterDeletions(facts: FileFacts): LaterDeletion[] {
  const cached = deletionsCache.get(facts);
  if (cached) return cached;
  const { model } = facts;
  const inImages = new Set<Stage>();
  for (const f of facts.finals) for (const s of stageChain(f.stage)) inImages.add(s);
  const out: LaterDeletion[] = [];
  for (const stage of model.stages) {
    if (!inImages.has(stage)) continue;
    const chain = stageChain(stage).reverse().flatMap((s) => s.instructions);
    for (const ins of stage.instructions) {
      const cmds = ins.shell?.commands ?? [];
      if (ins.keyword !== 'RUN' || !cmds.length || !cmds.every((c) => baseName(c) === 'rm' && !cleansCache(MANAGERS['apt-get'], c))) continue;
      const paths = cmds.flatMap((c) => c.args.map((a) => a.text).filter((t) => !t.startsWith('-')));
      if (!paths.length || paths.every((p) => /^\/(?:tmp|var\/tmp|root\/\.cache|var\/cache)\b/.test(p))) continue;
      const before = chain.filter((i) => i.index < ins.index && i.keyword !== 'FROM');
      if (!before.some((i) => i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD')) continue;
      const relative = paths.some((p) => !p.startsWith('/'));
      const copy = relative ? [...before].reverse().find((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && ['context', 'files'].includes(copyKind(model, i))) : undefined;
      out.push({ ins, paths, copy });
    }
  }
  deletionsCache.set(facts, out);
  return out;
}
