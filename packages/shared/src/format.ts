// How a KPI value reads, in its unit, everywhere (dashboard, flag sentences, CLI tables):
// ¥ with thousands separators (万/亿 for large sums in Chinese, the sign before ¥), % with one
// decimal, counts as whole numbers, a missing value as "—" (with its reason when one is known).
// Browser-safe: the dashboard formats with it on the server and in the browser.

import type { Lang } from './lang.js';

export type Unit = 'count' | 'rate' | 'money';

export const NONE = '—';

/** What a KPI without a value is called in sentences and tables. */
export const NOT_TRACKED = { zh: '未统计', en: 'n/a' } as const;

/** A customer-window KPI whose 12 months reach back before the dealer's data (kpis.md: history coverage). */
export const WARMING_UP = { zh: '数据积累中', en: 'warming up' } as const;

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');

// Intl formatters are costly to create and cheap to reuse (toLocaleString makes one per call).
const formatters = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: min, maximumFractionDigits: max });
    formatters.set(key, f);
  }
  return f;
}

export const isFiniteNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** ¥1,234 · in Chinese from 10,000 up: ¥12.3万 (¥1.2亿 from 100,000,000). */
export function formatMoney(value: number | null | undefined, lang: Lang): string {
  if (!isFiniteNumber(value)) return NONE;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (lang === 'zh' && abs >= 1e8) return `${sign}¥${nf('zh', 1, 1).format(abs / 1e8)}亿`;
  if (lang === 'zh' && abs >= 1e4) return `${sign}¥${nf('zh', 1, 1).format(abs / 1e4)}万`;
  return `${sign}¥${nf(lang, 0, 0).format(abs)}`;
}

/** A share 0..1 as a percentage with one decimal: 0.1234 → 12.3%. */
export function formatPercent(value: number | null | undefined): string {
  if (!isFiniteNumber(value)) return NONE;
  return `${(value * 100).toFixed(1)}%`;
}

export function formatCount(value: number | null | undefined, lang: Lang): string {
  if (!isFiniteNumber(value)) return NONE;
  return nf(lang, 0, 0).format(Math.round(value));
}

/** A KPI value in its unit; null is "—", or "— (reason)" when the reason is known. */
export function formatValue(value: number | null | undefined, unit: Unit, lang: Lang, reason?: string): string {
  if (!isFiniteNumber(value)) return reason ? (lang === 'zh' ? `${NONE}（${reason}）` : `${NONE} (${reason})`) : NONE;
  if (unit === 'rate') return formatPercent(value);
  if (unit === 'money') return formatMoney(value, lang);
  return formatCount(value, lang);
}
