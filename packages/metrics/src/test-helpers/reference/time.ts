// Local 'YYYY-MM-DD HH:MM:SS' timestamps (no zone) parsed by hand: seconds counted as if
// the wall clock were UTC, so no machine time zone can shift a value or a month.

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export interface LocalTime {
  /** Seconds since 1970-01-01 00:00:00 of the same wall clock. */
  seconds: number;
  /** year * 12 + (month - 1): consecutive calendar months differ by 1. */
  monthIndex: number;
}

export function parseLocalTime(text: string): LocalTime {
  const m = TIMESTAMP.exec(text);
  if (m === null) throw new Error(`not a local timestamp: ${JSON.stringify(text)}`);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) =>
    part === undefined ? 0 : Number(part),
  ) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new Error(`not a valid date/time: ${JSON.stringify(text)}`);
  }
  return { seconds: ms / 1000, monthIndex: year * 12 + (month - 1) };
}

export function monthIndexOf(text: string): number {
  return parseLocalTime(text).monthIndex;
}

export function secondsOf(text: string): number {
  return parseLocalTime(text).seconds;
}

/** 'YYYY-MM' of a month index. */
export function monthKey(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Month index of a 'YYYY-MM' key. */
export function parseMonthKey(key: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m === null) throw new Error(`not a month: ${JSON.stringify(key)}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}
