import { describe, expect, it } from 'vitest';
import { cellText, isNumeric } from './cells.js';

describe('a rows-table cell', () => {
  it('reads amounts as money, mileage as a count, repair types and marks in the page language', () => {
    expect(cellText('total_amount', 1234.5, 'zh')).toMatch(/1,23[45]/);
    expect(cellText('mileage', 45210, 'en')).toBe('45,210');
    expect(cellText('repair_type', 'rework', 'zh')).toBe('返修');
    expect(cellText('repair_type', 'rework', 'en')).toBe('Rework');
    expect(cellText('repair_type', 'something', 'en')).toBe('something');
    expect(cellText('in_numerator', true, 'zh')).toBe('是');
    expect(cellText('in_numerator', false, 'en')).toBe('no');
    expect(cellText('advisor', null, 'en')).toBe('—');
    expect(cellText('delivered_time', '2025-12-03 17:20:00', 'en')).toBe('2025-12-03 17:20:00');
    expect(isNumeric('labor_amount')).toBe(true);
    expect(isNumeric('advisor')).toBe(false);
  });
});
