// The default network: deterministic, complete, moderate in size, and its manifest tells the truth.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from './network.js';
import { SPECIAL } from './profile.js';
import { readExport } from './test-helpers/read-export.js';
import type { DemoNetwork } from './types.js';

let net: DemoNetwork;
beforeAll(() => {
  net = generateNetwork();
});

describe('default network', () => {
  it('is deterministic: same seed, byte-identical files', () => {
    const again = generateNetwork();
    expect(again.files.map((f) => f.name)).toEqual(net.files.map((f) => f.name));
    for (let i = 0; i < net.files.length; i++) expect(again.files[i]?.bytes.equals(net.files[i]?.bytes as Buffer)).toBe(true);
  });

  it('a different seed gives different data', () => {
    const other = generateNetwork({ seed: 7, dealers: 2, months: 2 });
    const same = generateNetwork({ seed: 7, dealers: 2, months: 2 });
    const base = generateNetwork({ seed: 8, dealers: 2, months: 2 });
    expect(other.files[1]?.bytes.equals(same.files[1]?.bytes as Buffer)).toBe(true);
    expect(other.files[1]?.bytes.equals(base.files[1]?.bytes as Buffer)).toBe(false);
  });

  it('has ≥12 dealers, 3 regions, 2 groups, 24 months, every kind, dealers file first', () => {
    expect(net.dealers.length).toBeGreaterThanOrEqual(12);
    expect(new Set(net.dealers.map((d) => d.region)).size).toBe(3);
    expect(new Set(net.dealers.map((d) => d.group)).size).toBe(2);
    expect(net.files[0]?.kind).toBe('dealers');
    for (const d of net.dealers) {
      for (const kind of ['repair_orders', 'bookings', 'accident_repairs', 'customers'] as const) {
        const files = net.files.filter((f) => f.kind === kind && f.name.startsWith(`${d.code}_`));
        expect(files, `${d.code} ${kind}`).toHaveLength(1);
      }
    }
    const ro = net.files.find((f) => f.kind === 'repair_orders');
    expect(ro?.months).toHaveLength(24);
    expect(ro?.months[23]).toBe('2025-12');
    expect(ro?.months[0]).toBe('2024-01');
  });

  it('stays moderate: 150–400 ROs per dealer-month on average, well under 20 MB', () => {
    const total = net.files.reduce((s, f) => s + f.bytes.length, 0);
    expect(total).toBeLessThan(17_000_000);
    for (const f of net.files.filter((x) => x.kind === 'repair_orders')) {
      const perMonth = f.rows / f.months.length;
      expect(perMonth).toBeGreaterThanOrEqual(130);
      expect(perMonth).toBeLessThanOrEqual(400);
    }
  });

  it('manifest counts match what a contract-following reader finds', () => {
    for (const f of net.files) {
      const r = readExport(f);
      expect({ file: f.name, rows: r.rows, bad: r.rejected.length, dup: r.duplicates, totals: r.totals, blanks: r.blanks }).toEqual({
        file: f.name, rows: f.rows, bad: f.badRows, dup: f.duplicateRows, totals: f.totalsRows, blanks: f.blankLines,
      });
    }
  });

  it('every RO file has a few bad rows (under 5%) of each kind, and the network one exact duplicate', () => {
    let duplicates = 0;
    for (const f of net.files.filter((x) => x.kind === 'repair_orders')) {
      expect(f.badRows).toBeGreaterThan(0);
      expect(f.badRows / f.rows).toBeLessThan(0.05);
      const reasons = readExport(f).rejected.map((r) => r.reason.split(' ').slice(0, 2).join(' '));
      expect(new Set(reasons)).toEqual(new Set(['bad timestamp', 'bad amount', 'missing vin']));
      duplicates += f.duplicateRows;
    }
    expect(duplicates).toBe(1);
  });

  it('one dealer never fills promised_time (column present, always empty)', () => {
    const empties = net.dealers.filter((d) => {
      const f = net.files.find((x) => x.kind === 'repair_orders' && x.name.startsWith(`${d.code}_`));
      const r = readExport(f as (typeof net.files)[number]);
      expect(r.fields).toContain('promised_time');
      return r.records.every((row) => row.promised_time === '');
    });
    expect(empties.map((d) => d.code)).toEqual([net.dealers[SPECIAL.noPromise]?.code]);
  });

  it('booked ROs point at arrived bookings of the same dealer', () => {
    for (const d of net.dealers) {
      const ros = readExport(net.files.find((x) => x.kind === 'repair_orders' && x.name.startsWith(`${d.code}_`)) as DemoNetwork['files'][number]);
      const bookings = readExport(net.files.find((x) => x.kind === 'bookings' && x.name.startsWith(`${d.code}_`)) as DemoNetwork['files'][number]);
      const known = new Set(bookings.records.map((b) => b.booking_no));
      const booked = ros.records.filter((r) => r.booking_no);
      expect(booked.length).toBeGreaterThan(0);
      expect(booked.filter((r) => !known.has(r.booking_no)).length).toBeLessThanOrEqual(2); // a booking row may be a planted bad one
    }
  });

  it('accident_repairs rows are a subset of accident ROs, with some major (≥ 10000) repairs', () => {
    let major = 0;
    for (const d of net.dealers) {
      const ros = readExport(net.files.find((x) => x.kind === 'repair_orders' && x.name.startsWith(`${d.code}_`)) as DemoNetwork['files'][number]);
      const acc = readExport(net.files.find((x) => x.kind === 'accident_repairs' && x.name.startsWith(`${d.code}_`)) as DemoNetwork['files'][number]);
      const roNos = new Set(ros.records.map((r) => r.ro_no));
      const missing = acc.records.filter((a) => !roNos.has(a.ro_no)).length;
      expect(missing).toBeLessThanOrEqual(ros.rejected.length);
      expect(acc.records.length).toBeGreaterThan(0);
      major += acc.records.filter((a) => Number((a.repair_amount ?? '').replace(/[,元￥¥]/g, '')) >= 10_000).length;
    }
    expect(major).toBeGreaterThan(50);
  });
});
