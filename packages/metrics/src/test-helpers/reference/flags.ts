// Flags of kpis.md (not_tracked, target, trend, peer) over the reference's values.
//
// Interpretation decisions:
// - warming up (values.ts): such a value gets no flag and, being null, is no one's history
//   or peer.
// - target: flagged only on the strictly wrong side ('>=': value < target; '<=': value >
//   target); a KPI without a target in the settings never gets one; null gets none.
// - trend: history = the dealer's non-null values of the calendar months m-12 .. m-1 that are
//   dealer-months (a month without rows has no value); needs >= 6 values; z uses the
//   median and MAD of that history; |z| >= 3.5 flags, in either direction.
// - peer: group from the dealers list (last row wins if a dealer is listed twice;
//   'default' when absent); the group's dealers with a non-null value for the KPI in the
//   same month, >= 5 of them, the dealer itself included; strictly below P10 (higher is
//   better) or strictly above P90 (lower is better).
// - Sort: dealer and month by code unit order, KPI by catalogue order, kind by its string
//   (code unit order: not_tracked < peer < target < trend).

import { betterDirection, kpiPosition } from './catalogue.js';
import { median, percentileCont } from './stats.js';
import { compareText } from './values.js';
import { parseMonthKey } from './time.js';
import type { RefDealer, RefFlag, RefSettings, RefValue } from './types.js';

const TREND_MIN_HISTORY = 6;
const TREND_Z = 3.5;
const PEER_MIN_DEALERS = 5;

function key(dealer: string, month: number, kpi: string): string {
  return `${dealer}|${month}|${kpi}`;
}

export function compareFlags(a: RefFlag, b: RefFlag): number {
  return (
    compareText(a.dealer, b.dealer) ||
    compareText(a.month, b.month) ||
    kpiPosition(a.kpi) - kpiPosition(b.kpi) ||
    compareText(a.kind, b.kind)
  );
}

export function referenceFlags(values: RefValue[], dealers: RefDealer[], settings: RefSettings): RefFlag[] {
  const groupOf = new Map<string, string>();
  for (const d of dealers) groupOf.set(d.dealer, d.peer_group);
  const group = (dealer: string): string => groupOf.get(dealer) ?? 'default';

  const byKey = new Map<string, number | null>();
  for (const v of values) byKey.set(key(v.dealer, parseMonthKey(v.month), v.kpi), v.value);

  const flags: RefFlag[] = [];
  for (const v of values) {
    const flag = (kind: RefFlag['kind']): void => {
      flags.push({ dealer: v.dealer, month: v.month, kpi: v.kpi, kind });
    };
    if (v.warming) continue; // warming up: no flag of any kind
    if (v.value === null) {
      flag('not_tracked');
      continue;
    }
    const value = v.value;
    const month = parseMonthKey(v.month);

    const target = settings.targets[v.kpi];
    if (target !== undefined) {
      if (target.op === '>=' && value < target.value) flag('target');
      if (target.op === '<=' && value > target.value) flag('target');
    }

    const history: number[] = [];
    for (let back = 1; back <= 12; back += 1) {
      const past = byKey.get(key(v.dealer, month - back, v.kpi));
      if (past !== undefined && past !== null) history.push(past);
    }
    if (history.length >= TREND_MIN_HISTORY) {
      const m = median(history);
      const mad = median(history.map((x) => Math.abs(x - m)));
      if (mad > 0) {
        const z = (0.6745 * (value - m)) / mad;
        if (Math.abs(z) >= TREND_Z) flag('trend');
      }
    }

    const peers: number[] = [];
    for (const other of values) {
      if (other.month === v.month && other.kpi === v.kpi && other.value !== null && group(other.dealer) === group(v.dealer)) {
        peers.push(other.value);
      }
    }
    if (peers.length >= PEER_MIN_DEALERS) {
      peers.sort((a, b) => a - b);
      if (betterDirection(v.kpi) === 'higher' && value < percentileCont(peers, 0.1)) flag('peer');
      if (betterDirection(v.kpi) === 'lower' && value > percentileCont(peers, 0.9)) flag('peer');
    }
  }
  return flags.sort(compareFlags);
}
