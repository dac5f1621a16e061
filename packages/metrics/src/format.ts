// How KPI values read in sentences: % with one decimal, ¥ with thousands separators
// (万 for large sums in Chinese), counts as whole numbers.

import type { Lang } from '@fixops/shared';
import type { Unit } from './catalog.js';

export function formatValue(value: number | null, unit: Unit, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return lang === 'zh' ? '未统计' : 'n/a';
  switch (unit) {
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'money':
      if (lang === 'zh' && Math.abs(value) >= 10000) return `¥${(value / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}万`;
      return `¥${value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 })}`;
    case 'count':
      return Math.round(value).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  }
}
