// The API's standalone report page (GET /api/dealers/:code/report) shown inside the dashboard:
// its body goes in as it is, and its style sheet is scoped to one container (`body` becomes
// the container, every other selector is prefixed) so it neither leaks into the app nor
// loses its print rules (@page stays as written).

export interface ReportParts {
  title: string;
  css: string;
  body: string;
}

/** Splits a standalone HTML page into its title, style sheet and body. */
export function splitReport(html: string): ReportParts {
  const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim() ?? '';
  const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join('\n');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return { title, css, body };
}

function scopeSelector(selector: string, scope: string): string {
  const s = selector.trim();
  if (s === '') return s;
  if (s === 'body' || s === 'html') return scope;
  if (/^(html|body)\b/.test(s)) return `${scope}${s.replace(/^(html|body)/, '')}`;
  return `${scope} ${s}`;
}

/**
 * Prefixes every rule of a flat style sheet with `scope`. At-rules with a block of
 * declarations (@page, @font-face) stay as they are; @media blocks are scoped inside.
 */
export function scopeCss(css: string, scope: string): string {
  const out: string[] = [];
  let i = 0;
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const head = text.slice(i, open).trim();
    if (head.startsWith('@media') || head.startsWith('@supports')) {
      // find the matching close brace of the block
      let depth = 1;
      let j = open + 1;
      while (j < text.length && depth > 0) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
        j++;
      }
      out.push(`${head} { ${scopeCss(text.slice(open + 1, j - 1), scope)} }`);
      i = j;
      continue;
    }
    const close = text.indexOf('}', open);
    const block = text.slice(open + 1, close < 0 ? text.length : close).trim();
    i = close < 0 ? text.length : close + 1;
    if (head.startsWith('@')) out.push(`${head} { ${block} }`);
    else out.push(`${head.split(',').map((s) => scopeSelector(s, scope)).join(', ')} { ${block} }`);
  }
  return out.join('\n');
}
