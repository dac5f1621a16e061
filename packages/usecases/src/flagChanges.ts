// What a recompute changed in the flags: the flags before and after a change of settings, targets
// or peer groups, compared by (dealer, month, KPI, kind), each added or removed flag named in
// words (zh and en) so the admin sees which warnings appeared or went away, not only counts.

import type { DuckDBConnection } from '@duckdb/node-api';
import { kpiDefinition, readFlags, type Flag, type FlagKind } from '@fixops/metrics';

export interface FlagChange {
  dealer: string;
  month: string;
  kpi: string;
  kind: FlagKind;
  /** e.g. "SZ009 2026-10 · 预约率 · 未达目标：…" */
  zh: string;
  en: string;
}

export interface FlagChanges {
  before: number;
  after: number;
  /** The first `limit` added and removed flags (addedTotal/removedTotal are the true counts). */
  added: FlagChange[];
  removed: FlagChange[];
  addedTotal: number;
  removedTotal: number;
}

const KIND_WORDS: Record<FlagKind, { zh: string; en: string }> = {
  not_tracked: { zh: '未跟踪', en: 'not tracked' },
  target: { zh: '未达目标', en: 'off target' },
  trend: { zh: '趋势异常', en: 'unusual trend' },
  peer: { zh: '偏离同组', en: 'peer outlier' },
};

export function kindWords(kind: FlagKind): { zh: string; en: string } {
  return KIND_WORDS[kind];
}

const keyOf = (f: Flag) => `${f.dealer}\u0000${f.month}\u0000${f.kpi}\u0000${f.kind}`;

function describe(f: Flag): FlagChange {
  const kpi = kpiDefinition(f.kpi);
  const words = KIND_WORDS[f.kind];
  return {
    dealer: f.dealer, month: f.month, kpi: f.kpi, kind: f.kind,
    zh: `${f.dealer} ${f.month} · ${kpi?.zh ?? f.kpi} · ${words.zh}：${f.messages.zh}`,
    en: `${f.dealer} ${f.month} · ${kpi?.en ?? f.kpi} · ${words.en}: ${f.messages.en}`,
  };
}

/** Compares two flag lists; the lists of changes are cut at `limit` each. */
export function compareFlags(before: Flag[], after: Flag[], limit = 200): FlagChanges {
  const was = new Map(before.map((f) => [keyOf(f), f]));
  const now = new Map(after.map((f) => [keyOf(f), f]));
  const added = after.filter((f) => !was.has(keyOf(f)));
  const removed = before.filter((f) => !now.has(keyOf(f)));
  return {
    before: before.length, after: after.length,
    added: added.slice(0, limit).map(describe), removed: removed.slice(0, limit).map(describe),
    addedTotal: added.length, removedTotal: removed.length,
  };
}

/** Runs `work` (which recomputes) and answers its result with the flags it added and removed. */
export async function withFlagChanges<T>(c: DuckDBConnection, work: () => Promise<T>, limit?: number): Promise<{ result: T; flags: FlagChanges }> {
  const before = await readFlags(c);
  const result = await work();
  return { result, flags: compareFlags(before, await readFlags(c), limit) };
}
