// Reading KPI values and flags back: the shapes the CLI and the API serve.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
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

function where(q: { dealer?: string; from?: string; to?: string; kpi?: string; kind?: string }): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (q.dealer !== undefined) {
    parts.push('dealer_code = $dealer');
    params.dealer = q.dealer;
  }
  if (q.from !== undefined) {
    parts.push("month >= strptime($from, '%Y-%m')::DATE");
    params.from = q.from;
  }
  if (q.to !== undefined) {
    parts.push("month <= strptime($to, '%Y-%m')::DATE");
    params.to = q.to;
  }
  if (q.kpi !== undefined) {
    parts.push('kpi = $kpi');
    params.kpi = q.kpi;
  }
  if (q.kind !== undefined) {
    parts.push('kind = $kind');
    params.kind = q.kind;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export async function readKpis(connection: DuckDBConnection, q: KpiQuery = {}): Promise<KpiValue[]> {
  const w = where(q);
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
  const w = where({ dealer: q.dealer, from: q.month, to: q.month, kind: q.kind, kpi: q.kpi });
  const rows = await queryJson<{ dealer: string; month: string; kpi: string; kind: FlagKind; value: number | null; reference: string | null }>(connection, `
    SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month, kpi, kind, value, reference::VARCHAR AS reference
    FROM kpi_flags ${w.sql} ORDER BY dealer_code, month DESC, ${ORDER}, ${KIND_ORDER}`, w.params);
  return rows.map((r) => {
    const reference = r.reference ? (JSON.parse(r.reference) as FlagReference) : null;
    const messages = flagMessage(r.kpi, r.kind, r.value, reference);
    return { ...r, reference, message: q.lang === 'en' ? messages.en : messages.zh, messages };
  });
}
