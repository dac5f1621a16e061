// Reading KPI values and flags back: the shapes the CLI and the API serve.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson, whereOf } from '@fixops/db';
import type { Lang, Message } from '@fixops/shared';
import { KPI_IDS } from './catalog.js';
import { flagMessage, type FlagKind, type FlagReference } from './messages.js';

export interface KpiValue {
  dealer: string;
  month: string;
  kpi: string;
  value: number | null;
}

export interface KpiQuery {
  dealer?: string;
  from?: string;
  to?: string;
  kpi?: string;
}

const ORDER = `list_position([${KPI_IDS.map((k) => `'${k}'`).join(', ')}], kpi)`;

/** The filters the reads below narrow by. */
const CONDITIONS = {
  dealer: 'dealer_code = $dealer',
  from: "month >= strptime($from, '%Y-%m')::DATE",
  to: "month <= strptime($to, '%Y-%m')::DATE",
  kpi: 'kpi = $kpi',
  kind: 'kind = $kind',
};

export async function readKpis(connection: DuckDBConnection, q: KpiQuery = {}): Promise<KpiValue[]> {
  const w = whereOf(CONDITIONS, q);
  return queryJson<KpiValue>(connection, `
    SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month, kpi, value FROM kpi_values ${w.sql}
    ORDER BY dealer_code, month, ${ORDER}`, w.params);
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
    FROM kpi_flags ${w.sql} ORDER BY dealer_code, month DESC, ${ORDER}, ${KIND_ORDER}`, w.params);
  return rows.map((r) => {
    const reference = r.reference ? (JSON.parse(r.reference) as FlagReference) : null;
    const messages = flagMessage(r.kpi, r.kind, r.value, reference);
    return { ...r, reference, message: q.lang === 'en' ? messages.en : messages.zh, messages };
  });
}
