// The report's KPI coverage (四、KPI 数据完整性): months a KPI is warming up (数据积累中, the
// dealer's history is shorter than the KPI's 12-month customer window) are shown as such and not
// marked missing; a KPI the dealer does not track (未统计) still is.

import { describe, expect, it } from 'vitest';
import { openDatabase, transaction } from '@fixops/db';
import { buildReport, renderMarkdown } from '@fixops/assessment';
import { recomputeAll } from '@fixops/metrics';
import { renderReportHtml } from './index.js';

/** The <td> holding a KPI's warming-up note, with its class. */
function cellOf(html: string, kpi: string): string {
  const at = html.indexOf(`data-warming="${kpi}"`);
  expect(at, kpi).toBeGreaterThan(0);
  const start = html.lastIndexOf('<td', at);
  return html.slice(start, html.indexOf('</td>', at) + 5);
}

describe('KPI coverage in the report', () => {
  it('says 数据积累中 / warming up for the months of a warming-up KPI, without counting them as missing', async () => {
    const db = await openDatabase(':memory:');
    const c = db.connection;
    await c.run("INSERT INTO dealers (dealer_code, name, peer_group) VALUES ('D1', '测试店', 'metro')");
    // 12 months (2024-05 … 2025-04) of three booked maintenance ROs each, no promised times (on_time_rate not tracked)
    await c.run(`INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, total_amount, booking_no, load_id)
      SELECT 'D1', date_trunc('month', t)::DATE, 'R' || i, 'V' || (i % 5), t, 'maintenance', 300, 'B' || i, 0
      FROM (SELECT i, TIMESTAMP '2024-05-05 09:00' + INTERVAL (i // 3) MONTH AS t FROM range(36) r(i))`);
    await transaction(c, () => recomputeAll(c));
    const m = await buildReport(c, { dealer: 'D1', month: '2025-04' });
    db.close();

    // the customer windows are known from first month + 11: base_customers in 2025-04 only, churn_rate (needs m-1 too) never
    const of = (id: string) => m.coverage.byKpi.find((k) => k.kpi.id === id)!;
    expect(of('base_customers')).toMatchObject({ received: 1, warming: 11 });
    expect(of('churn_rate')).toMatchObject({ received: 0, warming: 12 });
    expect(of('on_time_rate')).toMatchObject({ received: 0, warming: 0 });
    expect(of('booking_rate')).toMatchObject({ received: 12, warming: 0 });
    expect(m.coverage.warming).toBe(23);
    expect(m.coverage.expected).toBe(m.coverage.byKpi.length * 12);

    const zh = renderReportHtml(m, 'zh');
    expect(zh).toContain('其中 23 项数据积累中（历史数据不足 12 个月，不计为缺失）');
    const churn = cellOf(zh, 'churn_rate');
    expect(churn).toContain('0/12');
    expect(churn).toContain('数据积累中 12');
    expect(churn).not.toMatch(/class="[^"]*\bfail\b/); // not red: nothing is missing
    expect(cellOf(zh, 'base_customers')).not.toMatch(/class="[^"]*\bfail\b/);
    // a KPI the dealer does not track is missing data, still marked
    const onTime = m.coverage.byKpi.findIndex((k) => k.kpi.id === 'on_time_rate');
    const cells = [...zh.matchAll(/<td class="n[^"]*"[^>]*>[\s\S]*?<\/td>/g)].map((x) => x[0]);
    expect(cells[onTime]).toMatch(/class="[^"]*\bfail\b/);
    expect(cells[onTime]).toContain('0/12');

    const en = renderReportHtml(m, 'en');
    expect(en).toContain('of them 23 warming up (history shorter than 12 months, not missing)');
    expect(cellOf(en, 'churn_rate')).toContain('warming up 12');

    const md = renderMarkdown(m, 'zh');
    expect(md).toContain('其中 23 项数据积累中');
    expect(md).toMatch(/客户流失率[^\n]*0\/12 · 数据积累中 12/);
    expect(renderMarkdown(m, 'en')).toMatch(/0\/12 · warming up 12/);
  });
});
