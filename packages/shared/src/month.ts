// Months are the unit of every KPI: "YYYY-MM" strings on the wire, DATE (first day) in DuckDB.
// The one place month arithmetic lives (packages, API and dashboard all use it); browser-safe.

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

export function addMonths(month: string, delta: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The `count` months up to `to`, oldest first: lastMonths('2025-12', 3) → 2025-10, 2025-11, 2025-12. */
export function lastMonths(to: string, count: number): string[] {
  return count <= 0 ? [] : monthRange(addMonths(to, 1 - count), to);
}

/** The month before: 2025-01 → 2024-12. */
export function previousMonth(month: string): string {
  return addMonths(month, -1);
}
