// A server-rendered report as one standalone HTML document: language, title, the component
// styles render() collected, and the body.

import { t } from '@fixops/assessment/view';
import type { Lang } from '@fixops/shared';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function reportDocument(r: { head: string; body: string }, m: { dealer: { code: string }; month: string }, lang: Lang): string {
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${t('title', lang)} · ${esc(m.dealer.code)} · ${esc(m.month)}</title>${r.head}</head>
<body>${r.body}</body></html>
`;
}
