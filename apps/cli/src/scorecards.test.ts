// `fixops staff` and `fixops suppliers` as a user runs them, on a small demo network: list,
// add, score, show; add, rate, show with the rule's outcome; refusals exit 1 with the reason.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryJson } from '@fixops/db';
import { loadDemoNetwork } from '@fixops/usecases';
import type { StaffDetail, StaffMember, SupplierDetail } from '@fixops/scorecards';
import { cleanup, fixops, parseJson, tempDir } from './test-helpers/run.js';

let dir: string;
let db: string;
let dealer: string;

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'fixops.duckdb');
  const d = await openDatabase(db);
  try {
    await loadDemoNetwork(d.connection, { dealers: 2, months: 2 });
    dealer = (await queryJson<{ d: string }>(d.connection, 'SELECT min(dealer_code) AS d FROM dealers'))[0]!.d;
  } finally {
    d.close();
  }
});
afterAll(() => cleanup());

const run = (...args: string[]) => fixops([...args, '--db', db], { FIXOPS_USER: 'li' });

describe('fixops staff', () => {
  it('lists advisors, adds a technician, scores them from a CSV and shows the history', () => {
    const list = run('staff', '--dealer', dealer, '--json');
    expect(list.code, list.stderr).toBe(0);
    const people = parseJson<StaffMember[]>(list.stdout);
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => p.dealer === dealer && p.role === 'service_advisor')).toBe(true);

    expect(run('staff', 'add', '--dealer', dealer, '--name', '刘技师', '--role', '技师').code).toBe(0);
    const again = run('staff', 'add', '--dealer', dealer, '--name', '刘技师', '--role', '技师');
    expect([again.code, again.stderr.trim()]).toEqual([1, `fixops staff: 经销商 ${dealer} 已有人员“刘技师” / Dealer ${dealer} already lists "刘技师"`]);

    // aftersales-staff per module: 24 + 24 + 15 + 7 + 5 = 75 of 100, pass (70).
    const sheet = join(dir, 'staff.csv');
    writeFileSync(sheet, 'id,score\nstaff.knowledge,24\nstaff.satisfaction,24\nstaff.efficiency,15\nstaff.teamwork,7\nstaff.improvement,5\n');
    const scored = run('staff', 'score', '--dealer', dealer, '--name', '刘技师', '--month', '2025-12', '--scores', sheet, '--json');
    expect(scored.code, scored.stderr).toBe(0);
    expect(parseJson<{ scorecard: { total: number; passed: boolean } }>(scored.stdout).scorecard).toMatchObject({ total: 75, passed: true });

    const shown = parseJson<StaffDetail>(run('staff', 'show', '--dealer', dealer, '--name', '刘技师', '--json').stdout);
    expect([shown.role, shown.history.map((h) => [h.month, h.total, h.templateId])]).toEqual(['technician', [['2025-12', 75, 'aftersales-staff']]]);
    const table = run('staff', 'show', '--dealer', dealer, '--name', '刘技师');
    expect(table.stdout).toContain('75/100');
    expect(table.stdout).toContain('合格 pass');

    writeFileSync(sheet, 'id,score\nstaff.knowledge,24\n');
    const part = run('staff', 'score', '--dealer', dealer, '--name', '刘技师', '--month', '2026-01', '--scores', sheet);
    expect(part.code).toBe(1);
    expect(part.stderr).toContain('还有 12 项未评分，考核表未保存：客户满意度（回复及时性、问题解决率、服务态度）；工作效率');
  });
});

describe('fixops suppliers', () => {
  it('adds, rates three C months and shows the disqualification with its reason', () => {
    const added = run('suppliers', 'add', '--name', '华强电子', '--class', 'ic_loose', '--json');
    expect(added.code, added.stderr).toBe(0);
    const id = String(parseJson<{ id: number }>(added.stdout).id);
    // IC/散料 (2:1:2:5), quality 70, delivery 60, service 80, price 70: (2·60 + 80 + 2·70 + 5·70) / 10 = (120 + 80 + 140 + 350) / 10 = 69 → C
    for (const month of ['2025-10', '2025-11', '2025-12']) {
      const r = run('suppliers', 'rate', id, '--month', month, '--quality', '70', '--delivery', '60', '--service', '80', '--price', '70');
      expect(r.code, r.stderr).toBe(0);
    }
    const detail = parseJson<SupplierDetail>(run('suppliers', 'show', id, '--json').stdout);
    expect(detail.history.map((h) => [h.month, h.composite, h.grade, h.status.status])).toEqual([
      ['2025-12', 69, 'C', 'disqualified'], ['2025-11', 69, 'C', 'ok'], ['2025-10', 69, 'C', 'ok'],
    ]);
    const list = run('suppliers');
    expect(list.stdout).toContain('取消资格 disqualified');
    expect(list.stdout).toContain('连续 3 个月被评为 C 级（2025-10…2025-12），取消供应商资格');
    const twice = run('suppliers', 'rate', id, '--month', '2025-12', '--quality', '1', '--delivery', '1', '--service', '1', '--price', '1');
    expect(twice.code).toBe(1);
    expect(run('suppliers', 'rate', id, '--month', '2026-01', '--quality', 'x').code).toBe(2);
    const audit = parseJson<{ action: string; user: string; via: string }[]>(run('audit', '--action', 'supplier', '--json').stdout);
    expect(audit.map((e) => [e.action, e.user, e.via])).toEqual([
      ['supplier.rate', 'li', 'cli'], ['supplier.rate', 'li', 'cli'], ['supplier.rate', 'li', 'cli'], ['supplier.add', 'li', 'cli'],
    ]);
  });
});
