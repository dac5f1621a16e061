import { describe, expect, it } from 'vitest';
import { KINDS } from '../kinds/catalog.js';
import { KIND_IDS } from '../kinds/types.js';
import { isPersonalHeader, mapColumns, normalizeHeader } from './headers.js';

describe('header normalisation', () => {
  it('trims spaces, BOM, * and bracketed units, ignores case', () => {
    expect(normalizeHeader('\uFEFF 总金额（元） ')).toBe('总金额');
    expect(normalizeHeader('*工单号')).toBe('工单号');
    expect(normalizeHeader('Total (RMB)')).toBe('total');
    expect(normalizeHeader('VIN码')).toBe('vin码');
    expect(normalizeHeader('RO_Number')).toBe('ro_number');
  });

  it('maps every alias of every column of every kind', () => {
    for (const kind of KIND_IDS) {
      for (const spec of KINDS[kind].columns) {
        for (const alias of spec.aliases) {
          const m = mapColumns([` ${alias.toUpperCase()}（元）`], kind);
          expect(m.mapped.map((c) => c.spec.name), `${kind}: ${alias}`).toEqual([spec.name]);
        }
      }
    }
  });

  it('reports unknown columns as ignored and personal data as dropped', () => {
    const m = mapColumns(['工单号', '备注', '客户姓名', '手机号', 'Phone', '地址', '身份证'], 'repair_orders');
    expect(m.mapped.map((c) => c.header)).toEqual(['工单号']);
    expect(m.ignored.map((c) => c.header)).toEqual(['备注']);
    expect(m.dropped.map((c) => c.header)).toEqual(['客户姓名', '手机号', 'Phone', '地址', '身份证']);
  });

  it('recognises the personal-data headers of the contract', () => {
    for (const h of ['客户姓名', '姓名', '联系人', '电话', '手机', '手机号', '联系电话', '身份证', '地址', 'customer_name', 'phone', 'mobile', 'address', 'id_card']) {
      expect(isPersonalHeader(h), h).toBe(true);
    }
    expect(isPersonalHeader('服务顾问')).toBe(false);
  });

  it('maps a column once when two headers mean the same; the second is ignored', () => {
    const m = mapColumns(['总金额', '结算金额'], 'repair_orders');
    expect(m.mapped.map((c) => c.header)).toEqual(['总金额']);
    expect(m.ignored.map((c) => c.header)).toEqual(['结算金额']);
  });

  it('lists the missing required columns', () => {
    const m = mapColumns(['工单号', 'VIN'], 'repair_orders');
    expect(m.missing.map((s) => s.name)).toEqual(['open_time', 'repair_type', 'total_amount']);
  });
});
