// The dashboard's dealer page in one read: the month shown (asked, else the latest), key KPIs
// and peer quartiles over the 12 months up to it, RO mix, advisors, flags, latest checklist.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { OVERVIEW_KPIS, SPARK_KPI, type DealerPage } from '@fixops/contracts';
import { NAME_COLUMNS, NAME_JOINS, withNames } from '../dealerNames.js';
import { byAdvisor, KPIS, readFlags, readKpis, readSettings, roMix } from '@fixops/metrics';
import type { Static } from 'typebox';
import { readChecklist, type ChecklistReadOptions } from './checklist.js';
import { readPeers } from './peers.js';
import { lastMonths } from '@fixops/shared';

/** The key KPIs, and those a network added as files (read when the page is, so a reloaded catalogue counts). */
const pageKpis = () => new Set<string>([...OVERVIEW_KPIS, ...KPIS.filter((k) => k.custom).map((k) => k.id)]);

/** Earlier flags shown below the month's own. */
const EARLIER_FLAGS = 60;

export async function readDealerPage(c: DuckDBConnection, code: string, asked: string | undefined, opts: ChecklistReadOptions = {}): Promise<Static<typeof DealerPage>> {
  const [dealer] = (await queryJson<{ code: string; name: string | null; region: string | null; group: string; city: string | null; regionEn: string | null; groupZh: string | null; groupEn: string | null }>(c,
    `SELECT dealer_code AS code, name, d.region, peer_group AS "group", city, ${NAME_COLUMNS} FROM dealers d ${NAME_JOINS} WHERE dealer_code = $code`, { code })).map(withNames);
  const months = (await readKpis(c, { dealer: code, kpi: SPARK_KPI })).map((k) => k.month).sort();
  const month = asked ?? months.at(-1) ?? null;
  if (!dealer || month === null) {
    return { dealer: dealer ?? { code, name: null, region: null, group: '', city: null, regionName: null, groupName: { zh: '', en: '' } }, months, month, window: [], kpis: [], peers: [], mix: [], advisors: [], flags: [], checklist: { visit: null, modules: [] } };
  }
  const window = lastMonths(month, 12);
  const PAGE_KPIS = pageKpis();
  const kpis = (await readKpis(c, { dealer: code, from: window[0], to: month })).filter((k) => PAGE_KPIS.has(k.kpi)).map(({ month: m, kpi, value, status }) => ({ month: m, kpi, value, status }));
  const peers = (await readPeers(c, { dealer: code, from: window[0]!, to: month })).filter((p) => PAGE_KPIS.has(p.kpi));
  const mix = await roMix(c, code, month);
  const advisors = await byAdvisor(c, code, month, await readSettings(c));
  const all = (await readFlags(c, { dealer: code })).filter((f) => f.month <= month);
  const flags = [...all.filter((f) => f.month === month), ...all.filter((f) => f.month < month).slice(0, EARLIER_FLAGS)]
    .map((f) => ({ month: f.month, kpi: f.kpi, kind: f.kind, messages: f.messages, details: f.details }));
  return { dealer, months, month, window, kpis, peers, mix, advisors, flags, checklist: await readChecklist(c, code, opts) };
}
