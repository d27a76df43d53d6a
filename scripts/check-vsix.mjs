// Lists a .vsix (a zip) and fails if it ships anything but bundles, grammar, docs,
// README, LICENSE and the manifest. Uses only node (reads the zip's central directory).
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const buf = readFileSync(file);
let eocd = -1;
for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
if (eocd < 0) throw new Error(`${file}: not a zip file`);
const count = buf.readUInt16LE(eocd + 10);
let p = buf.readUInt32LE(eocd + 16);
const names = [];
for (let i = 0; i < count; i++) {
  const nameLen = buf.readUInt16LE(p + 28);
  const extraLen = buf.readUInt16LE(p + 30);
  const commentLen = buf.readUInt16LE(p + 32);
  names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
  p += 46 + nameLen + extraLen + commentLen;
}
const allowed = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|README)\.md$/,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/client\/dist\/extension\.js$/,
  /^extension\/server\/dist\/server\.js$/,
  /^extension\/server\/dist\/(web-tree-sitter|tree-sitter-bash)\.wasm$/,
  /^extension\/syntaxes\/dockerfile\.tmLanguage\.json$/,
  /^extension\/language-configuration\.json$/,
  /^extension\/docs\/[\w./-]+\.md$/,
];
const unexpected = names.filter((n) => !allowed.some((re) => re.test(n)));
const required = ['extension/client/dist/extension.js', 'extension/server/dist/server.js', 'extension/server/dist/tree-sitter-bash.wasm', 'extension/server/dist/web-tree-sitter.wasm', 'extension/syntaxes/dockerfile.tmLanguage.json', 'extension/package.json'];
const missing = required.filter((r) => !names.includes(r));
console.log(`${file}: ${names.length} entries\n  ${names.join('\n  ')}`);
if (unexpected.length || missing.length) {
  if (unexpected.length) console.error(`unexpected in the package: ${unexpected.join(', ')}`);
  if (missing.length) console.error(`missing from the package: ${missing.join(', ')}`);
  process.exit(1);
}
