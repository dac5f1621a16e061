import { describe, expect, it } from 'vitest';
import { findHeaderRow, looksLikeHeader } from './headerRow.js';

describe('the header under title rows', () => {
  const header = ['经销商代码', '工单号', 'VIN', '进厂时间', '维修类型', '总金额'];
  it('is the first of the first 10 rows with three cells naming columns of one kind', () => {
    expect(findHeaderRow([['维修工单明细表'], ['经销商：SH001', '', '导出时间：2025-04-01'], [''], header, ['SH001', 'R1']])).toBe(3);
    expect(findHeaderRow([header, ['SH001']])).toBe(0);
  });
  it('needs three mapped cells of one kind; two are not enough', () => {
    expect(looksLikeHeader(['工单号', 'VIN', '备注'])).toBe(false);
    expect(looksLikeHeader(['工单号', 'VIN', '进厂时间（首次）'])).toBe(true);
    expect(looksLikeHeader(['预约单号', '预约时间', '预约状态'], 'repair_orders')).toBe(false);
    expect(looksLikeHeader(['预约单号', '预约时间', '预约状态'], 'bookings')).toBe(true);
  });
  it('falls back to the first non-blank row, and looks no further than row 10', () => {
    expect(findHeaderRow([[''], ['dealer_code', 'name']])).toBe(1);
    const deep = [...Array.from({ length: 10 }, (_, i) => [`标题 ${i}`]), header];
    expect(findHeaderRow(deep)).toBe(0);
    expect(findHeaderRow([[''], []])).toBe(-1);
  });
});
