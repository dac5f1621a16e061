// The measured effect of coaching: did a KPI move after an action, beyond what the dealer's
// peers did at the same time and beyond the dealer's own month-to-month noise? Pure functions,
// browser-safe, so the numbers can be worked by hand in a test.
//
// Definitions (for an action created on day C, due on day D, targeting KPI k of dealer X):
// - before window: the 3 calendar months before C's month (C's own month is partly after the
//   action was agreed, so it is left out); after window: the 3 calendar months after D's month
//   (D's month is still the action's own time). Of each window only the months where X has a
//   value count ("as many as exist").
// - dealer before / after: the mean of X's values in those months; change = after − before.
// - group: for each of those same months, the median of k over the other dealers of X's peer
//   group that have a value that month (X excluded); group before / after = the mean of those
//   monthly medians (months without any peer value are skipped); group change = after − before.
// - DiD (difference in differences) = dealer change − group change.
// - noise: X's own values of k in the 12 months before C's month, as in the trend flag
//   (kpis.md): with at least 6 of them, M = median, MAD = median(|x − M|), and the noise is
//   one robust standard deviation σ = MAD / 0.6745 (the trend flag's z is 0.6745·(x − M)/MAD).
//   z = 0.6745 · DiD / MAD, i.e. DiD in units of σ.
// - verdict: "improved" when DiD goes the KPI's better way by more than σ (|z| > 1), "worse" when
//   it goes the other way by more than σ, otherwise "unchanged". MAD = 0 (a perfectly steady
//   history) makes σ = 0: any non-zero DiD exceeds it.
// - "insufficient" (数据不足) with a reason when the after window has no month yet, the before
//   window has none, no peer has a value in those months, or fewer than 6 history months exist.

import { addMonths } from '@fixops/shared';

export type Better = 'higher' | 'lower';
export type Verdict = 'improved' | 'unchanged' | 'worse' | 'insufficient';
export type InsufficientReason = 'no_after' | 'no_before' | 'no_peers' | 'short_history';

/** How many months each window spans, and the history the noise is measured on. */
export const WINDOW_MONTHS = 3;
export const HISTORY_MONTHS = 12;
/** As the trend flag: fewer non-null history months than this give no noise estimate. */
export const MIN_HISTORY = 6;
/** The trend flag's consistency constant: σ ≈ MAD / 0.6745 for normally distributed values. */
export const MAD_SCALE = 0.6745;
/** |z| above this (one robust standard deviation) counts as beyond the dealer's own noise. */
export const EFFECT_Z = 1;
const EPS = 1e-12;

/** Values of one KPI by month (YYYY-MM); null or missing = no value. */
export type Series = Readonly<Record<string, number | null | undefined>>;

export interface KpiEffectInput {
  better: Better;
  /** YYYY-MM-DD the action was created. */
  created: string;
  /** YYYY-MM-DD it is due. */
  due: string;
  dealer: Series;
  /** The other dealers of the peer group (the dealer itself must not be here). */
  peers: readonly Series[];
}

export interface KpiEffect {
  kind: 'kpi';
  beforeMonths: string[];
  afterMonths: string[];
  dealerBefore: number | null;
  dealerAfter: number | null;
  dealerChange: number | null;
  groupBefore: number | null;
  groupAfter: number | null;
  groupChange: number | null;
  did: number | null;
  historyMonths: number;
  mad: number | null;
  /** σ = MAD / 0.6745 */
  noise: number | null;
  /** 0.6745 · DiD / MAD; null when MAD is 0 or anything is missing. */
  z: number | null;
  verdict: Verdict;
  reason: InsufficientReason | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Median absolute deviation from the median: median(|x − median(x)|). */
export function mad(values: readonly number[]): number | null {
  const m = median(values);
  return m === null ? null : median(values.map((x) => Math.abs(x - m)));
}

const has = (s: Series, month: string): boolean => typeof s[month] === 'number' && Number.isFinite(s[month]);
const monthOf = (day: string) => day.slice(0, 7);
const span = (first: string, count: number) => Array.from({ length: count }, (_, i) => addMonths(first, i));

/** The calendar months of the before window, the after window and the noise history. */
export function effectWindows(created: string, due: string): { before: string[]; after: string[]; history: string[] } {
  const c = monthOf(created);
  return {
    before: span(addMonths(c, -WINDOW_MONTHS), WINDOW_MONTHS),
    after: span(addMonths(monthOf(due), 1), WINDOW_MONTHS),
    history: span(addMonths(c, -HISTORY_MONTHS), HISTORY_MONTHS),
  };
}

/** The peer group's level in each month: the median over the peers with a value that month. */
export function groupMedians(peers: readonly Series[], months: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of months) {
    const v = median(peers.filter((p) => has(p, m)).map((p) => p[m]!));
    if (v !== null) out[m] = v;
  }
  return out;
}

export function verdictOf(did: number, madValue: number, better: Better): Verdict {
  const good = better === 'higher' ? did : -did;
  const noise = madValue / MAD_SCALE;
  if (Math.abs(good) <= EPS || Math.abs(good) <= noise * EFFECT_Z) return 'unchanged';
  return good > 0 ? 'improved' : 'worse';
}

export function kpiEffect(input: KpiEffectInput): KpiEffect {
  const w = effectWindows(input.created, input.due);
  const beforeMonths = w.before.filter((m) => has(input.dealer, m));
  const afterMonths = w.after.filter((m) => has(input.dealer, m));
  const at = (m: string) => input.dealer[m]!;
  const dealerBefore = mean(beforeMonths.map(at));
  const dealerAfter = mean(afterMonths.map(at));
  const groupB = groupMedians(input.peers, beforeMonths);
  const groupA = groupMedians(input.peers, afterMonths);
  const groupBefore = mean(Object.values(groupB));
  const groupAfter = mean(Object.values(groupA));
  const history = w.history.filter((m) => has(input.dealer, m)).map(at);
  const madValue = history.length >= MIN_HISTORY ? mad(history) : null;
  const dealerChange = dealerBefore !== null && dealerAfter !== null ? dealerAfter - dealerBefore : null;
  const groupChange = groupBefore !== null && groupAfter !== null ? groupAfter - groupBefore : null;
  const did = dealerChange !== null && groupChange !== null ? dealerChange - groupChange : null;
  const reason: InsufficientReason | null =
    afterMonths.length === 0 ? 'no_after'
      : beforeMonths.length === 0 ? 'no_before'
        : groupChange === null ? 'no_peers'
          : madValue === null ? 'short_history'
            : null;
  const z = did !== null && madValue !== null && madValue > 0 ? (MAD_SCALE * did) / madValue : null;
  return {
    kind: 'kpi', beforeMonths, afterMonths, dealerBefore, dealerAfter, dealerChange, groupBefore, groupAfter, groupChange, did,
    historyMonths: history.length, mad: madValue, noise: madValue === null ? null : madValue / MAD_SCALE, z,
    verdict: reason === null && did !== null && madValue !== null ? verdictOf(did, madValue, input.better) : 'insufficient',
    reason,
  };
}

/** One visit's score rate of the targeted module (null: not scored, or the visit unfinished). */
export interface ModuleVisit {
  date: string;
  rate: number | null;
}

export interface ModuleEffect {
  kind: 'module';
  before: ModuleVisit | null;
  after: ModuleVisit | null;
  change: number | null;
  verdict: Verdict;
  reason: 'no_before' | 'no_after' | null;
}

/**
 * A module action's effect: the module's rate at the last visit on or before the day the action
 * was created (the visit that found the weakness) against the first visit after that day; both
 * must have scored the module. Rates are shares of the module's points, so any change counts.
 */
export function moduleEffect(visits: readonly ModuleVisit[], created: string): ModuleEffect {
  const scored = [...visits].filter((v) => v.rate !== null).sort((a, b) => a.date.localeCompare(b.date));
  const before = scored.filter((v) => v.date <= created).at(-1) ?? null;
  const after = scored.find((v) => v.date > created) ?? null;
  const change = before && after ? after.rate! - before.rate! : null;
  const reason = !after ? 'no_after' : !before ? 'no_before' : null;
  const verdict: Verdict = change === null ? 'insufficient' : Math.abs(change) <= EPS ? 'unchanged' : change > 0 ? 'improved' : 'worse';
  return { kind: 'module', before, after, change, verdict, reason };
}
