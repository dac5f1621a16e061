import { describe, expect, it } from 'vitest';
import { addMonths, isMonth, lastMonths, monthRange, previousMonth } from './month.js';

describe('months', () => {
  it('recognises YYYY-MM only', () => {
    expect(isMonth('2025-03')).toBe(true);
    expect(isMonth('2025-13')).toBe(false);
    expect(isMonth('2025-3')).toBe(false);
  });
  it('adds across years', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 13)).toBe('2026-01');
    expect(addMonths('2025-03', -12)).toBe('2024-03');
  });
  it('lists a range inclusively', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange('2025-02', '2025-01')).toEqual([]);
  });
  it('lists the last months up to one, oldest first, and the month before', () => {
    expect(lastMonths('2025-02', 4)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(lastMonths('2025-12', 1)).toEqual(['2025-12']);
    expect(lastMonths('2025-12', 0)).toEqual([]);
    expect(lastMonths('2025-12', 12)).toHaveLength(12);
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(previousMonth('2025-07')).toBe('2025-06');
  });
});
