// Who has sent what (数据上报情况): for a range of months, every dealer × month × monthly kind
// with the rows stored, or null when nothing is. A dealer is overdue when last month's repair
// orders are still missing after day `uploadDueDay` (a setting, default 10) of this month.
// "Today" is a parameter, so the rule is tested on fixed dates.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { addMonths, monthRange } from '@fixops/shared';
import { readSettings } from './settings.js';

export const COVERAGE_KINDS = ['repair_orders', 'bookings', 'accident_repairs'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export interface CoverageCell {
  dealer: string;
  month: string;
  kind: CoverageKind;
  /** Rows stored for that dealer, month and kind; null when none are. */
  rows: number | null;
}

export interface CoverageDealer {
  code: string;
  name: string | null;
  region: string | null;
}

export interface Coverage {
  from: string;
  to: string;
  /** The day it was judged on (YYYY-MM-DD). */
  today: string;
  dueDay: number;
  /** The month whose repair orders are due by `dueDay` of the month after it (today's previous month). */
  dueMonth: string;
  /** Whether `today` is past the due day, so a missing `dueMonth` counts as overdue. */
  pastDue: boolean;
  dealers: CoverageDealer[];
  /** Dealer-major, then month, then kind in COVERAGE_KINDS order. */
  cells: CoverageCell[];
  /** Dealers (of `dealers`) whose `dueMonth` repair orders are missing after the due day. */
  overdue: string[];
}

export interface CoverageOptions {
  from?: string;
  to?: string;
  /** Only this dealer (a dealer user's own). */
  dealer?: string;
  /** Default: now. */
  today?: Date;
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** The latest month with any monthly rows, or undefined on an empty database. */
async function latestMonth(c: DuckDBConnection): Promise<string | undefined> {
  const [row] = await queryJson<{ m: string | null }>(c, `SELECT strftime(max(month), '%Y-%m') AS m FROM (
    ${COVERAGE_KINDS.map((k) => `SELECT max(month) AS month FROM ${k}`).join(' UNION ALL ')})`);
  return row?.m ?? undefined;
}

/** Rows per dealer, month and kind in [from, to] (and the due month), counted in the tables themselves. */
async function counts(c: DuckDBConnection, from: string, to: string, dealer: string | undefined): Promise<Map<string, number>> {
  const filter = dealer === undefined ? '' : 'AND dealer_code = $dealer';
  const params: Record<string, string> = { from: `${from}-01`, to: `${to}-01` };
  if (dealer !== undefined) params.dealer = dealer;
  const rows = await queryJson<{ dealer: string; month: string; kind: string; n: number }>(c, COVERAGE_KINDS.map((k) =>
    `SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month, '${k}' AS kind, count(*)::INTEGER AS n FROM ${k}
     WHERE month BETWEEN $from::DATE AND $to::DATE ${filter} GROUP BY ALL`).join(' UNION ALL '), params);
  return new Map(rows.map((r) => [`${r.dealer}|${r.month}|${r.kind}`, r.n]));
}

export async function readCoverage(c: DuckDBConnection, opts: CoverageOptions = {}): Promise<Coverage> {
  const now = opts.today ?? new Date();
  const today = ymd(now);
  const thisMonth = today.slice(0, 7);
  const to = opts.to ?? (opts.from ? addMonths(opts.from, 11) : (await latestMonth(c)) ?? thisMonth);
  const from = opts.from ?? addMonths(to, -11);
  const settings = await readSettings(c);
  const dueDay = settings.uploadDueDay ?? 10;
  const dueMonth = addMonths(thisMonth, -1);
  const pastDue = Number(today.slice(8, 10)) > dueDay;

  const dealerFilter = opts.dealer === undefined ? '' : 'WHERE dealer_code = $dealer';
  const dealers = await queryJson<CoverageDealer>(c,
    `SELECT dealer_code AS code, name, region FROM dealers ${dealerFilter} ORDER BY dealer_code`, opts.dealer === undefined ? {} : { dealer: opts.dealer });
  const months = from <= to ? monthRange(from, to) : [];
  const stored = months.length ? await counts(c, from, to, opts.dealer) : new Map<string, number>();
  const cells: CoverageCell[] = [];
  for (const d of dealers) {
    for (const month of months) {
      for (const kind of COVERAGE_KINDS) cells.push({ dealer: d.code, month, kind, rows: stored.get(`${d.code}|${month}|${kind}`) ?? null });
    }
  }
  let overdue: string[] = [];
  if (pastDue) {
    const due = await counts(c, dueMonth, dueMonth, opts.dealer);
    overdue = dealers.filter((d) => !due.has(`${d.code}|${dueMonth}|repair_orders`)).map((d) => d.code);
  }
  return { from, to, today, dueDay, dueMonth, pastDue, dealers, cells, overdue };
}

/** Whether a cell is the overdue one: the due month's missing repair orders after the due day. */
export function isOverdueCell(cov: Pick<Coverage, 'dueMonth' | 'overdue'>, cell: CoverageCell): boolean {
  return cell.kind === 'repair_orders' && cell.month === cov.dueMonth && cell.rows === null && cov.overdue.includes(cell.dealer);
}
