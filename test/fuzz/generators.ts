/** fast-check arbitraries for Dockerfiles: generated from parts, and mutations of real files. */
import fc from 'fast-check';

const word = fc.constantFrom('app', 'base', 'builder', 'x', 'é', '日本', '🐳', 'a-b', 'A_B', '', 'EOF', 'node', 'python:3.12-slim', 'ubuntu@sha256:abc');
const variable = fc.constantFrom(
  '$A', '${A}', '${A:-def}', '${A:+alt}', '${A-x}', '${A#pre}', '${A%%suf}', '${A/x/y}', '$', '${', '${A', '${A:-${B:-c}}', '\\$A', '$$',
  '${BUILDPLATFORM}', '$TARGETARCH', '"$A"', "'$A'", '${A:?err}',
);
const flag = fc.constantFrom(
  '--platform=$BUILDPLATFORM', '--platform=', '--from=base', '--from=', '--chown=1000:1000', '--chmod=755', '--link', '--link=false',
  '--mount=type=cache,target=/root/.cache/pip', '--mount=type=bind,', '--mount=type=secret,id=x', '--mount=', '--mount=type=cache,target=/var/cache/apt,sharing=locked',
  '--network=none', '--network=', '--security=insecure', '--interval=30s', '--timeout=', '--retries=x', '--start-period=5s',
  '--keep-git-dir=true', '--checksum=sha256:abc', '--exclude=*.md', '--parents', '--', '-', '--unknown', '--=',
);
const shell = fc.constantFrom(
  'apt-get update && apt-get install -y curl', 'apt-get install --no-install-recommends -y a=1 b', 'pip install flask', 'npm ci', 'cd /x && make',
  'echo "unterminated', "echo 'q", 'if [ -f x ]; then echo y; fi', 'for i in 1 2; do echo $i; done', '$(curl -s x | sh)', '`id`', 'a | b || c ; d &',
  'apk add --no-cache git', 'yum install -y x && yum clean all', 'sudo rm -rf /', 'wget -qO- x | tar xz', 'cat <<EOF > /x', '(', ')', '{', '}', '"', "'", '\\',
);
const keyword = fc.constantFrom(
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD',
  'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'from', 'Run', 'copy', 'FROMX', 'ONBUILD RUN', 'ONBUILD ONBUILD', 'HEALTHCHECK CMD', 'HEALTHCHECK NONE',
);
const arg = fc.oneof(word, variable, flag, shell, fc.constantFrom('AS', 'as', '=', 'a=b', 'a="b c"', "a='b'", 'K=V K2=V2', '80/tcp', '8080-8090', '["a", "b"]', '["unterminated', '[', ']', '[]', '{}', '#', '# not a comment', '<<EOF', '<<-EOT', "<<'END", '<<"X"', '<<EOF <<EOT'), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const sep = fc.constantFrom(' ', ' ', ' ', '  ', '\t', ' \\\n ', ' \\\n', ' \\ \n\t', ' `\n', ' \\\n# comment\n ', ' \\\n\n ');
const instruction = fc.tuple(fc.constantFrom('', ' ', '\t'), keyword, fc.array(fc.tuple(sep, arg), { maxLength: 7 })).map(([lead, k, parts]) => lead + k + parts.map(([s, a]) => s + a).join(''));
const heredoc = fc.tuple(fc.constantFrom('RUN <<EOF', 'RUN <<-EOT', "COPY <<'END' /x", 'RUN <<EOF bash', 'RUN cat <<A <<B', 'RUN <<"EOF"', 'RUN <<EOF\\'), fc.array(fc.oneof(shell, word, fc.constantFrom('\tindented', 'EOF ', ' EOF', '', '$A')), { maxLength: 4 }), fc.constantFrom('EOF', 'EOT', '\tEOT', 'END', 'A\nx\nB', '', 'eof')).map(
  ([head, body, end]) => [head, ...body, end].join('\n'),
);
const line = fc.oneof(
  { weight: 8, arbitrary: instruction },
  { weight: 2, arbitrary: heredoc },
  { weight: 2, arbitrary: fc.constantFrom('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# escape=x', '# check=skip=all', '# check=error=true;skip=JSONArgsRecommended', '# hadolint ignore=DL3008,DL3015', '# hadolint global ignore=DL3059', '# comment', '#', '', '   ', '\\', '`') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('RUN echo ', 'ENV A=', 'LABEL a='), fc.constantFrom('x', ' ', '\\', '$', '{', '"', '=', '-', 'é'), fc.integer({ min: 200, max: 3000 })).map(([k, c, n]) => k + c.repeat(n)) },
);

/** A generated Dockerfile: lines of instructions, heredocs, directives and comments, LF or CRLF, maybe a BOM. */
export const dockerfile = fc.tuple(fc.boolean(), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.array(line, { minLength: 0, maxLength: 14 }), fc.boolean()).map(
  ([bom, eol, lines, trailing]) => (bom ? '\uFEFF' : '') + lines.join('\n').replace(/\n/g, eol) + (trailing ? eol : ''),
);

export type Mutation = { kind: 'flip'; at: number; code: number } | { kind: 'delete'; at: number; len: number } | { kind: 'dupLine'; at: number } | { kind: 'insert'; at: number; text: string };

export const mutations = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), code: fc.constantFrom(0, 9, 10, 13, 32, 34, 35, 36, 39, 45, 61, 92, 96, 123, 125, 0xfeff, 0xd800, 0xe9) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('dupLine' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom('\\\n', '<<EOF\n', '\nEOF\n', '# escape=`\n', '"', '${', '\r\n', '\n\n', '--mount=') }),
  ),
  { minLength: 1, maxLength: 6 },
);

/** Applies mutations (positions are fractions of the current text's length). */
export function mutate(text: string, ms: readonly { kind: string; at: number; code?: number; len?: number; text?: string }[]): string {
  for (const m of ms) {
    const i = Math.min(text.length, Math.floor(m.at * (text.length + 1)));
    if (m.kind === 'flip') text = text.slice(0, i) + String.fromCharCode(m.code!) + text.slice(i + 1);
    else if (m.kind === 'delete') text = text.slice(0, i) + text.slice(i + m.len!);
    else if (m.kind === 'insert') text = text.slice(0, i) + m.text! + text.slice(i);
    else {
      const s = text.lastIndexOf('\n', i - 1) + 1;
      let e = text.indexOf('\n', i);
      e = e < 0 ? text.length : e + 1;
      text = text.slice(0, e) + text.slice(s, e) + text.slice(e);
    }
  }
  return text;
}
