import { describe, expect, it } from 'vitest';
import { openDatabase, transaction } from '@fixops/db';
import { scoreAssessment } from '@fixops/checklist';
import { recomputeAll } from '@fixops/metrics';
import { buildReport } from './model.js';
import { renderMarkdown } from './markdown.js';
import { saveAssessment } from './store.js';
import { findTemplate } from './templates.js';

describe('report model', () => {
  it('lists failed modules and flagged KPIs, coaching, coverage and trends', async () => {
    const db = await openDatabase(':memory:');
    const c = db.connection;
    await c.run("INSERT INTO dealers (dealer_code, name, peer_group) VALUES ('D1', '测试店', 'metro')");
    // 2025-03 and 2025-04, three maintenance ROs each, none booked, no promised times
    await c.run(`INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, total_amount, load_id)
      SELECT 'D1', date_trunc('month', t)::DATE, 'R' || i, 'V' || i, t, 'maintenance', 300, 0
      FROM (SELECT i, TIMESTAMP '2025-03-05 09:00' + INTERVAL (i // 3) MONTH AS t FROM range(6) r(i))`);
    await transaction(c, () => recomputeAll(c));
    const t = await findTemplate('dealer-aftersales');
    if (!t.ok) throw new Error('template');
    const card = scoreAssessment(t.value, [{ id: 'front_desk.visual_boards', score: 0 }, { id: 'front_desk.dms', score: 9 }]);
    if (!card.ok) throw new Error('score');
    await saveAssessment(c, { dealer: 'D1', date: '2025-04-10', scores: [], scorecard: card.value });
    const m = await buildReport(c, { dealer: 'D1', month: '2025-04' });
    expect(m.dealer).toMatchObject({ code: 'D1', name: '测试店', group: 'metro' });
    expect(m.weakModules.map((w) => w.id)).toEqual(['front_desk.visual_boards']);
    expect(m.incompleteModules.map((x) => x.id)).toContain('front_desk.core_process');
    expect(m.flags.some((f) => f.kpi === 'booking_rate' && f.kind === 'target')).toBe(true);
    expect(m.flags.some((f) => f.kpi === 'on_time_rate' && f.kind === 'not_tracked')).toBe(true);
    expect(m.coaching.length).toBeGreaterThan(0);
    expect(m.coaching.some((d) => d.modules.includes('front_desk.visual_boards'))).toBe(true);
    expect(m.coverage.expected).toBe(240);
    // two months of data: 20 KPIs each, the nulls not counted
    const nulls = (await c.runAndReadAll("SELECT count(*) FILTER (WHERE value IS NULL)::INTEGER AS n FROM kpi_values WHERE dealer_code = 'D1'")).getRowObjects()[0]!.n as number;
    expect(m.coverage.received).toBe(40 - nulls);
    const booking = m.trends.find((x) => x.kpi.id === 'booking_rate')!;
    expect(booking.months).toHaveLength(12);
    expect(booking.values.slice(-2)).toEqual([0, 0]);
    expect(booking.values.slice(0, 10).every((v) => v === null)).toBe(true);
    expect(booking.target).toEqual({ op: '>=', value: 0.3 });
    // the HTML rendering of this model: packages/report-ui/src/report.test.ts
    expect(renderMarkdown(m, 'zh')).toContain('KPI 数据：应收 240 项');
    db.close();
  });

  it('says so when there is no assessment yet', async () => {
    const db = await openDatabase(':memory:');
    await db.connection.run("INSERT INTO dealers (dealer_code) VALUES ('D2')");
    const m = await buildReport(db.connection, { dealer: 'D2', month: '2025-04' });
    expect(m.assessment).toBeNull();
    expect(renderMarkdown(m, 'zh')).toContain('尚无现场评估记录');
    db.close();
  });
});
