// Timestamp formats of the five DMS styles and the planted impossible date.
import { describe, expect, it } from 'vitest';
import { dayNumber } from './calendar.js';
import { badTimestamp, formatDate, formatTimestamp } from './timefmt.js';

const t = dayNumber(2025, 3, 7) * 1440 + 9 * 60 + 5;

describe('timefmt', () => {
  it('writes every style', () => {
    expect(formatTimestamp('iso-sec', t)).toBe('2025-03-07 09:05:00');
    expect(formatTimestamp('iso-min', t)).toBe('2025-03-07 09:05');
    expect(formatTimestamp('iso-t', t)).toBe('2025-03-07T09:05:00');
    expect(formatTimestamp('slash', t)).toBe('2025/3/7 9:05');
    expect(formatTimestamp('cn', t)).toBe('2025年3月7日 9:05');
    expect(formatTimestamp('compact', t)).toBe('20250307');
  });

  it('writes date-only values the contract accepts', () => {
    expect(formatDate('cn', t)).toBe('2025年3月7日');
    expect(formatDate('slash', t)).toBe('2025/3/7');
    expect(formatDate('compact', t)).toBe('20250307');
    expect(formatDate('iso-sec', t)).toBe('2025-03-07 00:00:00');
    expect(formatDate('iso-t', t)).toBe('2025-03-07T00:00:00');
  });

  it('bad timestamps are impossible dates', () => {
    expect(badTimestamp('iso-sec', 2025)).toBe('2025-13-45 09:05:00');
    expect(badTimestamp('cn', 2025)).toContain('13月45日');
  });
});
