// The /coverage page's matrix: one table per monthly kind, a row per dealer, a column per
// month; each cell loaded (rows), missing, or overdue (last month's repair orders still
// missing after the due day). The shape is GET /api/coverage's (CoverageAnswer in @fixops/contracts).

import type { Static } from 'typebox';
import type { CoverageAnswer } from '@fixops/contracts';

export type Coverage = Static<typeof CoverageAnswer>;
export type CellState = 'loaded' | 'missing' | 'overdue';

export const KINDS = ['repair_orders', 'bookings', 'accident_repairs'] as const;

export interface MatrixRow {
  dealer: string;
  name: string | null;
  region: string | null;
  cells: { month: string; rows: number | null; state: CellState }[];
}

export function cellState(cov: Pick<Coverage, 'dueMonth' | 'overdue'>, c: { dealer: string; month: string; kind: string; rows: number | null }): CellState {
  if (c.rows !== null) return 'loaded';
  return c.kind === 'repair_orders' && c.month === cov.dueMonth && cov.overdue.includes(c.dealer) ? 'overdue' : 'missing';
}

export function months(cov: Coverage): string[] {
  return [...new Set(cov.cells.map((c) => c.month))];
}

/** The rows of one kind's matrix, for the dealers in `region` ('' for all). */
export function matrix(cov: Coverage, kind: string, region: string): MatrixRow[] {
  const byDealer = new Map<string, MatrixRow['cells']>();
  for (const c of cov.cells) {
    if (c.kind !== kind) continue;
    const list = byDealer.get(c.dealer) ?? [];
    list.push({ month: c.month, rows: c.rows, state: cellState(cov, c) });
    byDealer.set(c.dealer, list);
  }
  return cov.dealers
    .filter((d) => region === '' || d.region === region)
    .map((d) => ({ dealer: d.code, name: d.name, region: d.region, cells: byDealer.get(d.code) ?? [] }));
}

export function regions(cov: Coverage): string[] {
  return [...new Set(cov.dealers.map((d) => d.region).filter((r): r is string => !!r))].sort();
}
