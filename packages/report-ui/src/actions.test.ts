// The report's 整改跟踪 section: each action with its status (overdue marked) and its measured
// effect in words, rendered by the same components the dashboard draws; absent when no action
// plan is passed.

import { describe, expect, it } from 'vitest';
import { openDatabase, transaction } from '@fixops/db';
import { buildReport } from '@fixops/assessment';
import { recomputeAll } from '@fixops/metrics';
import { addAction, kpiEffect, listActions, withEffects, type ActionWithEffect } from '@fixops/actions';
import { renderReportHtml } from './index.js';

describe('整改跟踪 in the report', () => {
  it('lists every action with status and effect; the section is left out without an action plan', async () => {
    const db = await openDatabase(':memory:');
    const c = db.connection;
    await c.run("INSERT INTO dealers (dealer_code, name, peer_group) VALUES ('D1', '测试店', 'metro')");
    await c.run(`INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, total_amount, load_id)
      SELECT 'D1', DATE '2025-04-01', 'R' || i, 'V' || i, TIMESTAMP '2025-04-05 09:00', 'maintenance', 300, 0 FROM range(3) r(i)`);
    await transaction(c, () => recomputeAll(c));
    const actor = { user: 'li', via: 'cli' as const };
    const a1 = await addAction(c, { dealer: 'D1', target: { kind: 'kpi', id: 'booking_rate' }, title: '每日预约回访 <b>', owner: '王经理', due: '2025-05-31', created: '2025-05-01' }, actor);
    const a2 = await addAction(c, { dealer: 'D1', target: { kind: 'module', id: 'front_desk.visual_boards' }, title: '看板每日更新', owner: '前台主管', due: '2099-01-31', created: '2025-05-01' }, actor);
    expect(a1.ok && a2.ok).toBe(true);
    const actions = await withEffects(c, await listActions(c, { dealer: 'D1', on: '2025-06-10' }));
    const model = await buildReport(c, { dealer: 'D1', month: '2025-04' });
    db.close();

    expect(renderReportHtml(model, 'zh')).not.toContain('整改跟踪');
    const html = renderReportHtml(model, 'zh', actions).replace(/<!--[^>]*-->/g, ''); // without Svelte's hydration markers
    expect(html).toContain('<h2>整改跟踪</h2>');
    expect(html).toContain('每日预约回访 &lt;b>');
    expect(html).toContain('<td class="fail">未完成 · 已逾期</td>');
    expect(html).toContain('前台 · 看板管理');
    expect(html).toContain('数据不足：截止日期 2025-05-31 之后还没有数据月份，到时再看效果。');
    expect(html).toContain('数据不足：整改后还没有评估过这个模块，下次现场评估后再看。');
    expect(renderReportHtml(model, 'en', actions)).toContain('<h2>Action tracking</h2>');
    expect(renderReportHtml(model, 'zh', [])).toContain('暂无整改事项');

    // a measured improvement, the numbers of packages/actions' hand-worked example
    const history = { '2024-07': 0.40, '2024-08': 0.42, '2024-09': 0.38, '2024-10': 0.41, '2024-11': 0.39, '2024-12': 0.40, '2025-01': 0.43, '2025-02': 0.37, '2025-03': 0.40, '2025-04': 0.41, '2025-05': 0.39, '2025-06': 0.40 };
    const peers = [0.30, 0.35, 0.50].map((v) => ({ '2025-04': v, '2025-05': v === 0.35 ? 0.36 : v, '2025-06': v === 0.35 ? 0.34 : v, '2025-09': v === 0.35 ? 0.36 : v, '2025-10': v, '2025-11': v === 0.35 ? 0.37 : v }));
    const effect = kpiEffect({ better: 'higher', created: '2025-07-15', due: '2025-08-31', dealer: { ...history, '2025-09': 0.52, '2025-10': 0.55, '2025-11': 0.58 }, peers });
    const improved: ActionWithEffect = { ...actions[0]!, status: 'verified', overdue: false, created: '2025-07-15', due: '2025-08-31', effect };
    const shown = renderReportHtml(model, 'zh', [improved]).replace(/<!--[^>]*-->/g, '');
    expect(shown).toContain('<strong class="pass">改善明显</strong>');
    expect(shown).toContain('本店净变化 +14.0 个百分点，超出本店平时的波动（±1.5 个百分点）：改善明显。');
    expect(shown).toContain('已验证');
  });
});
