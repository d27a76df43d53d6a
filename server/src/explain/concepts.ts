/**
 * "Key concepts": the practices the file follows and the ones it misses, each with the lines
 * that show it. Every check reads the model and the facts; what a package or image is comes
 * from the same data as hover (a package note saying "Build-time only" marks a build tool, one
 * saying to keep it out of the production image marks a development tool).
 */
import type { Instruction, Stage } from '../model/document';
import { stageChain } from '../model/document';
import { MANAGERS, cleansCache, hasNoCache, hasNoRecommends, installOf as osInstallOf } from '../knowledge/os-packages';
import { hasNoCache as pipNoCache, installOf as langInstallOf } from '../knowledge/lang-packages';
import { parseImageRef, splitTag } from '../knowledge/image-ref';
import { cacheMountTargets, imageFamily } from '../rules/util';
import { imageDoc } from '../hover/images';
import { createdAccounts } from '../hover/arguments';
import type { Problem } from '../service/lint';
import { copyKind, laterDeletions, stageTitle, startName, type FileFacts, type InstalledPackage, type StageFacts } from './facts';
import { code, codeList, list, plural } from './markdown';

export interface Concept {
  title: string;
  detail: string;
}

const line = (ins: Instruction) => ins.range.start.line + 1;
const lines = (list_: Instruction[]) => {
  const n = [...new Set(list_.map(line))].sort((a, b) => a - b);
  return n.length === 1 ? `line ${n[0]}` : `lines ${n.slice(0, 6).join(', ')}${n.length > 6 ? '…' : ''}`;
};

function chainOf(f: StageFacts, facts: FileFacts): StageFacts[] {
  return stageChain(f.stage)
    .map((s) => facts.byStage.get(s))
    .filter((x): x is StageFacts => !!x);
}

/** Final stages that start a program: the images a container is run from. */
function runnable(facts: FileFacts): StageFacts[] {
  return facts.finals.filter((f) => f.start);
}

/** Final stages that are not for development or tests. */
function productionLike(facts: FileFacts): StageFacts[] {
  return facts.finals.filter((f) => f.purpose !== 'development' && f.purpose !== 'test' && !/dev|test/i.test(f.stage.name ?? ''));
}

export function keyConcepts(facts: FileFacts, problems: readonly Problem[]): { followed: Concept[]; missed: Concept[] } {
  const followed: Concept[] = [];
  const missed: Concept[] = [];
  const reported = new Set(problems.map((p) => p.rule.id));
  const add = (ok: boolean | undefined, c: Concept) => {
    // `[DL3015]` names the rules that report the practice: kept for those with a finding here.
    const detail = c.detail.replace(/\s*\[((?:DL|DX)\d{4}(?:, (?:DL|DX)\d{4})*)\]/g, (_m, codes: string) => {
      const shown = codes.split(/,\s*/).filter((id) => reported.has(id));
      return shown.length ? ` (${shown.join(', ')})` : '';
    });
    const item = { title: c.title, detail: detail.charAt(0).toUpperCase() + detail.slice(1) };
    if (ok === true) followed.push(item);
    else if (ok === false) missed.push(item);
  };
  for (const check of CHECKS) {
    for (const r of check(facts, problems)) add(r.ok, r);
  }
  return { followed, missed };
}

type Result = Concept & { ok: boolean | undefined };
type Check = (facts: FileFacts, problems: readonly Problem[]) => Result[];

const multiStage: Check = (facts) => {
  const n = facts.stages.length;
  if (n > 1) {
    const finals = facts.finals.map((f) => f.title);
    const shared = facts.stages.filter((s) => s.children.length > 1 || (s.children.length && s.uses.length > 1));
    return [
      {
        ok: true,
        title: 'Multi-stage build',
        detail: `${plural(n, 'stage')} in one file; ${finals.length > 1 ? `the final images ${list(finals)}` : `the final image ${finals[0] ?? ''}`} ${finals.length > 1 ? 'are' : 'is'} built with \`--target\`${shared.length ? `, sharing ${list(shared.map((s) => s.title))}` : ''}. BuildKit builds only the stages a target needs, and whatever a final image does not copy stays out of it.`,
      },
    ];
  }
  const f = facts.stages[0];
  if (!f) return [];
  const buildTools = f.osPackages.filter(isBuildTool);
  if (f.builds.length || buildTools.length) {
    const what = f.builds.length ? `builds with ${list(f.builds.map((b) => b.what))}` : `installs build tools (${codeList(buildTools.map((p) => p.name), 3)})`;
    return [{ ok: false, title: 'Multi-stage build', detail: `The only stage ${what}, so compilers and build files ship in the image. Build in a first stage and \`COPY --from\` only the result into a small final one.` }];
  }
  return [];
};

const nonRoot: Check = (facts) => {
  const finals = runnable(facts);
  if (!finals.length) return [];
  const asRoot = finals.filter((f) => !f.user || /^(?:root|0)(?::|$)/.test(f.user.name));
  const ok = finals.filter((f) => !asRoot.includes(f));
  const out: Result[] = [];
  if (ok.length) {
    const users = [...new Set(ok.map((f) => f.user!.name))];
    const made = ok
      .flatMap((f) => createdAccounts(f.stage, Infinity).users)
      .find((u) => users.includes(u.name) || users.includes(u.id ?? '\0'));
    out.push({
      ok: true,
      title: 'Non-root user',
      detail: `${list(ok.map((f) => f.title))} run${ok.length === 1 ? 's' : ''} as ${codeList(users)} (\`USER\` on ${lines(ok.map((f) => f.user!.ins))})${made ? `, created on line ${line(made.ins)} with \`${made.cmd}\`` : ''}: a compromised app cannot change the image's files or act as root.`,
    });
  }
  if (asRoot.length) {
    out.push({
      ok: false,
      title: 'Non-root user',
      detail: `${list(asRoot.map((f) => f.title))} run${asRoot.length === 1 ? 's' : ''} as root. Create a user (\`useradd --uid 1000 app\`) and switch to it with \`USER\` after the steps that need root.`,
    });
  }
  return out;
};

const SMALL_WORDS = new Set(['slim', 'alpine', 'distroless', 'chiseled', 'minimal', 'micro', 'nanoserver', 'busybox']);

const slimBase: Check = (facts) => {
  const roots = new Map<string, StageFacts>();
  const prod = productionLike(facts);
  for (const f of prod.length ? prod : facts.finals) {
    const chain = chainOf(f, facts);
    const root = chain[chain.length - 1];
    const ref = root?.imageValue ?? root?.image;
    if (ref && !ref.includes('$')) roots.set(ref, root);
  }
  const out: Result[] = [];
  for (const [ref] of roots) {
    const r = parseImageRef(ref);
    const family = imageFamily(ref);
    const words = r.tag ? splitTag(r.tag).words.map((w) => w.key) : [];
    if (family === 'scratch' || family === 'distroless' || family === 'alpine' || words.some((w) => SMALL_WORDS.has(w))) {
      const which = family === 'scratch' ? 'the empty image' : family === 'distroless' ? 'a distroless image' : words.includes('slim') ? 'the slim variant' : family === 'alpine' || words.includes('alpine') ? 'Alpine-based' : 'a minimal variant';
      out.push({ ok: true, title: 'Small base image', detail: `${code(ref)} is ${which}: fewer megabytes to pull and fewer packages to patch.` });
      continue;
    }
    const doc = r.registryKnown ? imageDoc(r.familiar) : undefined;
    if (doc && /-slim/.test(doc.markdown) && r.tag && !r.tag.includes('$')) {
      const v = splitTag(r.tag).version;
      out.push({
        ok: false,
        title: 'Small base image',
        detail: `${code(ref)} is the full variant, with compilers and headers the running app does not need; ${code(`${r.familiar}:${v ?? '<version>'}-slim`)} is a fraction of its size.`,
      });
    }
  }
  return out;
};

const aptPractices: Check = (facts) => {
  const apt: { ins: Instruction; recommends: boolean; cleaned: boolean }[] = [];
  const apk: { ins: Instruction; cleaned: boolean }[] = [];
  for (const f of facts.stages) {
    for (const ins of f.stage.instructions) {
      if (ins.keyword !== 'RUN') continue;
      const cmds = ins.shell?.commands ?? [];
      const cacheMount = cacheMountTargets(ins).some((t) => /^\/var\/(?:cache|lib)\/apt/.test(t));
      const apkMount = cacheMountTargets(ins).some((t) => /^\/var\/cache\/apk|^\/etc\/apk\/cache/.test(t));
      for (const c of cmds) {
        const inst = osInstallOf(c);
        if (!inst || inst.kind !== 'package') continue;
        const name = inst.spec.name;
        if (name === 'apt-get' || name === 'apt') {
          const cleaned = cacheMount || cmds.some((x) => cleansCache(MANAGERS['apt-get'], x) && x.start > c.start && /lists/.test(x.args.map((a) => a.text).join(' ')));
          apt.push({ ins, recommends: hasNoRecommends(c), cleaned });
        } else if (name === 'apk') {
          apk.push({ ins, cleaned: apkMount || hasNoCache(c) || cmds.some((x) => x.start > c.start && cleansCache(MANAGERS.apk, x)) });
        }
      }
    }
  }
  const out: Result[] = [];
  if (apt.length) {
    const without = apt.filter((a) => !a.recommends);
    out.push(
      without.length
        ? { ok: false, title: '`--no-install-recommends`', detail: `\`apt-get install\` on ${lines(without.map((a) => a.ins))} also installs the packages the ones named merely recommend: add \`--no-install-recommends\` [DL3015].` }
        : { ok: true, title: '`--no-install-recommends`', detail: `Every \`apt-get install\` (${lines(apt.map((a) => a.ins))}) installs only what the packages need, not what they recommend.` },
    );
    const dirty = apt.filter((a) => !a.cleaned);
    out.push(
      dirty.length
        ? { ok: false, title: 'apt lists cleaned', detail: `The \`RUN\` on ${lines(dirty.map((a) => a.ins))} leaves \`/var/lib/apt/lists\` in its layer: end it with \`&& rm -rf /var/lib/apt/lists/*\` [DL3009].` }
        : { ok: true, title: 'apt lists cleaned', detail: `\`rm -rf /var/lib/apt/lists/*\` in the same \`RUN\` as the install (${lines(apt.map((a) => a.ins))}) keeps the package index out of the layer.` },
    );
  }
  if (apk.length) {
    const dirty = apk.filter((a) => !a.cleaned);
    out.push(
      dirty.length
        ? { ok: false, title: '`apk add --no-cache`', detail: `\`apk add\` on ${lines(dirty.map((a) => a.ins))} keeps its package index in the layer: use \`apk add --no-cache\` [DL3019].` }
        : { ok: true, title: '`apk add --no-cache`', detail: `\`apk add\` (${lines(apk.map((a) => a.ins))}) leaves no package index in the layer.` },
    );
  }
  return out;
};

const pipCache: Check = (facts) => {
  const pips: { ins: Instruction; ok: boolean }[] = [];
  for (const f of facts.stages) {
    const env = chainOf(f, facts).some((s) => s.envNames.includes('PIP_NO_CACHE_DIR'));
    for (const ins of f.stage.instructions) {
      if (ins.keyword !== 'RUN') continue;
      const mount = cacheMountTargets(ins).some((t) => /\.cache\/pip/.test(t));
      for (const c of ins.shell?.commands ?? []) {
        const inst = langInstallOf(c);
        if (inst?.spec.name !== 'pip') continue;
        pips.push({ ins, ok: env || mount || pipNoCache(c) });
      }
    }
  }
  if (!pips.length) return [];
  const bad = pips.filter((p) => !p.ok);
  return [
    bad.length
      ? { ok: false, title: "pip's download cache", detail: `\`pip install\` on ${lines(bad.map((p) => p.ins))} keeps its download cache in the layer: add \`--no-cache-dir\` or \`ENV PIP_NO_CACHE_DIR=1\` [DL3042].` }
      : { ok: true, title: "pip's download cache", detail: `Every \`pip install\` (${lines(pips.map((p) => p.ins))}) runs without a download cache (\`--no-cache-dir\` or \`PIP_NO_CACHE_DIR\`), so the layer holds only the installed packages.` },
  ];
};

const manifestFirst: Check = (facts) => {
  const good: { copy: Instruction; install: Instruction; what: string }[] = [];
  const bad: { copy: Instruction; install: Instruction; what: string }[] = [];
  for (const f of facts.stages) {
    for (const m of f.manifestInstalls) {
      const before = chainInstructions(f.stage).filter((i) => i.index < m.ins.index && (i.keyword === 'COPY' || i.keyword === 'ADD'));
      const context = before.find((i) => copyKind(facts.model, i) === 'context');
      const manifest = [...before].reverse().find((i) => copyKind(facts.model, i) === 'manifest');
      if (context) bad.push({ copy: context, install: m.ins, what: m.what });
      else if (manifest) good.push({ copy: manifest, install: m.ins, what: m.what });
    }
  }
  const out: Result[] = [];
  if (good.length) {
    const g = good[0];
    out.push({
      ok: true,
      title: 'Dependencies before code, for layer caching',
      detail: `Line ${line(g.copy)} copies only the dependency files, so the install on line ${line(g.install)} (${g.what}) is reused from cache until they change; code changes rebuild only the steps after the code is copied.`,
    });
  }
  if (bad.length) {
    const b = bad[0];
    out.push({
      ok: false,
      title: 'Dependencies before code, for layer caching',
      detail: `The whole build context is copied on line ${line(b.copy)}, before the install on line ${line(b.install)} (${b.what}): any code change re-runs the install. Copy the dependency files first, install, then copy the rest.`,
    });
  }
  return out;
};

function chainInstructions(stage: Stage): Instruction[] {
  return stageChain(stage)
    .reverse()
    .flatMap((s) => s.instructions);
}

const isBuildTool = (p: InstalledPackage) => !!p.note && /build-time only/i.test(p.note);
const isDevTool = (p: InstalledPackage) => !!p.note && /(?:out of|not in) the production image/i.test(p.note);

function toolsIn(pred: (p: InstalledPackage) => boolean): Check {
  return (f_) => {
    const prod = productionLike(f_);
    if (!prod.length) return [];
    const all = f_.stages.flatMap((s) => [...s.osPackages, ...s.langPackages]).filter(pred);
    if (!all.length) return [];
    const shipped = new Map<StageFacts, InstalledPackage[]>();
    for (const f of prod) {
      const chain = chainOf(f, f_);
      const pkgs = chain.flatMap((s) => [...s.osPackages, ...s.langPackages]).filter(pred);
      if (pkgs.length) shipped.set(f, pkgs);
    }
    const kind = pred === isBuildTool ? 'Build tools' : 'Development tools';
    const title = `${kind} kept out of production`;
    if (!shipped.size) {
      const where = [...new Set(all.map((p) => p.ins.stage).filter((s): s is Stage => !!s))].map(stageTitle);
      return [{ ok: true, title, detail: `${codeList([...new Set(all.map((p) => p.name))], 4)} ${all.length > 1 ? 'are' : 'is'} installed only in ${list(where)}, which ${list(prod.map((p) => p.title))} ${prod.length > 1 ? 'do' : 'does'} not build on.` }];
    }
    return [...shipped].map(([f, pkgs]) => {
      const names = [...new Set(pkgs.map((p) => p.name))];
      const from = [...new Set(pkgs.map((p) => p.ins.stage).filter((s): s is Stage => !!s && s !== f.stage))];
      const via = from.length ? `, inherited from ${list(from.map(stageTitle))} (${lines(pkgs.map((p) => p.ins))})` : ` (${lines(pkgs.map((p) => p.ins))})`;
      const fix =
        pred === isBuildTool
          ? 'Compile in a separate build stage and copy only the result (`COPY --from`), installing just the runtime libraries in the final image, or remove the tools in the same `RUN` that installed them.'
          : 'Install them in a development or test stage that the production image does not build on.';
      return { ok: false, title, detail: `${names.length > 1 ? `${codeList(names, 4)} ship` : `${codeList(names)} ships`} in ${f.title}${via}. ${fix}` };
    });
  };
}

const productionServer: Check = (facts) => {
  const finals = runnable(facts);
  const dev = finals.filter((f) => f.start?.dev);
  const prod = finals.filter((f) => !f.start?.dev && f.start?.server);
  const out: Result[] = [];
  if (dev.length && prod.length) {
    out.push({
      ok: true,
      title: 'Production server in production',
      detail: `${list(dev.map((f) => f.title))} run${dev.length === 1 ? 's' : ''} a development server (${code(startName(dev[0].start!))}), ${list(prod.map((f) => f.title))} ${code(startName(prod[0].start!))}, built for real traffic.`,
    });
  }
  const last = finals.find((f) => f.isDefault);
  if (last?.start?.dev) {
    out.push({
      ok: false,
      title: 'Production server in production',
      detail: `The default target (${last.title}) runs a development server (${code(startName(last.start))}): it is what \`docker build .\` produces. Serve production with a real server (gunicorn, uvicorn, nginx…), in its own stage if development needs the other.`,
    });
  }
  return out;
};

const healthcheck: Check = (facts) => {
  const servers = runnable(facts).filter((f) => !f.start?.dev && (f.start?.server || f.ports.length) && f.purpose !== 'test');
  if (!servers.length) return [];
  const withCheck = servers.filter((f) => f.healthcheck && f.healthcheck.args[0]?.value.toUpperCase() !== 'NONE');
  const without = servers.filter((f) => !withCheck.includes(f));
  const out: Result[] = [];
  if (withCheck.length) {
    out.push({ ok: true, title: '`HEALTHCHECK`', detail: `${list(withCheck.map((f) => f.title))} report${withCheck.length === 1 ? 's' : ''} whether the app answers (line ${line(withCheck[0].healthcheck!)}), not just whether the process runs.` });
  }
  if (without.length) {
    out.push({ ok: false, title: '`HEALTHCHECK`', detail: `${list(without.map((f) => f.title))} ${without.length === 1 ? 'has' : 'have'} no health check: Docker only knows the process runs, not that the app answers. Add one with a tool the image has (Kubernetes uses its own probes instead).` });
  }
  return out;
};

const execForm: Check = (facts) => {
  const starts = runnable(facts).flatMap((f) => f.start!.instructions.filter((i) => i.stage === f.stage || f.final));
  const unique = [...new Set(starts)];
  if (!unique.length) return [];
  const shell = unique.filter((i) => !i.isJson && i.args.length);
  const title = unique.every((i) => i.keyword === 'ENTRYPOINT') ? 'Exec-form `ENTRYPOINT`' : unique.some((i) => i.keyword === 'ENTRYPOINT') ? 'Exec-form `CMD` and `ENTRYPOINT`' : 'Exec-form `CMD`';
  return [
    shell.length
      ? { ok: false, title, detail: `The shell form on ${lines(shell)} makes \`/bin/sh\` PID 1, which does not pass \`docker stop\`'s signal to the app: write it as a JSON array, \`["program", "arg"]\`.` }
      : { ok: true, title, detail: `${lines(unique)} use${unique.length === 1 ? 's' : ''} the JSON-array form: the program is PID 1 and stops cleanly on \`docker stop\`.` },
  ];
};

const pinned: Check = (facts, problems) => {
  const out: Result[] = [];
  const images = facts.stages.filter((f) => !f.parent && f.image && !/^scratch$/i.test(f.imageValue ?? f.image));
  if (images.length) {
    const loose = images.filter((f) => {
      const ref = f.imageValue ?? f.image!;
      if (ref.includes('$')) return false;
      const r = parseImageRef(ref);
      return !r.digest && (!r.tag || r.tag === 'latest');
    });
    out.push(
      loose.length
        ? { ok: false, title: 'Pinned base images', detail: `${codeList(loose.map((f) => f.imageValue ?? f.image!))} ${loose.length > 1 ? 'have' : 'has'} no version tag, so each build may pull a different image [DL3006, DL3007]. Name a version, and add \`@sha256:…\` for fully repeatable builds.` }
        : { ok: true, title: 'Pinned base images', detail: `${codeList([...new Set(images.map((f) => f.imageValue ?? f.image!))])} name${images.length === 1 ? 's' : ''} a version, so rebuilds start from the same release.` },
    );
  }
  const unpinned = problems.filter((p) => ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062'].includes(p.rule.id));
  if (unpinned.length) {
    const tokens = [...new Set(unpinned.map((p) => facts.model.text.slice(facts.model.lines.offsetAt(p.range.start), facts.model.lines.offsetAt(p.range.end))))];
    const codes = [...new Set(unpinned.map((p) => p.rule.id))];
    out.push({
      ok: false,
      title: 'Pinned package versions',
      detail: `${codeList(tokens, 5)} ${tokens.length > 1 ? 'have' : 'has'} no version, so a rebuild next month may install different ones [${codes.join(', ')}]. Pin the packages your app depends on, or install from a lock or requirements file that does.`,
    });
  }
  return out;
};

const layers: Check = (_facts, problems) => {
  const merged = problems.filter((p) => p.rule.id === 'DL3059');
  if (!merged.length) return [];
  return [
    {
      ok: false,
      title: 'Fewer layers',
      detail: `The \`RUN\` on ${lines(merged.map((p) => p.instruction!).filter(Boolean))} directly follows another \`RUN\`: joined with \`&&\` they make one layer instead of two, and files deleted before it ends never reach the image [DL3059].`,
    },
  ];
};

const chownCopy: Check = (facts) => {
  const withChown = facts.stages.flatMap((f) => f.stage.instructions.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.flags.some((fl) => fl.name.toLowerCase() === 'chown')));
  if (!withChown.length) return [];
  return [{ ok: true, title: '`COPY --chown`', detail: `${lines(withChown)} set${withChown.length === 1 ? 's' : ''} the owner while copying, instead of a \`chown -R\` step that would store every file a second time.` }];
};

const laterDelete: Check = (facts) => {
  const hits = laterDeletions(facts);
  if (!hits.length) return [];
  const fromContext = hits.filter((h) => h.copy);
  return [
    {
      ok: false,
      title: 'Files deleted where they were added',
      detail: `The \`rm\` on ${lines(hits.map((h) => h.ins))} deletes files an earlier step added: they stay in that step's layer, so the image is no smaller. ${fromContext.length ? 'Keep files of the build context out with `.dockerignore`; delete' : 'Delete'} generated files in the \`RUN\` that creates them.`,
    },
  ];
};

const CHECKS: Check[] = [
  multiStage,
  slimBase,
  nonRoot,
  aptPractices,
  pipCache,
  manifestFirst,
  toolsIn(isBuildTool),
  toolsIn(isDevTool),
  productionServer,
  healthcheck,
  execForm,
  chownCopy,
  pinned,
  layers,
  laterDelete,
];
