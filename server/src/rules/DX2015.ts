import doc from './DX2015.md';
import { defineRule } from './rule';
import type { Range } from 'vscode-languageserver-types';
import { builderRange, builderText } from './util';
import { closest } from '../knowledge/flags';
import { expand, lookupAt } from '../model/variables';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

interface Problem {
  text: string;
  /** Index range within the port spec, when the problem is only part of it (the protocol). */
  part?: [number, number];
  fix?: string;
}

/** A port or range: digits (a port above 65535 is DL3011's concern), or `start-end`. */
function rangeProblem(s: string, what: string): string | undefined {
  if (s === '') return `the ${what} is empty`;
  const parts = s.split('-');
  if (parts.length > 2 || parts.some((p) => !/^\d+$/.test(p))) return `\`${s}\` is not a ${what} (a number, or a range like \`8000-8010\`)`;
  if (parts.length === 2 && Number(parts[1]) < Number(parts[0])) return `the ${what} range \`${s}\` ends before it starts`;
  return undefined;
}

function isIPv4(s: string): boolean {
  return /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(s);
}

function isIPv6(s: string): boolean {
  let groups = s;
  let extra = 0;
  const v4 = /:((?:\d+\.){3}\d+)$/.exec(s);
  if (v4) {
    if (!isIPv4(v4[1])) return false;
    groups = s.slice(0, v4.index + 1) + '0';
    extra = 1;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const count = (h: string) => (h === '' ? [] : h.split(':'));
  const all = halves.flatMap(count);
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const n = all.length + extra;
  return halves.length === 2 ? n <= 7 : n === 8;
}

/** What is wrong with one port spec (`[ip:][host:]port[-end][/proto]`), as the builder parses it. */
function specProblem(spec: string): Problem | undefined {
  const parts = spec.split(':');
  const container = parts[parts.length - 1];
  const host = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  let ip = parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':') : undefined;
  const slash = container.indexOf('/');
  const port = slash < 0 ? container : container.slice(0, slash);
  const proto = slash < 0 ? '' : container.slice(slash + 1);
  if (port === '') return { text: `no port before \`/${proto}\`` };
  if (proto !== '' && !PROTOCOLS.includes(proto.toLowerCase())) {
    const at = spec.length - proto.length;
    const guess = closest(proto, PROTOCOLS, 1);
    return { text: `\`${proto}\` is not a protocol (use \`tcp\`, \`udp\` or \`sctp\`)`, part: [at, spec.length], fix: guess };
  }
  if (ip !== undefined) {
    if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
    if (!isIPv4(ip) && !isIPv6(ip)) return { text: `\`${ip}\` is not an IP address` };
  }
  const portProblem = rangeProblem(port, 'port');
  if (portProblem) return { text: portProblem };
  if (host) {
    const hostProblem = rangeProblem(host, 'host port');
    if (hostProblem) return { text: hostProblem };
    const span = (r: string) => (r.includes('-') ? Number(r.split('-')[1]) - Number(r.split('-')[0]) : 0);
    if (port.includes('-') && span(port) !== span(host)) return { text: `the host range \`${host}\` and the port range \`${port}\` have different sizes` };
  }
  return undefined;
}

export default defineRule({
  id: 'DX2015',
  severity: 'error',
  fixable: true,
  fixSafety: 'review',
  doc,
  check(ctx) {
    const model = ctx.model;
    for (const ins of ctx.instructions('EXPOSE')) {
      const bt = builderText(model, ins);
      let lookup: ReturnType<typeof lookupAt> | undefined;
      for (const m of bt.text.slice(bt.argsStart).matchAll(/[^\t\n\v\f\r ]+/g)) {
        const word = m[0];
        const start = bt.argsStart + m.index!;
        const range = (s = 0, e = word.length): Range => builderRange(model, bt, start + s, start + e);
        let specs = [word];
        let expanded = false;
        if (/[$"'\\`]/.test(word)) {
          const e = expand(word.replace(/^(["'])(.*)\1$/, '$2'), (lookup ??= lookupAt(model, ins)), model.escapeChar);
          if (!e.complete || /["'\\`]/.test(e.value)) continue; // known only at build time
          specs = e.value.split(/\s+/).filter(Boolean);
          expanded = e.value !== word;
        }
        for (const spec of specs) {
          const p = specProblem(spec);
          if (!p) continue;
          const shown = expanded ? `\`${word}\` gives \`${spec}\`: ` : '';
          const comment = spec.startsWith('#') ? ' A `#` comment must start its own line.' : '';
          const r = p.part && !expanded ? range(p.part[0], p.part[1]) : range();
          ctx.report({
            range: r,
            message: `${shown}${p.text}; the builder rejects this EXPOSE.${p.fix ? ` Did you mean \`${p.fix}\`?` : ''}${comment}`,
            instruction: ins,
            fix: p.fix && p.part && !expanded ? { title: `Change to ${p.fix}`, edits: [{ range: r, newText: p.fix }], safe: false } : undefined,
          });
        }
      }
    }
  },
});
