import { describe, expect, it } from 'vitest';
import { useMacrosDb } from '../test-helpers/macrosDb.js';

const macros = useMacrosDb();

/** Typed converters take the value as read. */
async function one(expr: string, value: string | null): Promise<unknown> {
  if (expr === 'fx_repair_type' || expr === 'fx_booking_status') return lookup(expr === 'fx_repair_type' ? 'fx_repair_types' : 'fx_booking_statuses', value);
  const r = await macros().runAndReadAll(`SELECT ${expr}(nullif($v::VARCHAR, ''))::VARCHAR AS x`, { v: value });
  return r.getRowObjectsJson()[0]!.x;
}

/** Enums: the validator joins the cleaned, lower-cased value with a lookup table. */
async function lookup(table: string, value: string | null): Promise<unknown> {
  const r = await macros().runAndReadAll(`SELECT e.canon AS x FROM (SELECT $v::VARCHAR AS v) s LEFT JOIN ${table} e ON e.raw = lower(fx_clean(s.v))`, { v: value });
  const x = r.getRowObjectsJson()[0]!.x;
  return table === 'fx_repair_types' ? (x ?? 'unclassified') : x;
}

describe('enum lookup tables', () => {
  it('hold each synonym once', async () => {
    for (const t of ['fx_repair_types', 'fx_booking_statuses']) {
      const r = await macros().runAndReadAll(`SELECT count(*) = count(DISTINCT raw) AS unique FROM ${t}`);
      expect(r.getRowObjectsJson()[0]!.unique).toBe(true);
    }
  });
});

describe('timestamps (all local time, date-only = 00:00)', () => {
  it.each([
    ['2025-03-07 09:05:00', '2025-03-07 09:05:00'],
    ['2025-03-07 09:05', '2025-03-07 09:05:00'],
    ['2025/3/7 9:05', '2025-03-07 09:05:00'],
    ['2025/3/7', '2025-03-07 00:00:00'],
    ['2025-03-07T09:05:00', '2025-03-07 09:05:00'],
    ['2025年3月7日 9:05', '2025-03-07 09:05:00'],
    ['2025年3月7日', '2025-03-07 00:00:00'],
    ['20250307', '2025-03-07 00:00:00'],
    [' 2025-03-07 ', '2025-03-07 00:00:00'],
    ['\t2025/3/7\u3000', '2025-03-07 00:00:00'],
    ['2025/12/31 23:59:59', '2025-12-31 23:59:59'],
  ])('reads %s', async (text, expected) => {
    expect(await one('fx_ts', text)).toBe(expected);
  });

  it.each(['2025-13-45', '2025-02-30', '07/03/2025', '2025-03-07 25:00', 'yesterday', 'infinity', '2025.03.07', '202503', '1-03-07'])(
    'refuses %s', async (text) => {
      expect(await one('fx_ts', text)).toBeNull();
    },
  );

  it('treats empty as null', async () => {
    expect(await one('fx_ts', '')).toBeNull();
    expect(await one('fx_ts', '   ')).toBeNull();
  });

  it('trims tabs, line breaks and full-width spaces from text', async () => {
    const r = await macros().runAndReadAll("SELECT fx_clean(chr(9) || ' RO1' || chr(12288) || chr(13) || chr(10)) AS a, fx_clean(' ') AS b, fx_clean('a b') AS c");
    expect(r.getRowObjectsJson()[0]).toEqual({ a: 'RO1', b: null, c: 'a b' });
  });
});

describe('money', () => {
  it.each([
    ['1234.5', '1234.5'],
    ['1,234.50', '1234.5'],
    ['￥1,234.50', '1234.5'],
    ['¥1234.5', '1234.5'],
    ['1234.5元', '1234.5'],
    ['-120.00', '-120.0'],
    ['0', '0.0'],
    ['1,234,567', '1234567.0'],
    [' 88.8 ', '88.8'],
    ['\t1,000元 ', '1000.0'],
    ['￥ 1,234.50', '1234.5'],
    ['1234.50 元', '1234.5'],
  ])('reads %s', async (text, expected) => {
    expect(await one('fx_money', text)).toBe(expected);
  });

  it.each(['abc', '12,34', '1.2.3', 'NaN', 'inf', '--5', '1e5', '$12', '12 34', '1_000', '+-5'])('refuses %s', async (text) => {
    expect(await one('fx_money', text)).toBeNull();
  });
});

describe('integers (mileage)', () => {
  it.each([['12345', '12345'], ['12,345', '12345'], ['12345 km', '12345'], ['12345公里', '12345'], ['800.0', '800']])('reads %s', async (t, e) => {
    expect(await one('fx_int', t)).toBe(e);
  });
  it.each(['12.5', 'abc', '1,23', '1_000'])('refuses %s', async (t) => {
    expect(await one('fx_int', t)).toBeNull();
  });
});

describe('repair types', () => {
  const cases: [string, string][] = [
    ['保养', 'maintenance'], ['首保', 'maintenance'], ['定保', 'maintenance'], ['定期保养', 'maintenance'], ['常规保养', 'maintenance'], ['Maintenance', 'maintenance'], ['SERVICE', 'maintenance'],
    ['一般维修', 'general'], ['机修', 'general'], ['机电维修', 'general'], ['普通维修', 'general'], ['general', 'general'], ['repair', 'general'], ['Mechanical', 'general'],
    ['事故车', 'accident'], ['事故维修', 'accident'], ['钣喷', 'accident'], ['钣金', 'accident'], ['喷漆', 'accident'], ['钣金喷漆', 'accident'], ['accident', 'accident'], ['collision', 'accident'], ['body', 'accident'],
    ['索赔', 'warranty'], ['保修', 'warranty'], ['三包', 'warranty'], ['Warranty', 'warranty'], ['claim', 'warranty'],
    ['召回', 'recall'], ['recall', 'recall'],
    ['返修', 'rework'], ['返工', 'rework'], ['rework', 'rework'], ['comeback', 'rework'],
    ['内部', 'internal'], ['内部结算', 'internal'], ['PDI', 'internal'], ['pdi', 'internal'], ['新车整备', 'internal'], ['internal', 'internal'],
    [' 保养 ', 'maintenance'], ['洗车', 'unclassified'], ['', 'unclassified'],
  ];
  it.each(cases)('%s → %s', async (raw, canon) => {
    expect(await one('fx_repair_type', raw)).toBe(canon);
  });
});

describe('booking statuses', () => {
  const cases: [string, string | null][] = [
    ['已到店', 'arrived'], ['已进厂', 'arrived'], ['到店', 'arrived'], ['已完成', 'arrived'], ['Arrived', 'arrived'], ['completed', 'arrived'], ['show', 'arrived'],
    ['未到店', 'no_show'], ['爽约', 'no_show'], ['未到', 'no_show'], ['no_show', 'no_show'], ['No-Show', 'no_show'], ['missed', 'no_show'],
    ['已取消', 'cancelled'], ['取消', 'cancelled'], ['cancelled', 'cancelled'], ['canceled', 'cancelled'],
    ['待到店', 'pending'], ['已预约', 'pending'], ['待确认', 'pending'], ['pending', 'pending'], ['booked', 'pending'],
    ['改期', null],
  ];
  it.each(cases)('%s → %s', async (raw, canon) => {
    expect(await one('fx_booking_status', raw)).toBe(canon);
  });
});

describe('totals rows', () => {
  it.each([['合计', true], ['总计：', true], ['小计', true], ['Total', true], ['SUM', true], ['合计金额', false]])('%s label: %s', async (t, e) => {
    const r = await macros().runAndReadAll('SELECT fx_totals_label($v) AS x', { v: t });
    expect(r.getRowObjectsJson()[0]!.x).toBe(e);
  });
});
