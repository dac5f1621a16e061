// `fixops actions`, `fixops actions add`, `fixops actions set` through the built binary on a real
// DuckDB file: what is stored, what is refused (exit codes), and the audit log entries.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionWithEffect } from '@fixops/actions';
import { cleanup, fixops, parseJson, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

function network() {
  const dir = tempDir();
  const db = join(dir, 'a.duckdb');
  const path = join(dir, 'ro.csv');
  writeFileSync(path, ['经销商代码,工单号,VIN,进厂时间,维修类型,总金额', 'SH001,R1,lsv1,2025-01-02 10:00,保养,100', 'SH002,R2,lsv2,2025-01-03 10:00,保养,100'].join('\n'));
  expect(fixops(['ingest', '--db', db, path]).code).toBe(0);
  return db;
}

describe('fixops actions', () => {
  it('adds, lists, moves and audits actions; refuses what it cannot store', () => {
    const db = network();
    const added = fixops(['actions', 'add', '--db', db, '--dealer', 'SH001', '--kpi', 'booking_rate', '--title', '每日预约回访', '--owner', '王经理',
      '--due', '2025-03-31', '--created', '2025-02-01', '--json'], { FIXOPS_USER: 'li' });
    expect(added.code).toBe(0);
    const { id } = parseJson<{ id: number }>(added.stdout);
    const mod = fixops(['actions', 'add', '--db', db, '--dealer', 'SH001', '--module', 'front_desk.visual_boards', '--title', '看板每日更新', '--owner', '前台主管',
      '--due', '2099-01-31']);
    expect(mod.code).toBe(0);
    expect(mod.stdout).toContain('整改事项已添加 Action added: #2 SH001 · front_desk.visual_boards · 看板每日更新');

    const unknownKpi = fixops(['actions', 'add', '--db', db, '--dealer', 'SH001', '--kpi', 'booking', '--title', 't', '--owner', 'o', '--due', '2099-01-31']);
    expect(unknownKpi.code).toBe(2);
    expect(unknownKpi.stderr).toContain('没有KPI“booking”');
    expect(fixops(['actions', 'add', '--db', db, '--dealer', 'SH001', '--kpi', 'booking_rate', '--module', 'front_desk.dms', '--title', 't', '--owner', 'o', '--due', '2099-01-31']).code).toBe(2);
    expect(fixops(['actions', 'add', '--db', db, '--dealer', 'SH001', '--kpi', 'booking_rate', '--title', 't', '--owner', 'o', '--due', '2099-02-30']).stderr).toContain('截止日期“2099-02-30”无效');

    let list = parseJson<ActionWithEffect[]>(fixops(['actions', '--db', db, '--dealer', 'SH001', '--today', '2025-06-01', '--json']).stdout);
    expect(list.map((a) => [a.id, a.status, a.overdue, a.target.kind, a.createdBy])).toEqual([[id, 'open', true, 'kpi', 'li'], [2, 'open', false, 'module', expect.any(String)]]);
    expect(list[0]!.effect).toMatchObject({ kind: 'kpi', verdict: 'insufficient', reason: 'no_after' });

    const table = fixops(['actions', '--db', db, '--today', '2025-06-01']);
    expect(table.stdout).toContain('未完成 · 已逾期');
    expect(table.stdout).toContain('未完成 2 项，其中逾期 1 项');
    expect(table.stdout).toContain(`#${id} 数据不足：截止日期 2025-03-31 之后还没有数据月份，到时再看效果。`);

    expect(fixops(['actions', 'set', String(id), '--db', db, '--status', 'done', '--note', '已培训前台'], { FIXOPS_USER: 'wang' }).code).toBe(0);
    const verified = fixops(['actions', 'set', String(id), '--db', db, '--status', 'verified', '--json'], { FIXOPS_USER: 'li' });
    expect(verified.code).toBe(0);
    expect(parseJson<ActionWithEffect>(verified.stdout).events.map((e) => [e.user, e.status, e.note])).toEqual([
      ['li', 'open', null], ['wang', 'done', '已培训前台'], ['li', 'verified', null],
    ]);
    expect(fixops(['actions', 'set', '99', '--db', db, '--status', 'done']).code).toBe(1);
    expect(fixops(['actions', 'set', String(id), '--db', db, '--status', 'finished']).code).toBe(2);

    list = parseJson<ActionWithEffect[]>(fixops(['actions', '--db', db, '--status', 'verified', '--json']).stdout);
    expect(list.map((a) => a.id)).toEqual([id]);
    const audit = parseJson<{ user: string; action: string; target: string; detail: Record<string, unknown> }[]>(fixops(['audit', '--db', db, '--action', 'action', '--json']).stdout);
    expect(audit.map((e) => [e.action, e.target, e.user])).toEqual([
      ['action.status', String(id), 'li'], ['action.status', String(id), 'wang'], ['action.add', '2', expect.any(String)], ['action.add', String(id), 'li'],
    ]);
    expect(audit[1]!.detail).toMatchObject({ old: 'open', new: 'done', note: '已培训前台', dealer: 'SH001' });

    // the report's 整改跟踪 section, in Markdown and HTML
    const md = fixops(['report', '--db', db, '--dealer', 'SH001', '--month', '2025-01', '--format', 'md']).stdout;
    expect(md).toContain('## 整改跟踪');
    expect(md).toContain(`| ${id} | 每日预约回访 | 预约率 | 王经理 | 2025-03-31 | 已验证 | 数据不足：`);
    expect(md).toContain('| 2 | 看板每日更新 | 前台 · 看板管理 | 前台主管 | 2099-01-31 | 未完成 | 数据不足：');
    expect(fixops(['report', '--db', db, '--dealer', 'SH001', '--month', '2025-01']).stdout).toContain('<h2>整改跟踪</h2>');
    expect(fixops(['report', '--db', db, '--dealer', 'SH002', '--month', '2025-01', '--format', 'md']).stdout).toContain('暂无整改事项');
  });
});
