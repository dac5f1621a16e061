// Reading KPI values and flags back: the shapes the CLI and the API serve.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson, whereOf } from '@fixops/db';
import type { Lang, Message } from '@fixops/shared';
import { KPI_IDS } from './catalog.js';
import { flagDetail, flagMessage, type FlagKind, type FlagReference } from './messages.js';
import { warmingCondition } from './compute/warming.js';

/** ok: a value; not_tracked: null (未统计); warming_up: null while history accumulates (数据积累中). */
export type KpiStatus = 'ok' | 'not_tracked' | 'warming_up';

export interface KpiValue {
  dealer: string;
  month: string;
  kpi: string;
  value: number | null;
  status: KpiStatus;
}

export interface KpiQuery {
  dealer?: string;
  from?: string;
  to?: string;
  kpi?: string;
}

const ORDER = `list_position([${KPI_IDS.map((k) => `'${k}'`).join(', ')}], v.kpi)`;

/** The filters the reads below narrow by. */
const CONDITIONS = {
  dealer: 'v.dealer_code = $dealer',
  from: "v.month >= strptime($from, '%Y-%m')::DATE",
  to: "v.month <= strptime($to, '%Y-%m')::DATE",
  kpi: 'v.kpi = $kpi',
  kind: 'v.kind = $kind',
};

export async function readKpis(connection: DuckDBConnection, q: KpiQuery = {}): Promise<KpiValue[]> {
  const w = whereOf(CONDITIONS, q);
  return queryJson<KpiValue>(connection, `
    SELECT v.dealer_code AS dealer, strftime(v.month, '%Y-%m') AS month, v.kpi, v.value,
      CASE WHEN v.value IS NOT NULL THEN 'ok' WHEN ${warmingCondition('v.kpi', 'v.month')} THEN 'warming_up' ELSE 'not_tracked' END AS status
    FROM kpi_values v LEFT JOIN kpi_coverage coverage ON coverage.dealer_code = v.dealer_code ${w.sql}
    ORDER BY v.dealer_code, v.month, ${ORDER}`, w.params);
}

export interface Flag {
  dealer: string;
  month: string;
  kpi: string;
  kind: FlagKind;
  value: number | null;
  reference: FlagReference | null;
  message: string;
  messages: Message;
  /** The statistics behind a trend or peer flag (median and z, the group's P10/P90); null for the others. */
  details: Message | null;
}

export interface FlagQuery {
  dealer?: string;
  month?: string;
  kind?: string;
  kpi?: string;
  lang?: Lang;
}

const KIND_ORDER = "list_position(['not_tracked', 'target', 'trend', 'peer'], kind)";

export async function readFlags(connection: DuckDBConnection, q: FlagQuery = {}): Promise<Flag[]> {
  const w = whereOf(CONDITIONS, { dealer: q.dealer, from: q.month, to: q.month, kind: q.kind, kpi: q.kpi });
  const rows = await queryJson<{ dealer: string; month: string; kpi: string; kind: FlagKind; value: number | null; reference: string | null }>(connection, `
    SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month, kpi, kind, value, reference::VARCHAR AS reference
    FROM kpi_flags v ${w.sql} ORDER BY dealer_code, month DESC, ${ORDER}, ${KIND_ORDER}`, w.params);
  return rows.map((r) => {
    const reference = r.reference ? (JSON.parse(r.reference) as FlagReference) : null;
    const messages = flagMessage(r.kpi, r.kind, r.value, reference);
    return { ...r, reference, message: q.lang === 'en' ? messages.en : messages.zh, messages, details: flagDetail(r.kpi, r.kind, reference) };
  });
}
