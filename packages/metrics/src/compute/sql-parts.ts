// SQL fragments the KPI passes share.

import { quotedString } from '@fixops/db';

export const EXT = "repair_type <> 'internal'";
// Money is summed as DECIMAL: exact, so the result does not depend on the order DuckDB's
// threads add rows in (incremental and full recomputes must agree to the last bit).
// count_if(x) is NULL over rows where x is always NULL (a NULL amount, say), so every
// condition is wrapped in coalesce(x, false): a count is never NULL.
export const BOTH = 'promised_time IS NOT NULL AND delivered_time IS NOT NULL';

/** A ratio: NULL when the denominator is 0 or NULL. */
export const ratio = (num: string, den: string) => `CASE WHEN ${den} IS NULL OR ${den} = 0 THEN NULL ELSE (${num})::DOUBLE / (${den}) END`;

/**
 * `dealer_code IN (...)` with the dealers as literals, so that a scan skips other dealers' row
 * groups by their min/max: `true` for undefined (every dealer), never true for none.
 */
export function dealersSql(dealers: readonly string[] | undefined): string {
  if (dealers === undefined) return 'true';
  return `dealer_code IN (${dealers.length ? dealers.map((d) => quotedString(d)).join(', ') : 'NULL'})`;
}
