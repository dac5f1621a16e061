// Day arithmetic and the seasonal weights (spring-festival dip).
import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, dayWeight, monthSpan, springFestival } from './calendar.js';

describe('calendar', () => {
  it('round-trips civil dates', () => {
    const d = dayNumber(2025, 3, 7);
    expect(civilDate(d)).toEqual({ year: 2025, month: 3, day: 7, weekday: 5 });
  });

  it('knows month lengths', () => {
    expect(monthSpan('2024-02').days).toBe(29);
    expect(monthSpan('2025-02').days).toBe(28);
    expect(monthSpan('2025-12').days).toBe(31);
  });

  it('dips in the spring-festival week', () => {
    const cny = springFestival(2025);
    expect(civilDate(cny)).toMatchObject({ month: 1, day: 29 });
    expect(dayWeight(cny + 2)).toBeLessThan(0.3);
    expect(dayWeight(cny - 7)).toBeGreaterThan(1.2);
  });
});
