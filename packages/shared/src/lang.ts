// User-facing text is Chinese first; English on request. One place decides which language a
// request wants (cookie or query aside: the Accept-Language header) and picks a side of a
// {zh, en} pair — the API, the dashboard and the CLI all use these. Browser-safe.

import type { Message } from './errors.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'en';
}

export type Params = Record<string, string | number>;

/** `{name}` placeholders filled from params; unknown names stay as written. */
export function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** One side of a {zh, en} pair, placeholders filled. */
export function pick(lang: Lang, message: Message, params?: Params): string {
  return fill(lang === 'en' ? message.en : message.zh, params);
}

/** Both languages on one line, Chinese first: "文件为空 / The file is empty". */
export function bilingual(message: Message): string {
  return message.zh === message.en ? message.zh : `${message.zh} / ${message.en}`;
}

/**
 * The language an Accept-Language header prefers, by q-value (first wins a tie); zh when it
 * names neither zh nor en. Several header values count as one list.
 */
export function preferredLang(header: string | readonly string[] | null | undefined): Lang {
  const text = typeof header === 'string' ? header : header ? header.join(',') : '';
  let best: { lang: Lang; q: number } | undefined;
  for (const part of text.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const lang: Lang | undefined = tag.startsWith('en') ? 'en' : tag.startsWith('zh') ? 'zh' : undefined;
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'zh';
}
