import { describe, expect, it } from 'vitest';
import { changeText, compositePreview, statusKey, trendKey } from './words';

describe('scorecard words', () => {
  it('writes a change of rate in points with its sign', () => {
    expect([changeText(0.05), changeText(-0.11), changeText(0), changeText(null)]).toEqual(['+5.0 pt', '−11.0 pt', '±0.0 pt', '']);
    expect([trendKey('up'), trendKey('down'), trendKey(null)]).toEqual(['staff.trendUp', 'staff.trendDown', null]);
    expect([statusKey('disqualified'), statusKey(null)]).toEqual(['suppliers.statusDisqualified', 'suppliers.notRated']);
  });

  it('previews the PCB composite (4:1:4:1) of quality 90, delivery 75, service 80, price 100 as 84, and nothing while a score is missing', () => {
    const pcb = { delivery: 4, service: 1, quality: 4, price: 1 };
    expect(compositePreview(pcb, { quality: '90', delivery: '75', service: '80', price: '100' })).toBe(84);
    expect(compositePreview(pcb, { quality: '90', delivery: '75', service: '80' })).toBeNull();
    expect(compositePreview(pcb, { quality: '101', delivery: '75', service: '80', price: '1' })).toBeNull();
  });
});
