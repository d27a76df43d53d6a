/** "Building and running": the `docker build` and `docker run` lines of each final stage. */
import { workdirs } from '../hover/arguments';
import type { FileFacts, StageFacts } from './facts';
import { code, codeList, fence, table } from './markdown';

const line = (ins: { range: { start: { line: number } } }) => ins.range.start.line + 1;

export function buildingAndRunning(facts: FileFacts, image: string): string[] {
  const out: string[] = [];
  const multi = facts.stages.length > 1;
  for (const f of facts.finals) out.push(...finalStage(facts, f, image, multi));
  const intermediate = facts.stages.filter((s) => !s.final && s.stage.name);
  if (intermediate.length) {
    out.push(
      `Any other stage can be built on its own to debug a step or run it in CI; only it and the stages it depends on are built: ${intermediate
        .slice(0, 6)
        .map((s) => code(`docker build --target ${s.stage.name!.toLowerCase()} .`))
        .join(', ')}${intermediate.length > 6 ? '…' : ''}.`,
    );
  }
  if (!facts.finals.length) out.push('The file has no stage to build.');
  return out;
}

function finalStage(facts: FileFacts, f: StageFacts, image: string, multi: boolean): string[] {
  const out: string[] = [];
  const name = f.stage.name?.toLowerCase();
  const tag = multi && name ? `${image}:${name}` : image;
  out.push(`### ${f.stage.name ? code(f.stage.name) : `Stage ${f.stage.index + 1}`}${f.isDefault && multi ? ' (default target)' : ''}`);
  const build: string[] = [];
  const needed = f.buildArgs.filter((a) => a.value === null);
  const target = multi && name ? ` --target ${name}` : '';
  if (multi && !name && !f.isDefault) {
    out.push('This final stage has no name, so it cannot be targeted: add `AS <name>` to its `FROM` line.');
    return out;
  }
  if (needed.length) {
    build.push(`docker build${target} \\`);
    for (const a of needed) build.push(`  --build-arg ${a.name}=… \\`);
    build.push(`  -t ${tag} .`);
  } else {
    build.push(`docker build${target} -t ${tag} .`);
  }
  const run: string[] = ['docker run'];
  for (const p of dedupe(f.ports.map((p) => `${p.port}:${p.port}${p.proto === 'tcp' ? '' : `/${p.proto}`}`))) run.push(`-p ${p}`);
  const wd = workdirs(facts.model, f.stage, Infinity).pop();
  if (f.start?.dev && f.start.words.includes('--reload') && wd) run.push(`-v "$(pwd)":${wd.path}`);
  run.push(tag);
  out.push(fence('bash', `${build.join('\n')}\n${run.join(' ')}`));
  const notes: string[] = [];
  if (f.buildArgs.length) {
    notes.push(
      `Build arguments (\`--build-arg NAME=value\`):\n\n${table(
        ['Argument', 'Default', 'Declared on'],
        f.buildArgs.map((a) => [code(a.name), a.value === null ? '— (required or empty)' : a.value === '' ? '(empty)' : code(a.value, 50), `line ${line(a.ins)}`]),
      )}`,
    );
  }
  const bullets: string[] = [];
  if (f.ports.length) {
    const first = f.ports[0];
    bullets.push(
      `Listens on ${codeList(dedupe(f.ports.map((p) => `${p.port}/${p.proto}`)), 6)} (\`EXPOSE\` on line ${line(first.ins)}): \`-p ${first.port}:${first.port}\` publishes it on the same port of the host; change the first number to use another host port.`,
    );
  }
  if (f.start) {
    const from = f.start.instructions.map((i) => `\`${i.keyword}\` on line ${line(i)}`).join(' and ');
    bullets.push(`Starts ${code(f.start.words.join(' '), 70)} (${from}).${f.start.dev ? ' A development server: run it with the source mounted so changes show up without a rebuild.' : ''}`);
  } else {
    bullets.push("No `CMD` or `ENTRYPOINT` in this stage or the stages it is built from: the container runs what the base image defines, or the command given after the image name.");
  }
  if (f.user) bullets.push(`Runs as ${code(f.user.name)} (\`USER\` on line ${line(f.user.ins)}); \`docker run --user\` overrides it.`);
  if (f.healthcheck && f.healthcheck.args[0]?.value.toUpperCase() !== 'NONE') {
    bullets.push(`\`docker ps\` shows its health (\`HEALTHCHECK\` on line ${line(f.healthcheck)}): \`starting\`, then \`healthy\` or \`unhealthy\`.`);
  }
  const volumes = f.stage.instructions.filter((i) => i.keyword === 'VOLUME').flatMap((i) => i.args.map((a) => a.value));
  if (volumes.length) bullets.push(`Declares ${codeList(volumes, 4)} as volume${volumes.length > 1 ? 's' : ''}: \`-v <name>:${volumes[0]}\` keeps the data in a named volume.`);
  if (!f.stage.name && multi) bullets.push(`Unnamed: \`docker build\` builds it as the default target; \`AS <name>\` would let \`--target\` name it.`);
  if (bullets.length) notes.push(bullets.map((b) => `- ${b}`).join('\n'));
  out.push(...notes);
  return out;
}

function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)];
}
