// Writes timestamps the way each DMS does (ISO, slashes, 年月日, compact) — fast, because scale mode writes millions.
import { civilDate, MINUTES_PER_DAY } from './calendar.js';

/**
 * iso-sec `2025-03-07 09:05:00` · iso-min `2025-03-07 09:05` · iso-t `2025-03-07T09:05:00`
 * slash `2025/3/7 9:05` · cn `2025年3月7日 9:05` · compact `20250307` (date only)
 */
export type TimeFormat = 'iso-sec' | 'iso-min' | 'iso-t' | 'slash' | 'cn' | 'compact';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function datePart(fmt: TimeFormat, day: number): string {
  const { year, month, day: d } = civilDate(day);
  switch (fmt) {
    case 'iso-sec':
    case 'iso-min':
    case 'iso-t':
      return `${year}-${pad2(month)}-${pad2(d)}`;
    case 'slash':
      return `${year}/${month}/${d}`;
    case 'cn':
      return `${year}年${month}月${d}日`;
    case 'compact':
      return `${year}${pad2(month)}${pad2(d)}`;
  }
}

function timePart(fmt: TimeFormat, minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  switch (fmt) {
    case 'iso-sec':
      return ` ${pad2(h)}:${pad2(m)}:00`;
    case 'iso-min':
      return ` ${pad2(h)}:${pad2(m)}`;
    case 'iso-t':
      return `T${pad2(h)}:${pad2(m)}:00`;
    case 'slash':
    case 'cn':
      return ` ${h}:${pad2(m)}`;
    case 'compact':
      return '';
  }
}

/** What a date-only value looks like: formats without a date-only form in the contract get 00:00. */
function dateOnlySuffix(fmt: TimeFormat): string {
  switch (fmt) {
    case 'iso-sec':
      return ' 00:00:00';
    case 'iso-min':
      return ' 00:00';
    case 'iso-t':
      return 'T00:00:00';
    default:
      return '';
  }
}

const FORMATS: TimeFormat[] = ['iso-sec', 'iso-min', 'iso-t', 'slash', 'cn', 'compact'];
const dayCache = new Map<TimeFormat, Map<number, string>>(FORMATS.map((f) => [f, new Map()]));
const timeCache = new Map<TimeFormat, string[]>(
  FORMATS.map((f) => [f, Array.from({ length: MINUTES_PER_DAY }, (_, i) => timePart(f, i))]),
);

function cachedDate(fmt: TimeFormat, day: number): string {
  const cache = dayCache.get(fmt) as Map<number, string>;
  let s = cache.get(day);
  if (s === undefined) {
    s = datePart(fmt, day);
    cache.set(day, s);
  }
  return s;
}

/** Full timestamp from minutes since epoch. */
export function formatTimestamp(fmt: TimeFormat, minutes: number): string {
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  const times = timeCache.get(fmt) as string[];
  return cachedDate(fmt, day) + (times[minutes - day * MINUTES_PER_DAY] as string);
}

/** Date-only value (time of day dropped). */
export function formatDate(fmt: TimeFormat, minutes: number): string {
  return cachedDate(fmt, Math.floor(minutes / MINUTES_PER_DAY)) + dateOnlySuffix(fmt);
}

/** An impossible date (month 13, day 45) in the style's own shape: the row must be rejected. */
export function badTimestamp(fmt: TimeFormat, year: number): string {
  switch (fmt) {
    case 'iso-sec':
      return `${year}-13-45 09:05:00`;
    case 'iso-min':
      return `${year}-13-45 09:05`;
    case 'iso-t':
      return `${year}-13-45T09:05:00`;
    case 'slash':
      return `${year}/13/45 9:05`;
    case 'cn':
      return `${year}年13月45日 9:05`;
    case 'compact':
      return `${year}1345`;
  }
}
