import doc from './DX1002.md';
import { defineRule } from './rule';
import type { DocModel, Instruction, Stage } from '../model/document';
import { stageChain } from '../model/document';
import { parseShell } from '../model/shell';
import { finalStage } from './util';

/** A word of the command line with its document offsets. */
interface Tok {
  text: string;
  start: number;
  end: number;
}

interface Hit {
  first: Tok;
  last: Tok;
  what: string;
  instead: string;
}

export default defineRule({
  id: 'DX1002',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    const { model } = ctx;
    const stage = finalStage(model);
    if (!stage) return;
    const seen = new Set<string>();
    for (const { ins, line } of commandLines(model, stage)) {
      const hit = devServer(line);
      if (!hit) continue;
      // ENTRYPOINT + CMD joined: point only at the CMD's words, not across both instructions.
      const [from, to] = [model.lines.offsetAt(ins.range.start), model.lines.offsetAt(ins.range.end)];
      if (hit.first.start < from || hit.first.end > to) hit.first = hit.last;
      const key = `${hit.first.start}:${hit.last.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.report({
        range: model.lines.range(hit.first.start, hit.last.end),
        message: `\`${hit.what}\` starts a development server, and it is the final image's command. ${hit.instead}`,
        instruction: ins,
      });
    }
  },
});

/**
 * The command lines the final image runs: its effective ENTRYPOINT and CMD (inherited
 * through `FROM <stage>`, an ENTRYPOINT resetting an inherited CMD as Docker does), each
 * on its own and, for exec-form ENTRYPOINT + CMD, joined. Shell bodies give one line per command.
 */
function commandLines(model: DocModel, stage: Stage): { ins: Instruction; line: Tok[] }[] {
  let cmd: Instruction | undefined;
  let entrypoint: Instruction | undefined;
  for (const s of stageChain(stage).reverse()) {
    let cmdSet = false;
    for (const ins of s.instructions) {
      if (ins.keyword === 'CMD') {
        cmd = ins;
        cmdSet = true;
      } else if (ins.keyword === 'ENTRYPOINT') {
        entrypoint = ins;
        if (!cmdSet) cmd = undefined;
      }
    }
  }
  const out: { ins: Instruction; line: Tok[] }[] = [];
  for (const ins of [entrypoint, cmd]) if (ins) for (const line of linesOf(model, ins)) out.push({ ins, line });
  if (entrypoint?.isJson && cmd?.isJson && !isShellWrapper(entrypoint)) {
    out.push({ ins: cmd, line: [...jsonToks(model, entrypoint), ...jsonToks(model, cmd)] });
  }
  return out;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

function isShellWrapper(ins: Instruction): boolean {
  return SHELLS.has(base(ins.args[0]?.value ?? ''));
}

function jsonToks(model: DocModel, ins: Instruction): Tok[] {
  return ins.args.map((a) => ({ text: a.value, start: model.lines.offsetAt(a.range.start), end: model.lines.offsetAt(a.range.end) }));
}

function linesOf(model: DocModel, ins: Instruction): Tok[][] {
  if (!ins.isJson) return (ins.shell?.commands ?? []).map((c) => (c.name ? [c.name, ...c.args] : c.args));
  const toks = jsonToks(model, ins);
  // ["sh", "-c", "script"]: the script's commands.
  const c = toks.findIndex((t, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(t.text));
  if (isShellWrapper(ins) && c > 0 && toks[c + 1]) {
    const s = toks[c + 1];
    const raw = model.text.slice(s.start + 1, s.end - 1);
    if (raw === s.text) return parseShell(model.text, s.start + 1, s.end - 1, null).commands.map((k) => (k.name ? [k.name, ...k.args] : k.args));
    // Escapes inside the JSON string: positions are approximate, point at the whole string.
    return parseShell(s.text, 0, s.text.length, null).commands.map((k) =>
      (k.name ? [k.name, ...k.args] : k.args).map((w) => ({ text: w.text, start: s.start, end: s.end })),
    );
  }
  return [toks];
}

function base(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

const flag = (t: Tok) => t.text.startsWith('-');

/** Drops wrappers that only start the real command: env, tini, gosu, npx, python -m, bundle exec… */
function unwrap(line: Tok[]): Tok[] {
  for (let guard = 0; guard < 8 && line.length; guard++) {
    const name = base(line[0].text);
    const rest = line.slice(1);
    let skip = 0;
    if (name === 'exec' || name === 'command' || name === 'nohup') skip = 1;
    else if (name === 'env') {
      skip = 1;
      while (skip < line.length && (flag(line[skip]) || line[skip].text.includes('='))) skip++;
    } else if (name === 'tini' || name === 'dumb-init') {
      skip = 1;
      while (skip < line.length && flag(line[skip])) skip++;
    } else if (name === 'gosu' || name === 'su-exec') skip = 2;
    else if (name === 'npx' || name === 'pnpx' || name === 'bunx') {
      skip = 1;
      while (skip < line.length && flag(line[skip])) skip++;
    } else if (/^(npm|pnpm|yarn|bun)$/.test(name) && /^(exec|dlx|x)$/.test(rest[0]?.text ?? '')) skip = 2;
    else if (/^(bundle|poetry|pipenv|uv|pdm|hatch|rye)$/.test(name) && /^(exec|run)$/.test(rest[0]?.text ?? '')) skip = 2;
    else if (/^python[\d.]*$/.test(name) && rest[0]?.text === '-m' && rest[1]) skip = 2;
    if (skip === 0) return line;
    line = line.slice(skip);
    while (line[0]?.text === '--') line = line.slice(1);
  }
  return line;
}

const DEV_SCRIPTS = new Set(['dev', 'develop', 'start:dev']);

/** The development-server invocation in one command line, if any. */
function devServer(words: Tok[]): Hit | undefined {
  const line = unwrap(words);
  if (!line.length) return undefined;
  const [cmd, ...args] = line;
  const name = base(cmd.text);
  const arg = (i: number) => args[i]?.text;
  const firstWord = args.find((a) => !flag(a));
  const hit = (last: Tok, what: string, instead: string): Hit => ({ first: cmd, last, what, instead });
  const named = (sub: string[]) => (firstWord && sub.includes(firstWord.text) ? firstWord : undefined);

  const py = 'Serve the app with a production server — gunicorn or uvicorn without `--reload`.';
  const js = 'Build the app in an earlier stage and run its production server (`next start`, `node server.js`) or serve the built files.';

  if (name === 'flask') {
    const run = args.find((a) => a.text === 'run'); // also after `--app x`
    if (run) return hit(run, `${cmd.text} run`, 'Flask\'s built-in server is for development only. ' + py);
  }
  if ((name === 'django-admin' || name === 'django') && named(['runserver'])) {
    return hit(named(['runserver'])!, `${name} runserver`, '`runserver` is for development only. ' + py.replace('uvicorn', 'uvicorn/daphne'));
  }
  if (/^python[\d.]*$/.test(name)) {
    const i = args.findIndex((a) => base(a.text) === 'manage.py');
    if (i >= 0 && arg(i + 1) === 'runserver') {
      return { first: args[i], last: args[i + 1], what: 'manage.py runserver', instead: '`runserver` is for development only. ' + py };
    }
  }
  if (/^(npm|pnpm|yarn|bun)$/.test(name)) {
    const script = /^(run|run-script)$/.test(arg(0) ?? '') ? args[1] : name !== 'npm' ? args[0] : undefined;
    if (script && DEV_SCRIPTS.has(script.text)) {
      return hit(script, line.slice(0, line.indexOf(script) + 1).map((t) => t.text).join(' '), 'A `dev` script usually starts a watcher. ' + js);
    }
  }
  if (name === 'nodemon' || name === 'ts-node-dev' || name === 'tsnd' || name === 'webpack-dev-server') {
    return hit(cmd, name, 'It restarts or rebuilds on every file change. ' + js);
  }
  if (name === 'node') {
    const w = args.find((a) => a.text === '--watch' || a.text.startsWith('--watch-path'));
    if (w) return { first: w, last: w, what: `node ${w.text}`, instead: 'It restarts the process on every file change. Run `node` without it.' };
  }
  const sub: Record<string, string[]> = {
    next: ['dev'],
    nuxt: ['dev'],
    nuxi: ['dev'],
    astro: ['dev'],
    remix: ['dev'],
    gatsby: ['develop'],
    ng: ['serve', 's'],
    'vue-cli-service': ['serve'],
    'react-scripts': ['start'],
    webpack: ['serve'],
    'webpack-cli': ['serve'],
    hugo: ['server', 'serve'],
    jekyll: ['serve', 's'],
    dotnet: ['watch'],
  };
  if (sub[name]) {
    const s = named(sub[name]);
    if (s) {
      const instead =
        name === 'hugo' || name === 'jekyll'
          ? 'Build the site (`hugo`, `jekyll build`) in an earlier stage and serve the files with a web server such as nginx.'
          : name === 'dotnet'
            ? 'Publish the app (`dotnet publish`) in an earlier stage and run the published DLL.'
            : js;
      return hit(s, `${name} ${s.text}`, instead);
    }
  }
  if (name === 'vite') {
    const s = firstWord;
    if (!s || !['build', 'preview', 'optimize'].includes(s.text)) {
      return hit(s && (s.text === 'dev' || s.text === 'serve') ? s : cmd, s && (s.text === 'dev' || s.text === 'serve') ? `vite ${s.text}` : 'vite', js);
    }
  }
  if (name === 'php' && base(arg(0) ?? '') === 'artisan' && arg(1) === 'serve') {
    return hit(args[1], 'php artisan serve', '`artisan serve` is for development only. Serve the app with PHP-FPM behind nginx, or with a production server such as FrankenPHP or RoadRunner.');
  }
  const reload = line.find((t) => t.text === '--reload');
  if (reload) {
    return { first: reload, last: reload, what: `${name} --reload`, instead: 'The reloader watches files and restarts the server on changes. Drop `--reload` in the image you ship.' };
  }
  return undefined;
}
