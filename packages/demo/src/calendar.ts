// Day arithmetic and the seasonal shape of workshop traffic (weekends, Chinese New Year, Golden Week).
// Times are plain "minutes since 1970-01-01 00:00 local dealer time": no time zones anywhere.

export const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01 for a civil date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function civilDate(day: number): CivilDate {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** First day number and length of a 'YYYY-MM' month. */
export function monthSpan(month: string): { first: number; days: number } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const first = dayNumber(year, m, 1);
  const next = m === 12 ? dayNumber(year + 1, 1, 1) : dayNumber(year, m + 1, 1);
  return { first, days: next - first };
}

/** Chinese New Year (spring festival day 1). Outside the table: 1 February, close enough for a demo. */
const SPRING_FESTIVAL: Record<number, [number, number]> = {
  2018: [2, 16], 2019: [2, 5], 2020: [1, 25], 2021: [2, 12], 2022: [2, 1], 2023: [1, 22], 2024: [2, 10],
  2025: [1, 29], 2026: [2, 17], 2027: [2, 6], 2028: [1, 26], 2029: [2, 13], 2030: [2, 3], 2031: [1, 23],
};

export function springFestival(year: number): number {
  const [m, d] = SPRING_FESTIVAL[year] ?? [2, 1];
  return dayNumber(year, m, d);
}

/**
 * Relative RO traffic of one day: weekends are busy, the spring-festival week is nearly dead
 * (with a pre-holiday rush), National Day and Labour Day are slow, summer (A/C) is a bit busier.
 */
export function dayWeight(day: number): number {
  const c = civilDate(day);
  let w = c.weekday === 6 ? 1.25 : c.weekday === 0 ? 1.1 : c.weekday === 1 ? 1.05 : 1.0;
  const cny = springFestival(c.year);
  const cnyNext = springFestival(c.year + 1);
  for (const f of [cny, cnyNext]) {
    const off = day - f;
    if (off >= -1 && off <= 6) w *= 0.15;
    else if (off >= -14 && off <= -2) w *= 1.3;
    else if (off >= 7 && off <= 13) w *= 0.8;
  }
  if (c.month === 10 && c.day <= 7) w *= 0.55;
  if (c.month === 5 && c.day <= 5) w *= 0.7;
  if (c.month === 7 || c.month === 8) w *= 1.06;
  return w;
}
