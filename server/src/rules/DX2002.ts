import doc from './DX2002.md';
import { defineRule } from './rule';
import { builderText } from './util';
import { execFormStrings } from '../knowledge/flags';

/** What each instruction needs at the least; instructions missing here may be empty (RUN, CMD, ENTRYPOINT). */
const NEEDS: Record<string, string> = {
  FROM: 'an image to start from, such as `FROM alpine:3.20`',
  ENV: 'at least one `name=value`',
  LABEL: 'at least one `key=value`',
  ARG: 'a name, such as `ARG VERSION` or `ARG VERSION=1.0`',
  COPY: 'a source and a destination',
  ADD: 'a source and a destination',
  ONBUILD: 'the instruction to run in images built `FROM` this one',
  WORKDIR: 'a directory',
  USER: 'a user name or UID',
  STOPSIGNAL: 'a signal, such as `SIGTERM`',
  MAINTAINER: 'a name',
  EXPOSE: 'at least one port',
  VOLUME: 'at least one path',
  SHELL: 'the shell as a JSON array, such as `["/bin/bash", "-c"]`',
  HEALTHCHECK: '`CMD <command>` or `NONE`',
};

export default defineRule({
  id: 'DX2002',
  severity: 'error',
  fixable: false,
  doc,
  check(ctx) {
    for (const keyword of Object.keys(NEEDS)) {
      for (const ins of ctx.instructions(keyword)) {
        if (ins.onbuild && (keyword === 'FROM' || keyword === 'MAINTAINER' || keyword === 'ONBUILD')) continue; // DL3043's
        const bt = builderText(ctx.model, ins);
        const rest = bt.text.slice(bt.argsStart).trim();
        let empty = rest === '';
        if (!empty && rest.startsWith('[') && ['VOLUME', 'SHELL', 'COPY', 'ADD'].includes(keyword)) {
          const list = execFormStrings(rest);
          if (list) {
            empty = list.length === 0;
            // `VOLUME [""]`: the builder refuses an empty path.
            if (keyword === 'VOLUME' && list.length) {
              for (const a of ins.args) {
                if (a.value.trim() !== '') continue;
                ctx.report({ range: a.range, message: '`VOLUME` has an empty path: the builder rejects it.', instruction: ins });
              }
            }
          }
        }
        if (!empty) continue;
        ctx.report({
          range: ins.keywordRange,
          message: `\`${ins.keywordText}\` has no arguments: it needs ${NEEDS[keyword]}, and the builder rejects it without.`,
          instruction: ins,
        });
      }
    }
  },
});

