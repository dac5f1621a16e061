// Words and numbers the scorecard pages share: a change in score rate as "+5.0 pt", the
// status key of a supplier, and a class-weighted composite preview computed as the checklist
// engine does (Σ weight·score / Σ weights) for the form, before the server scores it.

import type { MessageKey } from '$lib/i18n';

export function changeText(change: number | null): string {
  if (change === null) return '';
  const pt = (change * 100).toFixed(1);
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${pt.replace('-', '')} pt`;
}

export function trendKey(trend: 'up' | 'down' | 'flat' | null): MessageKey | null {
  return trend === 'up' ? 'staff.trendUp' : trend === 'down' ? 'staff.trendDown' : trend === 'flat' ? 'staff.trendFlat' : null;
}

export function statusKey(status: 'ok' | 'suspended' | 'disqualified' | null | undefined): MessageKey {
  return status === 'suspended' ? 'suppliers.statusSuspended' : status === 'disqualified' ? 'suppliers.statusDisqualified' : status === 'ok' ? 'suppliers.statusOk' : 'suppliers.notRated';
}

/** The composite of filled-in scores, or null until every dimension has a number in 0..100. */
export function compositePreview(weights: Record<string, number>, scores: Record<string, string>): number | null {
  let sum = 0;
  let total = 0;
  for (const [dim, w] of Object.entries(weights)) {
    const text = (scores[dim] ?? '').trim();
    const v = Number(text);
    if (text === '' || !Number.isFinite(v) || v < 0 || v > 100) return null;
    sum += w * v;
    total += w;
  }
  return total === 0 ? null : Math.round((sum / total) * 100) / 100;
}
