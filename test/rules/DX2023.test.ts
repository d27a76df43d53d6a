import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';

test('DX2023: a heredoc whose closing line has blanks is flagged on the marker, with a fix trimming that line', () => {
  const text = 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\n  EOF\nCMD ["sh"]\n';
  assert.deepEqual(findings(text, 'DX2023'), ['2:5-2:10']);
  assert.deepEqual(messages(text, 'DX2023'), [
    'The heredoc `<<EOF` has no closing `EOF` line: the builder reads to the end of the file and fails. Line 4 has `EOF` with blanks around it: the closing line must be exactly `EOF`.',
  ]);
  assert.equal(fixed(text, 'DX2023'), 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\nCMD ["sh"]\n');
  assert.equal(fixed('FROM alpine:3.20\r\nCOPY <<conf /etc/x\r\nlisten 80\r\nconf \r\n', 'DX2023'), 'FROM alpine:3.20\r\nCOPY <<conf /etc/x\r\nlisten 80\r\nconf\r\n');
});

test('DX2023: a heredoc with no closing line at all, and `<< EOF` with a blank', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nRUN <<-"SCRIPT" sh\n\techo hi\n', 'DX2023'), ['2:5-2:16']);
  const text = 'FROM alpine:3.20\nRUN cat << EOF > /x\nhello\nEOF\n';
  assert.deepEqual(messages(text, 'DX2023'), [
    '`<< EOF` is not a heredoc for the builder: write `<<EOF` without a blank; as it is, the lines below are read as instructions.',
  ]);
});

test('DX2023: quiet for terminated heredocs, tab-indented `<<-` ends, several heredocs, here-strings and shifts', () => {
  const text = [
    'FROM alpine:3.20',
    'RUN <<EOF',
    'echo one',
    'EOF',
    'RUN <<-EOT',
    '\techo two',
    '\tEOT',
    'COPY <<a <<b /etc/',
    'x',
    'a',
    'y',
    'b',
    "RUN python3 <<'PY' > /out",
    'print(1)',
    'PY',
    'RUN cat <<< "here-string" && echo $((1<<2)) "<<EOF"',
    'RUN --mount=target=/in <<EOT',
    '    find . -type f -exec gzip {} \\;',
    '    # a comment line in the script',
    'EOT',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'DX2023'), []);
});

test('DX2023: inside ONBUILD', () => {
  assert.deepEqual(findings('FROM alpine:3.20\nONBUILD RUN <<EOF\necho\n', 'DX2023'), ['2:13-2:18']);
});
