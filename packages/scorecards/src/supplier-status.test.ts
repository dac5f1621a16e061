// The supplier rules as of a month, on hand-made histories (grades as the template's bands give them).

import { describe, expect, it } from 'vitest';
import { findTemplate } from '@fixops/assessment';
import type { PeriodRecord, WeightedTemplate } from '@fixops/checklist';
import { supplierStatus } from './supplier-status.js';

const template = async (): Promise<WeightedTemplate> => {
  const t = await findTemplate('supplier-rating');
  if (!t.ok || t.value.kind !== 'weighted') throw new Error('supplier-rating missing');
  return t.value;
};
const full = { quality: 100, delivery: 100, service: 100, price: 100 };
const rec = (period: string, grade: string, dimensions: Record<string, number> = full): PeriodRecord => ({ period, grade, dimensions });

describe('supplierStatus', () => {
  it('judges as of a month: later ratings do not count', async () => {
    const t = await template();
    const history = [rec('2025-01', 'C'), rec('2025-02', 'C'), rec('2025-03', 'C')];
    const at = (m: string) => { const r = supplierStatus(t, history, m); return r.ok ? r.value.status : null; };
    expect([at('2025-02'), at('2025-03'), at('2025-09')]).toEqual(['ok', 'disqualified', 'disqualified']);
  });

  it('a zero suspends in its month and the two after; the worse outcome wins and both are listed', async () => {
    const t = await template();
    const zero = rec('2025-05', 'C', { ...full, delivery: 0, service: 0 });
    const s = supplierStatus(t, [zero], '2025-07');
    expect(s.ok && [s.value.status, s.value.reason?.en]).toEqual(['suspended', '2025-05 Delivery, After-sales service scored 0: approval suspended; re-rated after three months of corrective action (from 2025-08)']);
    const after = supplierStatus(t, [zero], '2025-08');
    expect(after.ok && after.value.status).toBe('ok');
    const both = supplierStatus(t, [rec('2025-03', 'C'), rec('2025-04', 'C'), zero], '2025-05');
    expect(both.ok && [both.value.status, both.value.outcomes.map((o) => o.outcome)]).toEqual(['disqualified', ['disqualified', 'suspended']]);
  });
});
