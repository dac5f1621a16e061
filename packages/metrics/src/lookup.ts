// Checks what a user asked for (dealer, KPI, peer group, month) against what exists, and says
// which choices are valid — or the closest ones — when it does not.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { closest, err, isMonth, ok, type Result } from '@fixops/shared';
import { KPI_IDS, type KpiId } from './catalog.js';

function unknown(what: { zh: string; en: string }, code: string, value: string, choices: readonly string[]) {
  const near = closest(value, choices, 8);
  const list = choices.length <= 12 ? choices.join(', ') : `${near.join(', ')}…`;
  return err(code, {
    zh: `没有${what.zh}“${value}”。${choices.length <= 12 ? '可选' : '最接近的'}：${list}`,
    en: `Unknown ${what.en} "${value}". ${choices.length <= 12 ? 'Valid' : 'Closest'}: ${list}`,
  }, { value, choices: choices.length <= 50 ? [...choices] : near });
}

export async function checkDealer(connection: DuckDBConnection, dealer: string): Promise<Result<string>> {
  const rows = await queryJson<{ dealer_code: string }>(connection, 'SELECT dealer_code FROM dealers ORDER BY 1');
  const codes = rows.map((r) => r.dealer_code);
  return codes.includes(dealer) ? ok(dealer) : unknown({ zh: '经销商', en: 'dealer' }, 'unknown_dealer', dealer, codes);
}

export function checkKpi(kpi: string): Result<KpiId> {
  return (KPI_IDS as readonly string[]).includes(kpi) ? ok<KpiId>(kpi) : unknown({ zh: 'KPI', en: 'KPI' }, 'unknown_kpi', kpi, KPI_IDS);
}

export async function checkGroup(connection: DuckDBConnection, group: string): Promise<Result<string>> {
  const rows = await queryJson<{ g: string }>(connection, 'SELECT DISTINCT peer_group AS g FROM dealers ORDER BY 1');
  const groups = rows.map((r) => r.g);
  return groups.includes(group) ? ok(group) : unknown({ zh: '分组', en: 'peer group' }, 'unknown_group', group, groups);
}

export function checkMonth(month: string): Result<string> {
  return isMonth(month)
    ? ok(month)
    : err('bad_month', { zh: `月份“${month}”格式不对，应为 YYYY-MM（例如 2025-03）`, en: `Month "${month}" is malformed: use YYYY-MM (e.g. 2025-03)` }, { value: month });
}
