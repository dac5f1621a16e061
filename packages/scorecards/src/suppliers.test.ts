// Supplier ratings with the seed's numbers (供应商等级评定评分标准): composite = Σ weight·score / Σ weights
// with delivery:service:quality:price = 2:1:2:5 (IC、散料), 4:1:4:1 (PCB), 1:2:2:5 (辅料、机物料、办公用品);
// A ≥ 90, B ≥ 75, C below; three consecutive C months disqualify; any dimension at 0 suspends.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit, openDatabase, type Database } from '@fixops/db';
import type { WeightedTemplate } from '@fixops/checklist';
import { findTemplate } from '@fixops/assessment';
import { addSupplier, getSupplier, listSuppliers, rateSupplier, type SupplierDetail } from './suppliers.js';

let db: Database;
let template: WeightedTemplate;
const actor = { user: 'li', via: 'cli' as const };

beforeEach(async () => {
  db = await openDatabase(':memory:');
  const t = await findTemplate('supplier-rating');
  if (!t.ok || t.value.kind !== 'weighted') throw new Error('supplier-rating template missing');
  template = t.value;
});
afterEach(() => db.close());

async function supplier(name: string, cls: string): Promise<number> {
  const s = await addSupplier(db.connection, template, { name, class: cls }, actor);
  if (!s.ok) throw new Error(s.error.message.en);
  return s.value.id;
}

async function rate(id: number, month: string, quality: number, delivery: number, service: number, price: number): Promise<SupplierDetail> {
  const r = await rateSupplier(db.connection, template, { supplier: id, month, dimensions: { quality, delivery, service, price } }, actor);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}

describe('supplier composite and grade per class', () => {
  it('the same four scores weigh differently per class: IC 91 A, PCB 84 B, consumables 91.5 A', async () => {
    // quality 90, delivery 75, service 80, price 100:
    // IC/散料 (2:1:2:5):     (2·75 + 1·80 + 2·90 + 5·100) / 10 = (150 + 80 + 180 + 500) / 10 = 91   → A
    // PCB (4:1:4:1):         (4·75 + 1·80 + 4·90 + 1·100) / 10 = (300 + 80 + 360 + 100) / 10 = 84   → B
    // 辅料/办公 (1:2:2:5):   (1·75 + 2·80 + 2·90 + 5·100) / 10 = (75 + 160 + 180 + 500) / 10 = 91.5 → A
    const ic = await supplier('华强电子', 'ic_loose');
    const pcb = await supplier('深南电路', 'PCB类');
    const office = await supplier('晨光办公', 'consumables');
    const got = [await rate(ic, '2025-10', 90, 75, 80, 100), await rate(pcb, '2025-10', 90, 75, 80, 100), await rate(office, '2025-10', 90, 75, 80, 100)];
    expect(got.map((s) => [s.class.id, s.latest?.composite, s.latest?.grade, s.status?.status])).toEqual([
      ['ic_loose', 91, 'A', 'ok'], ['pcb', 84, 'B', 'ok'], ['consumables', 91.5, 'A', 'ok'],
    ]);
    expect(got[1]!.class.weights).toEqual({ delivery: 4, service: 1, quality: 4, price: 1 });
  });

  it('grade bands at their edges: 90 is A, 75 is B, 74.9 is C', async () => {
    const id = await supplier('边界测试', 'ic_loose');
    expect((await rate(id, '2025-01', 90, 90, 90, 90)).latest?.grade).toBe('A');
    expect((await rate(id, '2025-02', 75, 75, 75, 75)).latest?.grade).toBe('B');
    // (2·74 + 1·75 + 2·75 + 5·75) / 10 = (148 + 75 + 150 + 375) / 10 = 74.8 → C
    const c = await rate(id, '2025-03', 75, 74, 75, 75);
    expect([c.latest?.composite, c.latest?.grade]).toEqual([74.8, 'C']);
  });
});

describe('the monthly rules', () => {
  it('three consecutive C months disqualify (取消供应商资格); two do not', async () => {
    // PCB, quality 60, delivery 50, service 70, price 80: (4·50 + 70 + 4·60 + 80) / 10 = (200 + 70 + 240 + 80) / 10 = 59 → C
    const id = await supplier('某线路板厂', 'pcb');
    await rate(id, '2025-08', 60, 50, 70, 80);
    const two = await rate(id, '2025-09', 60, 50, 70, 80);
    expect([two.latest?.composite, two.latest?.grade, two.status?.status]).toEqual([59, 'C', 'ok']);
    const three = await rate(id, '2025-10', 60, 50, 70, 80);
    expect(three.status?.status).toBe('disqualified');
    expect(three.status?.reason?.zh).toBe('连续 3 个月被评为 C 级（2025-08…2025-10），取消供应商资格');
    expect(three.status?.reason?.en).toBe('Graded C for 3 consecutive months (2025-08…2025-10): disqualified');
    // Each month keeps its own status, newest first.
    expect(three.history.map((h) => [h.month, h.status.status])).toEqual([['2025-10', 'disqualified'], ['2025-09', 'ok'], ['2025-08', 'ok']]);
    // A disqualification stands after a better month.
    expect((await rate(id, '2025-11', 100, 100, 100, 100)).status?.status).toBe('disqualified');
  });

  it('a month between the C months breaks the run', async () => {
    const id = await supplier('间断供应商', 'pcb');
    await rate(id, '2025-08', 60, 50, 70, 80);
    await rate(id, '2025-09', 90, 90, 90, 90);
    await rate(id, '2025-10', 60, 50, 70, 80);
    expect((await rate(id, '2025-11', 60, 50, 70, 80)).status?.status).toBe('ok');
  });

  it('any dimension at 0 suspends for three months, naming the dimension; a clean rating after that lifts it', async () => {
    // IC, price 0, the rest 100: (2·100 + 1·100 + 2·100 + 5·0) / 10 = 50 → C, and suspended
    const id = await supplier('零分供应商', 'ic_loose');
    const zero = await rate(id, '2025-10', 100, 100, 100, 0);
    expect([zero.latest?.composite, zero.latest?.grade, zero.status?.status]).toEqual([50, 'C', 'suspended']);
    expect(zero.status?.reason?.zh).toBe('2025-10 价格配合 评分为 0：暂停合格供应商资格，整改三个月后（2026-01 起）再重新评估');
    expect(zero.status?.outcomes[0]?.rule?.zh).toBe('四项中有一项评分为零，暂取消合格供应商资格，整改三个月后再重新评估。');
    expect((await rate(id, '2025-12', 100, 100, 100, 100)).status?.status).toBe('suspended');
    expect((await rate(id, '2026-01', 100, 100, 100, 100)).status?.status).toBe('ok');
  });

  it('refuses a second rating of the same month, an unknown class and a score above 100, naming them', async () => {
    const id = await supplier('重复评级', 'consumables');
    await rate(id, '2025-10', 90, 90, 90, 90);
    const again = await rateSupplier(db.connection, template, { supplier: id, month: '2025-10', dimensions: { quality: 1, delivery: 1, service: 1, price: 1 } }, actor);
    expect(again.ok ? null : again.error.code).toBe('rating_exists');
    const cls = await addSupplier(db.connection, template, { name: 'x', class: 'cables' }, actor);
    expect(cls.ok ? null : cls.error.code).toBe('unknown_class');
    const over = await rateSupplier(db.connection, template, { supplier: id, month: '2025-11', dimensions: { quality: 101, delivery: 1, service: 1, price: 1 } }, actor);
    expect(over.ok ? null : over.error.message.zh).toBe('品质 的得分 101 应在 0 到 100 之间');
    const dup = await addSupplier(db.connection, template, { name: '重复评级', class: 'pcb' }, actor);
    expect(dup.ok ? null : dup.error.code).toBe('supplier_exists');
  });

  it('lists suppliers by name with their latest status, and records every write in the audit log', async () => {
    const a = await supplier('B 供应商', 'pcb');
    await supplier('A 供应商', 'ic_loose');
    await rate(a, '2025-10', 100, 100, 100, 0);
    const list = await listSuppliers(db.connection, template);
    expect(list.map((s) => [s.name, s.ratings, s.status?.status ?? null])).toEqual([['A 供应商', 0, null], ['B 供应商', 1, 'suspended']]);
    const audit = await listAudit(db.connection, {});
    expect(audit.entries.map((e) => [e.action, e.user, e.target])).toEqual([['supplier.rate', 'li', String(a)], ['supplier.add', 'li', '2'], ['supplier.add', 'li', '1']]);
    expect((await getSupplier(db.connection, template, 99)).ok).toBe(false);
  });
});
