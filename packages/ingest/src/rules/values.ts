// The value rules of dms-exports.md ("Values as they come") as plain functions, browser-safe: the
// accepted patterns for dates, amounts and whole numbers are defined here once, and both the
// DuckDB macros of the ingest (sql/macros.ts builds its SQL from these patterns) and the upload
// page's preview use them, so a warning in the preview means the server rejects that row.
// rules.test.ts checks these functions against the DuckDB macros on the same values.

import { BOOKING_STATUSES } from '../kinds/catalog.js';

// Dates: ISO-ish with - or /, optional T or space and time; Chinese 年月日; compact yyyymmdd.
const DATE_DASH = String.raw`\d{4}-\d{1,2}-\d{1,2}`;
const DATE_SLASH = String.raw`\d{4}/\d{1,2}/\d{1,2}`;
const DATE_ZH = String.raw`\d{4}年\d{1,2}月\d{1,2}日`;
const TIME = String.raw`\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?`;
export const TS_PATTERN = `((${DATE_DASH}|${DATE_SLASH})([ T]${TIME})?|${DATE_ZH}( *${TIME})?|\\d{8})`;
export const MONEY_PATTERN = String.raw`-?[￥¥]? *-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)? *元?`;
export const INT_PATTERN = String.raw`(\d{1,3}(,\d{3})+|\d+)(\.0+)?( ?(km|公里))?`;

/** Characters trimmed around a value: space, tab, line breaks, ideographic and no-break space. */
export const TRIMMED = [' ', '\t', '\n', '\r', '\u3000', '\u00a0'] as const;

const TS_RE = new RegExp(`^(?:${TS_PATTERN})$`);
const MONEY_RE = new RegExp(`^(?:${MONEY_PATTERN})$`);
const INT_RE = new RegExp(`^(?:${INT_PATTERN})$`);
const TRIM_RE = new RegExp(`^[${TRIMMED.join('')}]+|[${TRIMMED.join('')}]+$`, 'g');

/** The value trimmed; null when nothing is left (fx_clean). */
export function cleanValue(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const v = s.replace(TRIM_RE, '');
  return v === '' ? null : v;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** A timestamp as the ingest reads it (fx_ts), as [y, m, d, h, min, s]; null when unreadable. */
export function readTimestamp(s: string | null | undefined): number[] | null {
  const v = cleanValue(s);
  if (v === null || !TS_RE.test(v)) return null;
  const n = v.replace(/年|月/g, '-').replace(/日/, ' ').replace(/\//g, '-').replace('T', ' ').trim();
  const compact = /^\d{8}$/.test(n);
  const [date, time] = compact ? [`${n.slice(0, 4)}-${n.slice(4, 6)}-${n.slice(6, 8)}`, undefined] : (n.split(/ +/) as [string, string | undefined]);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (!validDate(y, m, d)) return null;
  if (time === undefined) return [y, m, d, 0, 0, 0];
  const [h, min, sec] = time.split(':').map(Number) as [number, number, number | undefined];
  if (h > 23 || min > 59 || (sec ?? 0) >= 60) return null;
  return [y, m, d, h, min, Math.floor(sec ?? 0)];
}

/** An amount as the ingest reads it (fx_money): 1,234.50元, ￥1,234.5, -12; null when unreadable. */
export function readMoney(s: string | null | undefined): number | null {
  if (s === null || s === undefined) return null;
  // the fast path: a plain number as written
  if (/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return Number(s);
  const v = cleanValue(s);
  if (v === null || !MONEY_RE.test(v)) return null;
  const n = Number(v.replace(/[,￥¥元 ]/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** A whole number as the ingest reads it (fx_int): 12,345, 12345 km, 12345.0; null when unreadable. */
export function readInteger(s: string | null | undefined): number | null {
  if (s === null || s === undefined) return null;
  if (/^-?\d+$/.test(s)) return Number(s);
  const v = cleanValue(s);
  if (v === null) return null;
  if (/^-?\d+$/.test(v)) return Number(v);
  if (!INT_RE.test(v)) return null;
  return Math.trunc(Number(v.replace(/[, ]|km|公里/g, '')));
}

const STATUS_WORDS = new Map(Object.entries(BOOKING_STATUSES).flatMap(([canon, words]) => words.map((w) => [w.toLowerCase(), canon] as const)));

/** A booking status word (已到店, no_show, …) → its canonical value; null when unknown. */
export function readBookingStatus(s: string | null | undefined): string | null {
  const v = cleanValue(s);
  return v === null ? null : STATUS_WORDS.get(v.toLowerCase()) ?? null;
}
