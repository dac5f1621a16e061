// The test reader itself: CSV parsing and the contract's timestamp and money formats.
import { describe, expect, it } from 'vitest';
import { parseCsv, parseMoney, parseTimestamp } from './read-export.js';

describe('test reader', () => {
  it('parses quoted fields with separators, quotes and line breaks', () => {
    const rows = parseCsv('a,b\r\n1,"x, ""y""\nz"\r\n\r\n2,3', ',');
    expect(rows.map((r) => r.cells)).toEqual([['a', 'b'], ['1', 'x, "y"\nz'], [''], ['2', '3']]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5]);
  });

  it('accepts the contract formats and rejects the rest', () => {
    for (const t of ['2025-03-07 09:05:00', '2025-03-07 09:05', '2025/3/7 9:05', '2025/3/7', '2025-03-07T09:05:00', '2025年3月7日 9:05', '2025年3月7日', '20250307']) {
      expect(parseTimestamp(t)).not.toBeNull();
    }
    expect(() => parseTimestamp('2025-13-45 09:05:00')).toThrow();
    expect(() => parseTimestamp('2025-03-07')).toThrow();
    expect(parseMoney('1,234.50元')).toBe(1234.5);
    expect(parseMoney('￥1,234.50')).toBe(1234.5);
    expect(parseMoney('¥1234.5')).toBe(1234.5);
    expect(() => parseMoney('abc')).toThrow();
  });
});
