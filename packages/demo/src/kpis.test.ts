// The demo must make the KPI catalogue (kpis.md) interesting: realistic, varied, with flags to find.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from './network.js';
import { SPECIAL } from './profile.js';
import { dealerKpis, type MonthKpis } from './test-helpers/kpis.js';
import { readExport } from './test-helpers/read-export.js';
import type { DemoDealer, DemoNetwork } from './types.js';

let net: DemoNetwork;
const kpis = new Map<string, Map<string, MonthKpis>>();
const records = new Map<string, Array<Record<string, string>>>();

beforeAll(() => {
  net = generateNetwork();
  for (const d of net.dealers) {
    const get = (kind: string): Array<Record<string, string>> =>
      readExport(net.files.find((f) => f.kind === kind && f.name.startsWith(`${d.code}_`)) as DemoNetwork['files'][number]).records;
    const ros = get('repair_orders');
    records.set(d.code, ros);
    kpis.set(d.code, dealerKpis(ros, get('bookings'), get('accident_repairs'), get('customers')));
  }
});

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
function values(d: DemoDealer, key: keyof MonthKpis): number[] {
  return [...(kpis.get(d.code) as Map<string, MonthKpis>).values()].map((k) => k[key]).filter((v): v is number => v !== null);
}
/** kpis.md trend rule: robust z of the last value against the 12 months before. */
function trendZ(series: number[]): number {
  const hist = series.slice(-13, -1);
  const M = median(hist);
  const mad = median(hist.map((x) => Math.abs(x - M)));
  return (0.6745 * ((series[series.length - 1] as number) - M)) / mad;
}

describe('KPIs of the default network', () => {
  const ranges: Array<[keyof MonthKpis, number, number]> = [
    ['booking_rate', 0.04, 0.62],
    ['booking_show_rate', 0.6, 0.95],
    ['on_time_rate', 0.7, 0.99],
    ['cost_estimate_accuracy', 0.6, 0.95],
    ['care_product_penetration', 0.1, 0.5],
    ['warranty_share', 0.04, 0.35],
    ['rework_rate', 0.004, 0.04],
    ['accident_share', 0.08, 0.25],
    ['unclassified_rate', 0.003, 0.04],
  ];
  for (const [key, lo, hi] of ranges) {
    it(`${key}: each dealer's average in [${lo}, ${hi}] and dealers differ`, () => {
      const avgs = net.dealers.map((d) => values(d, key)).filter((v) => v.length > 0).map(mean);
      for (const a of avgs) {
        expect(a).toBeGreaterThanOrEqual(lo);
        expect(a).toBeLessThanOrEqual(hi);
      }
      expect(Math.max(...avgs) - Math.min(...avgs)).toBeGreaterThan((hi - lo) / 6);
    });
  }

  it('on_time_rate is null every month for exactly the no-promise dealer', () => {
    for (const [i, d] of net.dealers.entries()) {
      const n = values(d, 'on_time_rate').length;
      expect(n).toBe(i === SPECIAL.noPromise ? 0 : 24);
    }
  });

  it('the volume-drop dealer is a trend outlier in the last month; the on-time collapse too', () => {
    const drop = net.dealers[SPECIAL.volumeDrop] as DemoDealer;
    expect(trendZ(values(drop, 'ro_count'))).toBeLessThan(-3.5);
    const late = net.dealers[SPECIAL.onTimeCollapse] as DemoDealer;
    expect(trendZ(values(late, 'on_time_rate').slice(0, -1))).toBeLessThan(-3.5);
  });

  it('volume dips around Chinese New Year', () => {
    for (const d of net.dealers) {
      const m = kpis.get(d.code) as Map<string, MonthKpis>;
      const all = [...m.values()].map((k) => k.ro_count);
      expect((m.get('2024-02') as MonthKpis).ro_count).toBeLessThan(median(all) * 0.9);
    }
  });

  it('customers come back (VINs reused across months) and some churn', () => {
    for (const d of net.dealers) {
      const ros = records.get(d.code) as Array<Record<string, string>>;
      const firstMonth = new Map<string, string>();
      let returning = 0;
      for (const r of ros) {
        const m = (r.open_time ?? '').slice(0, 7);
        const seen = firstMonth.get(r.vin ?? '');
        if (seen === undefined) firstMonth.set(r.vin ?? '', m);
        else if (seen !== m) returning++;
      }
      expect(returning / ros.length).toBeGreaterThan(0.4);
      const churn = values(d, 'churn_rate').slice(12);
      expect(mean(churn)).toBeGreaterThan(0.003);
      expect(mean(churn)).toBeLessThan(0.08);
    }
  });

  it('every dealer has 3–6 advisors and major accidents exist', () => {
    for (const d of net.dealers) {
      const advisors = new Set((records.get(d.code) as Array<Record<string, string>>).map((r) => r.advisor));
      expect(advisors.size).toBeGreaterThanOrEqual(3);
      expect(advisors.size).toBeLessThanOrEqual(6);
      expect(values(d, 'major_accidents').reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    }
  });
});
