import { describe, expect, it } from 'vitest';
import { FixopsException } from '@fixops/shared';
import { detectKind } from './kind.js';

function refusal(headers: string[]) {
  try {
    detectKind(headers, 'f.csv');
  } catch (e) {
    if (e instanceof FixopsException) return e.error;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('kind detection', () => {
  it('recognises each kind from its headers', () => {
    expect(detectKind(['经销商代码', '工单号', 'VIN', '进厂时间', '维修类型', '总金额'], 'f').kind).toBe('repair_orders');
    expect(detectKind(['预约单号', '预约时间', '预约状态'], 'f').kind).toBe('bookings');
    expect(detectKind(['ro_no', 'open_time', 'repair_amount', 'insurer'], 'f').kind).toBe('accident_repairs');
    expect(detectKind(['VIN', '最近进厂时间', '客户编号'], 'f').kind).toBe('customers');
    expect(detectKind(['经销商代码', '经销商名称', '大区', '分组'], 'f').kind).toBe('dealers');
  });

  it('prefers the kind that maps the most columns', () => {
    // 结算金额 is total_amount for ROs and repair_amount for accident repairs: the RO file maps more.
    const ro = ['工单号', 'VIN', '进厂时间', '维修类型', '结算金额', '服务顾问'];
    expect(detectKind(ro, 'f').kind).toBe('repair_orders');
    expect(detectKind(['工单号', '进厂时间', '结算金额', '保险公司', '定损金额'], 'f').kind).toBe('accident_repairs');
  });

  it('takes dealers only when no other kind fits', () => {
    expect(detectKind(['经销商代码', 'VIN', '最近进厂时间'], 'f').kind).toBe('customers');
  });

  it('asks for --kind on a tie', () => {
    // repair_orders maps 5 (all but 保险公司), accident_repairs maps 5 (all but 维修类型): a tie.
    const e = refusal(['工单号', '进厂时间', '结算金额', 'VIN', '维修类型', '保险公司']);
    expect(e.code).toBe('ambiguous_kind');
    expect(e.message.en).toContain('--kind');
  });

  it('refuses an unknown kind, naming the closest kind and what it lacks', () => {
    const e = refusal(['工单号', 'VIN', '维修类型', '备注']);
    expect(e.code).toBe('unknown_kind');
    expect(e.message.zh).toContain('工单号, VIN, 维修类型, 备注');
    expect(e.message.zh).toContain('进厂时间（进厂时间 / 开单时间 / 接车时间）');
    expect(e.message.zh).toContain('总金额（');
    // columns by the words a user knows, never by the stored ids
    expect(e.message.zh).not.toMatch(/open_time|total_amount/);
    expect(e.message.en).toContain('opened at (');
    expect(e.details).toMatchObject({ closest: { kind: 'repair_orders', missing: ['open_time', 'total_amount'] } });
  });
});
