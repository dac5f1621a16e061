// The coaching effect of stored actions: reads what effect.ts needs from the database — the
// dealer's and its peer group's monthly values of the targeted KPI, or the module's rate at
// each visit — and attaches the measured effect to each action.

import type { DuckDBConnection } from '@duckdb/node-api';
import { moduleHistory } from '@fixops/assessment';
import { queryJson } from '@fixops/db';
import { KPIS } from '@fixops/metrics';
import { addMonths } from '@fixops/shared';
import { effectWindows, HISTORY_MONTHS, kpiEffect, moduleEffect, type Series } from './effect.js';
import type { Action, ActionWithEffect } from './types.js';

/** Every value of one KPI for the dealers of `dealer`'s peer group in [from, to], by dealer and month. */
async function groupSeries(connection: DuckDBConnection, dealer: string, kpi: string, from: string, to: string): Promise<Map<string, Record<string, number | null>>> {
  const rows = await queryJson<{ dealer: string; month: string; value: number | null }>(connection, `
    SELECT v.dealer_code AS dealer, strftime(v.month, '%Y-%m') AS month, v.value FROM kpi_values v
    JOIN dealers d ON d.dealer_code = v.dealer_code
    WHERE d.peer_group = (SELECT peer_group FROM dealers WHERE dealer_code = $dealer)
      AND v.kpi = $kpi AND v.month BETWEEN strptime($from, '%Y-%m')::DATE AND strptime($to, '%Y-%m')::DATE`,
  { dealer, kpi, from, to });
  const out = new Map<string, Record<string, number | null>>();
  for (const r of rows) {
    const s = out.get(r.dealer) ?? {};
    s[r.month] = r.value;
    out.set(r.dealer, s);
  }
  return out;
}

export async function withEffects(connection: DuckDBConnection, actions: readonly Action[]): Promise<ActionWithEffect[]> {
  const visitsByDealer = new Map<string, Awaited<ReturnType<typeof moduleHistory>>>();
  const out: ActionWithEffect[] = [];
  for (const a of actions) {
    if (a.target.kind === 'kpi') {
      const def = KPIS.find((k) => k.id === a.target.id);
      const w = effectWindows(a.created, a.due);
      const series = await groupSeries(connection, a.dealer, a.target.id, w.history[0] ?? addMonths(a.created.slice(0, 7), -HISTORY_MONTHS), w.after.at(-1)!);
      const peers: Series[] = [...series].filter(([d]) => d !== a.dealer).map(([, s]) => s);
      out.push({
        ...a, unit: def?.unit ?? null, better: def?.better ?? null,
        effect: kpiEffect({ better: def?.better ?? 'higher', created: a.created, due: a.due, dealer: series.get(a.dealer) ?? {}, peers }),
      });
    } else {
      let visits = visitsByDealer.get(a.dealer);
      if (!visits) {
        visits = await moduleHistory(connection, a.dealer);
        visitsByDealer.set(a.dealer, visits);
      }
      out.push({
        ...a, unit: null, better: null,
        effect: moduleEffect(visits.map((v) => ({ date: v.date, rate: v.modules[a.target.id] ?? null })), a.created),
      });
    }
  }
  return out;
}
