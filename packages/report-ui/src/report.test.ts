import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, transaction } from '@fixops/db';
import { loadTemplate, scoreAssessment, type ScoreEntry } from '@fixops/checklist';
import { buildReport, findTemplate, saveAssessment } from '@fixops/assessment';
import { recomputeAll } from '@fixops/metrics';
import { renderReportHtml } from './index.js';

// Total passes at 60 %, department beta at 50 % and its module beta.one at 90 %; alpha.one inherits 60 %.
const PASS_RATES = `id: pass-rates
version: 1
kind: points
zh: 合格线测试表
en: Pass-rate test form
max: 100
passRate: 0.6
sections:
  - { id: alpha, zh: 甲部门, en: Dept A, max: 60, modules: [{ id: alpha.one, zh: 甲模块, en: Module A, max: 60 }] }
  - { id: beta, zh: 乙部门, en: Dept B, max: 40, passRate: 0.5, modules: [{ id: beta.one, zh: 乙模块, en: Module B, max: 40, passRate: 0.9 }] }
`;

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function reportWith(template: { id: string; dir?: string }, scores: ScoreEntry[]) {
  const db = await openDatabase(':memory:');
  const c = db.connection;
  await c.run("INSERT INTO dealers (dealer_code, name, peer_group) VALUES ('D1', '测试店', 'metro')");
  await c.run(`INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, total_amount, load_id)
    SELECT 'D1', DATE '2025-04-01', 'R' || i, 'V' || i, TIMESTAMP '2025-04-05 09:00', 'maintenance', 300, 0 FROM range(3) r(i)`);
  await transaction(c, () => recomputeAll(c));
  const t = await findTemplate(template.id, template.dir);
  if (!t.ok) throw new Error(t.error.message.en);
  const card = scoreAssessment(t.value, scores);
  if (!card.ok) throw new Error(card.error.message.en);
  await saveAssessment(c, { dealer: 'D1', date: '2025-04-10', scores: [], scorecard: card.value });
  const m = await buildReport(c, { dealer: 'D1', month: '2025-04', templatesDir: template.dir });
  db.close();
  return m;
}

describe('the report rendered with svelte/server', () => {
  it('is a standalone page with the seed report\'s sections, in both languages', async () => {
    const m = await reportWith({ id: 'dealer-aftersales' }, [{ id: 'front_desk.visual_boards', score: 0 }, { id: 'front_desk.dms', score: 9 }]);
    const html = renderReportHtml(m, 'zh');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('看板管理');
    for (const heading of ['现场评估得分', '存在的问题', '辅导方向与预期效果', 'KPI 数据完整性', '近 12 个月走势']) expect(html).toContain(heading);
    // the component styles are in the page, with the A4 page rule
    expect(html).toMatch(/<style[^>]*>[^<]*@page \{ ?size: ?A4;/);
    expect(html).toContain('stroke-dasharray="5 3"');
    expect(renderReportHtml(m, 'en')).toContain('Weaknesses');
  });

  it('draws every pass line at its own level\'s rate: 50 % / 90 %, not 70 %', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixops-report-ui-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'pass-rates.yaml'), PASS_RATES);
    expect(loadTemplate(PASS_RATES).ok).toBe(true);
    // alpha.one 39/60 = 65 % passes its 60 %; beta.one 30/40 = 75 % fails its 90 % (a 70 % line would say the opposite)
    const m = await reportWith({ id: 'pass-rates', dir }, [{ id: 'alpha.one', score: 39 }, { id: 'beta.one', score: 30 }]);
    expect(m.passRates).toEqual({ alpha: 0.6, 'alpha.one': 0.6, beta: 0.5, 'beta.one': 0.9 });
    expect(m.totalPassRate).toBe(0.6);
    const html = renderReportHtml(m, 'zh');
    // score table: the departments' pass lines in points, the modules' as rates
    expect(html).toMatch(/<tr class="section" data-level="beta" data-pass-rate="0.5">.*?<td class="n">40<\/td><td class="n">75.0%<\/td><td class="n">20<\/td>/);
    expect(html).toMatch(/<tr data-level="beta.one" data-pass-rate="0.9">.*?<td class="n">90.0%<\/td><td>(?:<!--[^>]*-->)*<span class="fail">不合格<\/span>/s);
    expect(html).toMatch(/<tr data-level="alpha.one" data-pass-rate="0.6">.*?<td class="n">60.0%<\/td><td>(?:<!--[^>]*-->)*<span class="pass">合格<\/span>/s);
    expect(html).toMatch(/<tr class="section" data-level="total" data-pass-rate="0.6">.*?<td class="n">60<\/td>/);
    // the chart: each module's dashed line at its own rate (x = 190 + rate × 390), labelled 60% and 90%
    const lines = [...html.matchAll(/<line class="pass-line" data-pass-rate="([\d.]+)" x1="([\d.]+)"/g)].map((x) => [Number(x[1]), Number(x[2])]);
    expect(lines).toEqual([[0.6, 424], [0.9, 541]]);
    const labels = [...html.matchAll(/<text class="pass-label"[^>]*>([^<]+)<\/text>/g)].map((x) => x[1]);
    expect(labels).toEqual(['60%', '90%']);
    expect(html).toContain('乙部门 · 乙模块：30/40（75.0%，合格线 90.0%）');
    expect(html).not.toContain('70%');
    expect(html).not.toContain('70.0%');
  });
});

describe('a draft visit in the report', () => {
  it('says 未评完 4/100 and shows partial rates, never a pass or a fail for the visit', async () => {
    const t = await findTemplate('dealer-aftersales');
    if (!t.ok || t.value.kind !== 'points') throw new Error('template');
    const items = t.value.sections[0]!.modules[0]!.items!.slice(0, 4);
    // 4 items of 前台 · 核心流程 at half their max: the module's rate over what is scored is 50 %.
    const m = await reportWith({ id: 'dealer-aftersales' }, items.map((i) => ({ id: i.id, score: i.max / 2 })));
    expect([m.assessment?.complete, m.assessment?.passed, m.assessment?.scored, m.assessment?.items]).toEqual([false, null, 4, 100]);
    const html = renderReportHtml(m, 'zh');
    expect(html).toMatch(/<tr class="section" data-level="total"[^>]*>.*?<span class="muted incomplete">未评完 4\/100<\/span>/s);
    expect(html).toContain('已评 4/100 项');
    expect(html).toMatch(/<tr data-level="front_desk.core_process"[^>]*>.*?<td class="n">50.0% 部分<\/td>.*?未评完 4\/\d+/s);
    // The chart draws the partial module grey at 50 % with 部分 in its label; no red bar at all.
    expect(html).toContain(`${t.value.sections[0]!.modules[0]!.zh}（部分）`);
    expect(html).toMatch(/<rect [^>]*fill="#9aa7b8"[^>]*class="partial"/);
    expect(html).not.toContain('fill="#d9534f"');
    const scores = html.slice(html.indexOf('现场评估得分'), html.indexOf('二、存在的问题'));
    expect(scores).not.toContain('不合格');
    expect(renderReportHtml(m, 'en')).toContain('Incomplete 4/100');
  });
});
