// How long a new token lives: `--expires 90d` (whole days, 1 to 3650). Without it, the
// `tokenExpiryDays` setting (default 90) decides.

import type { DuckDBConnection } from '@duckdb/node-api';
import { readSettings } from '@fixops/metrics';
import { err, ok, type Result } from '@fixops/shared';

export const MAX_TOKEN_DAYS = 3650;
export const TOKEN_EXPIRY_SETTING = 'tokenExpiryDays';

export function parseExpiry(text: string): Result<number> {
  const m = /^\s*(\d{1,4})\s*d\s*$/i.exec(text);
  const days = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    return err('invalid_expiry', {
      zh: `有效期“${text}”无效：应为天数，例如 90d（1d 到 ${MAX_TOKEN_DAYS}d）`,
      en: `Invalid expiry "${text}": expected days, e.g. 90d (1d to ${MAX_TOKEN_DAYS}d)`,
    }, { field: 'expires', value: text });
  }
  return ok(days);
}

/** The default lifetime of a new token, in days, from the settings. */
export async function defaultTokenDays(c: DuckDBConnection): Promise<number> {
  return (await readSettings(c))[TOKEN_EXPIRY_SETTING]!;
}
