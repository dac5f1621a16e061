// How one environment variable's text becomes a typed value: each parser either returns the
// value or says, in zh and en, what kind of value was expected. The variable's name and the
// offending text are added by read.ts, so every refusal names both.

import type { Message } from '@fixops/shared';

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: Message };

export type Parser<T> = (text: string) => Parsed<T>;

const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (zh: string, en: string): Parsed<never> => ({ ok: false, expected: { zh, en } });

/** Any non-empty text (a path, a header name). */
export const text: Parser<string> = (t) => good(t);

/** 1, 2, 3… */
export const positiveInteger: Parser<number> = (t) =>
  /^[0-9]+$/.test(t.trim()) && Number(t) >= 1 && Number.isSafeInteger(Number(t))
    ? good(Number(t))
    : bad('应为正整数，例如 1 或 4', 'expected a positive whole number, e.g. 1 or 4');

/** A positive number (decimals allowed), e.g. 200 or 0.5. */
export const positiveNumber: Parser<number> = (t) => {
  const n = Number(t.trim());
  return t.trim() !== '' && Number.isFinite(n) && n > 0 ? good(n) : bad('应为正数，例如 200', 'expected a positive number, e.g. 200');
};

/** A share above 0 and at most 1, e.g. 0.3. */
export const fraction: Parser<number> = (t) => {
  const n = Number(t.trim());
  return t.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 1 ? good(n) : bad('应为大于 0 且不超过 1 的比例，例如 0.3', 'expected a share above 0 and at most 1, e.g. 0.3');
};

/** A DuckDB memory budget such as 512MB, 1GB or 800MiB (what `SET memory_limit` accepts). */
export const memorySize: Parser<string> = (t) =>
  /^[0-9]+(\.[0-9]+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(t.trim())
    ? good(t.trim())
    : bad('应为内存大小，例如 512MB、1GB 或 800MiB', 'expected a memory size, e.g. 512MB, 1GB or 800MiB');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const logLevel: Parser<LogLevel> = (t) =>
  (LOG_LEVELS as readonly string[]).includes(t.trim())
    ? good(t.trim() as LogLevel)
    : bad(`应为 ${LOG_LEVELS.join('、')} 之一`, `expected one of ${LOG_LEVELS.join(', ')}`);

/** An absolute http(s) address such as http://127.0.0.1:3000. */
export const httpUrl: Parser<string> = (t) => {
  try {
    const u = new URL(t.trim());
    if (u.protocol === 'http:' || u.protocol === 'https:') return good(t.trim());
  } catch {
    // falls through to the refusal below
  }
  return bad('应为 http(s) 地址，例如 http://127.0.0.1:3000', 'expected an http(s) address, e.g. http://127.0.0.1:3000');
};

/** An HTTP header name such as x-forwarded-proto. */
export const headerName: Parser<string> = (t) =>
  /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(t.trim())
    ? good(t.trim().toLowerCase())
    : bad('应为 HTTP 头名称，例如 x-forwarded-proto', 'expected an HTTP header name, e.g. x-forwarded-proto');
