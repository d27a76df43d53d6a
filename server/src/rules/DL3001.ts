import doc from './DL3001.md';
import { defineRule } from './rule';
import { wordRange } from './util';
import { baseName } from '../model/shell';

/** Commands that make no sense while an image builds, and why. */
const POINTLESS: Record<string, string> = {
  free: 'shows the memory of the build container, which is gone when the RUN ends',
  kill: 'can only reach processes started earlier in this same RUN: every RUN starts in a fresh container, and its processes end with it',
  mount: 'mounts a file system only until the RUN ends; use `RUN --mount=…` instead',
  ps: 'lists the processes of the build container, which is gone when the RUN ends',
  service: 'starts or stops a service only until the RUN ends; start services from CMD or ENTRYPOINT',
  shutdown: 'cannot shut anything down: the build container stops by itself when the RUN ends',
  ssh: 'needs keys and answers a build cannot give, and keys used here stay in the layer; use `RUN --mount=type=ssh` to reach private hosts',
  top: 'is an interactive viewer of the build container, which is gone when the RUN ends',
  vim: 'is an interactive editor and nobody can type into a build; change files with `sed` or COPY them in',
};

export default defineRule({
  id: 'DL3001',
  severity: 'info',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('RUN')) {
      for (const cmd of ins.shell?.commands ?? []) {
        const name = baseName(cmd);
        if (!cmd.name || !Object.prototype.hasOwnProperty.call(POINTLESS, name)) continue;
        ctx.report({ range: wordRange(ctx.model, cmd.name), message: `\`${name}\` ${POINTLESS[name]}.`, instruction: ins });
      }
    }
  },
});
