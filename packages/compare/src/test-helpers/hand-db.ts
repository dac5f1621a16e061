// The hand case stored in a database: dealers, KPI values for 2025-12 (the hand case) and
// 2025-11, and assessments for the checklist.

import type { DuckDBConnection } from '@duckdb/node-api';
import { HAND_VALUES } from './hand-case.js';

// 2025-11 (the earlier period): D1 0.70/0.02/0.40 → 250 + 300 + 200 = 750 (rank 1);
// D2 no values; D3 0.90/0.04/0.00 → 500 + 0 + 0 = 500 (rank 2); D4 0.50/0.04/0.20 → 0 + 0 + 100 = 100 (rank 3).
export const NOVEMBER: Record<string, Record<string, number | null>> = {
  D1: { on_time_rate: 0.7, rework_rate: 0.02, booking_rate: 0.4 },
  D3: { on_time_rate: 0.9, rework_rate: 0.04, booking_rate: 0 },
  D4: { on_time_rate: 0.5, rework_rate: 0.04, booking_rate: 0.2 },
};

export async function seedHandDatabase(c: DuckDBConnection): Promise<void> {
  for (const [code, region, group] of [['D1', '华东', 'metro'], ['D2', '华东', 'metro'], ['D3', '华东', 'metro'], ['D4', '华东', 'metro'], ['D5', '华北', 'city'], ['D6', '华东', 'metro']]) {
    await c.run('INSERT INTO dealers (dealer_code, name, region, peer_group) VALUES ($code, $name, $region, $group)', { code: code!, name: `经销商${code}`, region: region!, group: group! });
  }
  const put = async (month: string, values: Record<string, Record<string, number | null>>) => {
    for (const [dealer, kpis] of Object.entries(values)) {
      for (const [kpi, value] of Object.entries(kpis)) {
        await c.run(`INSERT INTO kpi_values VALUES ($dealer, $month::DATE, $kpi, ${value === null ? 'NULL' : '$value'})`, value === null ? { dealer, month, kpi } : { dealer, month, kpi, value });
      }
    }
  };
  await put('2025-12-01', HAND_VALUES);
  await put('2025-11-01', NOVEMBER);
  await put('2025-12-01', { D5: { on_time_rate: 1, rework_rate: 0, booking_rate: 1 } });
  const assess = async (id: number, dealer: string, date: string, total: number, complete = true) => c.run(
    `INSERT INTO assessments (id, dealer_code, assessed_on, assessor, template_id, template_version, total, max, passed, complete, notes, scorecard, created_at, data_month, scored, lines)
     VALUES ($id, $dealer, $date::DATE, NULL, 'dealer-aftersales', 1, $total, 1000, $total >= 700, $complete, NULL, '{}'::JSON, current_timestamp::TIMESTAMP, $month, 100, 100)`,
    { id, dealer, date, total, complete, month: date.slice(0, 7) },
  );
  await assess(1, 'D1', '2025-10-02', 500);
  await assess(2, 'D1', '2025-12-05', 800);
  await assess(3, 'D2', '2026-01-03', 900); // after December: not counted for December
  await assess(4, 'D3', '2025-12-20', 950, false); // incomplete: not counted
  await assess(5, 'D3', '2025-11-20', 600);
}
