// Excel cells as the text the CSV rules read (dms-exports.md: cells come as Excel stores them):
// a date or time cell becomes `YYYY-MM-DD HH:MM:SS` (local dealer time, no zone; the 1900 and
// 1904 date systems), a number its plain decimal digits, never an exponent. Node-free.

/** Built-in number formats that are dates or times (14–22, 45–47, and the CJK ones 27–36, 50–58). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format shows a date or time: a built-in date id, or a code with y/m/d/h/s outside quotes and brackets. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATES.has(id);
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .toLowerCase();
  if (bare === 'general' || bare === '@') return false;
  // the section for positive numbers decides
  const first = bare.split(';')[0] ?? '';
  return /[ymdhs]/.test(first) || (/上午|下午|am\/pm|a\/p/.test(first));
}

/** Days from Excel's 1900 serial 0 to 1970-01-01 (serial 25569), with its fictitious 1900-02-29. */
const EPOCH_1900 = 25569;
/** 1904 serial 0 is 1904-01-01 = 1900 serial 1462. */
const OFFSET_1904 = 1462;

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A date serial as `YYYY-MM-DD HH:MM:SS`, to the nearest second. */
export function serialToText(serial: number, date1904: boolean): string {
  let s = date1904 ? serial + OFFSET_1904 : serial;
  if (!date1904 && s < 60) s += 1; // before Excel's fictitious 1900-02-29
  const seconds = Math.round((s - EPOCH_1900) * 86400);
  const d = new Date(seconds * 1000);
  if (!Number.isFinite(d.getTime())) return String(serial);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** An ISO date-time cell (t="d") as the same text. */
export function isoToText(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?)?/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2] ?? '00:00'}${m[3] ?? ':00'}`;
}

/** A number cell's stored text as plain decimal digits (1E-3 → 0.001, 1.5E+20 → 150000000000000000000). */
export function numberText(raw: string): string {
  if (!/[eE]/.test(raw)) return raw;
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  if (Number.isInteger(n)) return BigInt(n).toString();
  const m = /^-?\d*(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(raw);
  const decimals = m ? Math.max(0, (m[1]?.length ?? 0) - Number(m[2])) : 20;
  return n.toFixed(Math.min(100, decimals));
}

