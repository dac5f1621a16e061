// The renderers on the hand case (test-helpers/hand-db.ts): Markdown, CSV and JSON shapes, and a
// standalone printable HTML page with its charts.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@fixops/db';
import { renderCsv, renderJson } from './csv.js';
import { renderHtml } from './html.js';
import { loadComparison } from './load.js';
import { renderMarkdown } from './markdown.js';
import { runComparison } from './run.js';
import { HAND_FILE } from './test-helpers/hand-case.js';
import { seedHandDatabase } from './test-helpers/hand-db.js';
import type { ComparisonResult } from './types.js';

let dir: string;
let db: Database;
let result: ComparisonResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fixops-compare-render-'));
  db = await openDatabase(join(dir, 'render.duckdb'));
  await seedHandDatabase(db.connection);
  const c = loadComparison(HAND_FILE);
  if (!c.ok) throw new Error(c.error.message.en);
  const r = await runComparison(db.connection, { ...c.value, file: 'hand-case.yaml' });
  if (!r.ok) throw new Error(r.error.message.en);
  result = r.value;
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Markdown', () => {
  it('has the ranking with every component\'s value and points, the gaps, the targets and the rule', () => {
    const md = renderMarkdown(result, 'zh');
    expect(md).toContain('# 手算样例 · 2025-12');
    expect(md).toContain('| 名次 | 经销商 | 名称 | 综合得分 | 等级 | 较上期 | 名次变化 | 准时交车率 (500) | 返修率 (300) | 预约率 (200) |');
    expect(md).toContain('| 1 | D1 | 经销商D1 | 725.0 | 合格 | -25.0 | 0 | 80.0% · 375.0 | 3.0% · 150.0 | 40.0% · 200.0 |');
    expect(md).toContain('| 2 | D2 | 经销商D2 | 700.0 | 合格 | — | — | 95.0% · 500.0 | 5.0% · 0.0 | 45.0% · 200.0 |');
    expect(md).toContain('| 4 | D3 | 经销商D3 | 400.0 | 待改进 | -100.0 | -2 | 无数据 · 0.0 | 1.0% · 300.0 | 20.0% · 100.0 |');
    expect(md).toContain('| 4 | D3 | 准时交车率 无数据 vs 中位数 80.0%，落后 无数据，−375.0 分 | 预约率 20.0% vs 中位数 35.0%，落后 15.0 个百分点，−75.0 分 |  |');
    expect(md).toContain('| 返修率 | rework_rate | 300 | 2.0% | 4.0% | 越低越好 | 系统设置 | 2.5% |');
    expect(md).toContain('达成度 = (数值 − 0 分线) / (满分目标 − 0 分线)');
    expect(md).toContain('## 本月无 KPI 数据（未排名）\n\n- D6 经销商D6');
    const en = renderMarkdown(result, 'en');
    expect(en).toContain('| 4 | D3 | 经销商D3 | 400.0 | Needs improvement | -100.0 | -2 | no data · 0.0 | 1.0% · 300.0 | 20.0% · 100.0 |');
    expect(en).toContain('A KPI without a value (not tracked) earns 0 points');
  });
});

describe('CSV and JSON', () => {
  it('CSV: one row per ranked dealer with values, attainments, points and gaps', () => {
    const parsed = Papa.parse<Record<string, string>>(renderCsv(result), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([
      'month', 'rank', 'dealer', 'name', 'region', 'group', 'score', 'composite', 'band', 'band_en', 'previous_score', 'score_change', 'previous_rank', 'rank_change',
      'on_time_rate_value', 'on_time_rate_attainment', 'on_time_rate_points', 'rework_rate_value', 'rework_rate_attainment', 'rework_rate_points',
      'booking_rate_value', 'booking_rate_attainment', 'booking_rate_points',
      'gap1', 'gap1_points', 'gap1_units', 'gap2', 'gap2_points', 'gap2_units', 'gap3', 'gap3_points', 'gap3_units',
    ]);
    expect(parsed.data.map((r) => [r.rank, r.dealer, r.score, r.band_en, r.score_change, r.gap1])).toEqual([
      ['1', 'D1', '725', 'Pass', '-25', 'rework_rate'], ['2', 'D2', '700', 'Pass', '', 'rework_rate'],
      ['2', 'D4', '700', 'Pass', '600', 'on_time_rate'], ['4', 'D3', '400', 'Needs improvement', '-100', 'on_time_rate'],
    ]);
    expect(parsed.data[3]!.on_time_rate_value).toBe('');
    expect(parsed.data[0]!.on_time_rate_attainment).toBe('0.75');
  });

  it('CSV: a dealer name or region that looks like a formula is neutralised, computed negatives stay numbers (issue 12.3)', () => {
    const hostile = { ...result, rows: result.rows.map((r, i) => ({ ...r, name: ['=HYPERLINK("http://x","y")', '@SUM(1+1)', '-2+3', '\tx'][i] ?? r.name, region: '+cmd' })) };
    const parsed = Papa.parse<Record<string, string>>(renderCsv(hostile), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => r.name)).toEqual(['\'=HYPERLINK("http://x","y")', "'@SUM(1+1)", "'-2+3", "'\tx"]);
    expect(parsed.data.every((r) => r.region === "'+cmd")).toBe(true);
    expect(parsed.data[0]!.score_change).toBe('-25');
  });

  it('JSON: the whole result, with components, medians and rows', () => {
    const j = JSON.parse(renderJson(result)) as ComparisonResult;
    expect(j.components.map((c) => [c.id, c.weight, c.target, c.floor])).toEqual([['on_time_rate', 500, 0.9, 0.5], ['rework_rate', 300, 0.02, 0.04], ['booking_rate', 200, 0.4, 0]]);
    expect(j.rows.map((r) => r.dealer)).toEqual(['D1', 'D2', 'D4', 'D3']);
    expect(j.rows[0]!.components[0]).toEqual({ id: 'on_time_rate', value: 0.8, attainment: expect.closeTo(0.75, 12) as number, points: expect.closeTo(375, 9) as number, noData: false });
    expect(Object.keys(j.medians)).toEqual(['on_time_rate', 'rework_rate', 'booking_rate']);
  });
});

describe('HTML', () => {
  it('is one printable A4 page with the ranked score chart and a gap chart per dealer', () => {
    const html = renderHtml(result, 'zh');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/tr, figure, \.dealer \{ break-inside: avoid; page-break-inside: avoid; \}/);
    expect(html).not.toContain('<script');
    const svgs = html.match(/<svg /g) ?? [];
    expect(svgs.length).toBe(1 + 4); // the ranking chart and one gap chart per dealer (all four have gaps)
    // The ranking chart: one bar per dealer, coloured by band, with the band lines at 900, 800, 650.
    const chart = html.slice(html.indexOf('<svg '), html.indexOf('</svg>'));
    expect((chart.match(/<rect /g) ?? []).length).toBe(4);
    expect((chart.match(/fill="#e0a100"/g) ?? []).length).toBe(3 + 1); // three 合格 bars and the 合格 band label
    expect(chart).toContain('fill="#c9302c"');
    expect(chart).toContain('>优秀 900</text>');
    expect(html).toContain('−375.0');
    expect(renderHtml(result, 'en')).toContain('Composite score ranking (out of 1000)');
  });
});

describe('HTML for a large network', () => {
  it('splits the ranking chart into figures of at most 40 bars, so none is taller than a page', () => {
    const many: ComparisonResult = {
      ...result,
      rows: Array.from({ length: 95 }, (_, i) => ({ ...result.rows[i % 4]!, dealer: `X${String(i).padStart(3, '0')}`, rank: i + 1, gaps: [] })),
    };
    const html = renderHtml(many, 'en');
    const captions = [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1]);
    expect(captions).toEqual(['Composite score ranking (out of 1000) (1–40)', 'Composite score ranking (out of 1000) (41–80)', 'Composite score ranking (out of 1000) (81–95)']);
  });
});
