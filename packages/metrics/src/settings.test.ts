import { describe, expect, it } from 'vitest';
import { openDatabase } from '@fixops/db';
import { defaultSettings, parseSetting, readSettings, SETTINGS, storeSetting, targetsOf } from './settings.js';

describe('settings', () => {
  it('has the defaults of kpis.md', () => {
    const s = defaultSettings();
    expect(s).toMatchObject({ majorAccidentAmount: 10000, timeEstimateToleranceMinutes: 30, costEstimateTolerance: 0.1, maxRejectRate: 0.05 });
    expect(Object.fromEntries(targetsOf(s).map((t) => [t.kpi, `${t.op} ${t.value}`]))).toEqual({
      booking_rate: '>= 0.3', booking_show_rate: '>= 0.8', on_time_rate: '>= 0.9', promise_coverage: '>= 0.95',
      time_estimate_accuracy: '>= 0.8', cost_estimate_accuracy: '>= 0.85', care_product_penetration: '>= 0.3',
      warranty_share: '<= 0.3', rework_rate: '<= 0.02', unclassified_rate: '<= 0.02', churn_rate: '<= 0.03', data_completeness: '>= 0.9',
    });
  });

  it('accepts valid values, percentages included', () => {
    expect(parseSetting('target.booking_rate', '0.35')).toEqual({ ok: true, value: { key: 'target.booking_rate', value: 0.35 } });
    expect(parseSetting('target.booking_rate', '35%')).toEqual({ ok: true, value: { key: 'target.booking_rate', value: 0.35 } });
    expect(parseSetting('majorAccidentAmount', '8000')).toMatchObject({ ok: true, value: { value: 8000 } });
  });

  it.each([
    ['target.booking_rate', '1.5', 'invalid_setting'],
    ['target.booking_rate', 'abc', 'invalid_setting'],
    ['costEstimateTolerance', '-0.1', 'invalid_setting'],
    ['timeEstimateToleranceMinutes', '', 'invalid_setting'],
    ['target.bookng_rate', '0.3', 'unknown_setting'],
  ])('refuses %s = %j', (key, value, code) => {
    const r = parseSetting(key, value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.en).toContain(key);
    }
  });

  it('names the closest keys for an unknown one', () => {
    const r = parseSetting('booking', '1');
    expect(!r.ok && r.error.message.en).toContain('target.booking_rate');
  });

  it('stores, reads back and resets to the default', async () => {
    const db = await openDatabase(':memory:');
    await storeSetting(db.connection, 'target.rework_rate', 0.05);
    expect((await readSettings(db.connection))['target.rework_rate']).toBe(0.05);
    await storeSetting(db.connection, 'target.rework_rate', null);
    expect((await readSettings(db.connection))['target.rework_rate']).toBe(0.02);
    expect(SETTINGS.length).toBe(18); // 17 + uploadDueDay (coverage)
    db.close();
  });
});
