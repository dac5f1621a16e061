// Numbers for the benchmark tables: digits by magnitude, thousands separated.

import type { Spread } from './stats.js';

export function formatNumber(n: number, digits?: number): string {
  const d = digits ?? (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2);
  return n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

export function formatSpread(s: Spread, digits?: number): string {
  const d = digits ?? (Math.abs(s.median) >= 100 ? 0 : Math.abs(s.median) >= 10 ? 1 : 2);
  return `${formatNumber(s.min, d)} / ${formatNumber(s.median, d)} / ${formatNumber(s.max, d)}`;
}

/** "30.7 (30.6–31.0)": the median ratio and its range over rounds. */
export function formatRatio(s: Spread, unit = '×'): string {
  const d = s.median >= 100 ? 0 : s.median >= 10 ? 1 : 2;
  return `${formatNumber(s.median, d)}${unit} (${formatNumber(s.min, d)}–${formatNumber(s.max, d)})`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
