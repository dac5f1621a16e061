import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, referenceKpis } from '../reference/computeKpis.js';
import { CASE_DEFAULT_SETTINGS } from './builders.js';
import { KPI_CASES } from './kpiCases.js';

const COUNT_KPIS = new Set(['ro_count', 'accident_ro_count', 'major_accident_count', 'base_customers']);

describe('hand-computed KPI cases against the reference', () => {
  it('has at least 25 uniquely named cases, each with expectations', () => {
    expect(KPI_CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(KPI_CASES.map((c) => c.name)).size).toBe(KPI_CASES.length);
    for (const c of KPI_CASES) {
      const n = Object.keys(c.expected.values ?? {}).length + (c.expected.flags?.include?.length ?? 0) + (c.expected.flags?.exclude?.length ?? 0);
      expect(n, c.name).toBeGreaterThan(0);
    }
  });

  it('uses the same defaults as the reference', () => {
    expect(DEFAULT_SETTINGS).toEqual(CASE_DEFAULT_SETTINGS);
  });

  for (const c of KPI_CASES) {
    describe(c.name, () => {
      const result = referenceKpis(c.input);

      it('values', () => {
        for (const [key, expected] of Object.entries(c.expected.values ?? {})) {
          const [dealer, month, kpi] = key.split('|');
          const found = result.values.find((v) => v.dealer === dealer && v.month === month && v.kpi === kpi);
          expect(found, `${key} missing`).toBeDefined();
          const actual = found?.value;
          if (expected === null || expected === undefined) expect(actual, key).toBeNull();
          else if (COUNT_KPIS.has(kpi ?? '')) expect(actual, key).toBe(expected);
          else {
            expect(actual, key).not.toBeNull();
            expect(actual as number, key).toBeCloseTo(expected, 12);
          }
        }
      });

      it('flags', () => {
        for (const f of c.expected.flags?.include ?? []) expect(result.flags, JSON.stringify(f)).toContainEqual(f);
        for (const f of c.expected.flags?.exclude ?? []) expect(result.flags, JSON.stringify(f)).not.toContainEqual(f);
      });
    });
  }
});
