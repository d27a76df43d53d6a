import doc from './ExposeInvalidFormat.md';
import { defineRule } from './rule';
import { exposeSpecs } from './util';

export default defineRule({
  id: 'ExposeInvalidFormat',
  severity: 'warning',
  fixable: true,
  fixSafety: 'safe',
  doc,
  check(ctx) {
    const { model } = ctx;
    for (const ins of ctx.instructions('EXPOSE')) {
      for (const s of exposeSpecs(model, ins)) {
        if (!s.ip && !s.hostPort) continue;
        const container = s.proto ? `${s.containerPort}/${s.proto}` : s.containerPort;
        const what = s.ip ? (s.hostPort ? 'an IP address and a host port' : 'an IP address') : 'a host port';
        const shown = s.literal ? `\`${s.spec}\`` : `\`${s.word.value}\` (\`${s.spec}\` here)`;
        // Only the container port reaches the image, so dropping the rest changes nothing — when
        // the parts are well-formed (otherwise the builder fails on them and the user should look).
        const fixable = s.literal && /^(\d+(-\d+)?)?$/.test(s.hostPort) && /^[0-9A-Fa-f.:[\]]*$/.test(s.ip);
        ctx.report({
          range: s.word.range,
          message: `${shown} maps ${what}, which EXPOSE ignores: only the container port ${container} is recorded. Publish ports with \`docker run -p\` instead.`,
          instruction: ins,
          fix: fixable ? { title: `Expose only ${container}`, edits: [{ range: s.word.range, newText: container }], safe: true } : undefined,
        });
      }
    }
  },
});
