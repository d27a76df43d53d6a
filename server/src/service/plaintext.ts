/**
 * The plain-text form of our Markdown, for clients whose hover shows plain text only: the
 * same words without the markup (code kept as written, links as "text (url)", tables as
 * lines of cells).
 */
export function markdownToPlainText(md: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const raw of md.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    let line = raw;
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table rule
    if (/^\s*---+\s*$/.test(line)) {
      out.push('');
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      line = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).join(' — ');
    }
    line = line
      .replace(/^(\s*)#{1,6}\s+/, '$1')
      .replace(/!\[([^\]]*)\]\(([^)]+)\)/g, '$1')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, text: string, url: string) => (text === url ? url : `${text} (${url})`))
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, '$1$2')
      .replace(/(^|[^\w_])_([^_\s][^_]*)_(?!\w)/g, '$1$2')
      .replace(/`([^`]+)`/g, '$1');
    out.push(line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
