// DuckDB macros that turn export text into typed values, following dms-exports.md
// ("Values as they come"). Each returns NULL for text it cannot read; the validator turns
// a NULL from non-empty text into a rejected row that names the column and the value.

import { BOOKING_STATUSES, REPAIR_TYPES, TOTALS_LABELS } from '../kinds/catalog.js';
import { INT_PATTERN, MONEY_PATTERN, TS_PATTERN } from '../rules/values.js';

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Lookup rows (lower-cased value, canonical value) for an enum's synonyms. The validator
 * joins them (a join with a tiny table is far cheaper than a CASE per synonym).
 */
function enumRows(map: Record<string, readonly string[]>): string {
  return Object.entries(map)
    .flatMap(([canon, values]) => values.map((v) => `(${sqlString(v.toLowerCase())}, ${sqlString(canon)})`))
    .join(', ');
}


// The accepted patterns are the browser-safe rules' own (rules/values.ts), so the preview and the load agree.
const WS = `' ' || chr(9) || chr(10) || chr(13) || chr(12288) || chr(160)`;

// No IN-lists here: DuckDB plans them as joins, one per use of the macro.

/**
 * fx_ts, fx_money and fx_int take the value as read: a fast path casts it directly, and only
 * values it cannot read are trimmed and matched against the accepted formats.
 */
export const MACROS_SQL = `
CREATE OR REPLACE TEMP MACRO fx_clean(s) AS nullif(CASE
  WHEN ascii(s) <= 32 OR ascii(s) = 160 OR ascii(s) = 12288 OR ends_with(s, ' ') OR ends_with(s, chr(9)) OR ends_with(s, chr(10))
    OR ends_with(s, chr(13)) OR ends_with(s, chr(12288)) OR ends_with(s, chr(160))
  THEN trim(s, ${WS}) ELSE s END, '');
CREATE OR REPLACE TEMP MACRO fx_ts_text(s) AS CASE
  WHEN s IS NULL THEN NULL
  WHEN s LIKE '____-%' AND length(s) BETWEEN 8 AND 26 AND isfinite(TRY_CAST(s AS TIMESTAMP)) THEN TRY_CAST(s AS TIMESTAMP)
  WHEN regexp_full_match(s, ${sqlString(TS_PATTERN)}) THEN try_strptime(
    trim(replace(replace(replace(replace(replace(replace(s, '年', '-'), '月', '-'), '日', ' '), '/', '-'), 'T', ' '), '  ', ' ')),
    ['%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d', '%Y%m%d'])
  ELSE NULL END;
CREATE OR REPLACE TEMP MACRO fx_ts(s) AS CASE
  WHEN s IS NULL THEN NULL
  WHEN s LIKE '____-%' AND length(s) BETWEEN 8 AND 26 AND isfinite(TRY_CAST(s AS TIMESTAMP)) THEN TRY_CAST(s AS TIMESTAMP)
  ELSE fx_ts_text(fx_clean(s)) END;
CREATE OR REPLACE TEMP MACRO fx_money_text(s) AS CASE
  WHEN s IS NULL THEN NULL
  WHEN regexp_full_match(s, ${sqlString(MONEY_PATTERN)}) THEN TRY_CAST(regexp_replace(s, '[,￥¥元 ]', '', 'g') AS DOUBLE)
  ELSE NULL END;
CREATE OR REPLACE TEMP MACRO fx_money(s) AS CASE
  WHEN s IS NULL THEN NULL
  WHEN isfinite(TRY_CAST(s AS DOUBLE)) AND NOT (contains(s, 'e') OR contains(s, 'E') OR contains(s, '_') OR contains(s, '+') OR contains(s, ' ')) THEN TRY_CAST(s AS DOUBLE)
  ELSE fx_money_text(fx_clean(s)) END;
CREATE OR REPLACE TEMP MACRO fx_int_text(s) AS CASE
  WHEN s IS NULL THEN NULL
  WHEN regexp_full_match(s, ${sqlString(INT_PATTERN)}) THEN TRY_CAST(TRY_CAST(regexp_replace(s, '[, ]|km|公里', '', 'g') AS DOUBLE) AS BIGINT)
  ELSE NULL END;
CREATE OR REPLACE TEMP MACRO fx_int(s) AS CASE
  WHEN s IS NULL THEN NULL
  WHEN NOT (contains(s, '_') OR contains(s, '+') OR contains(s, ' ') OR contains(s, '.')) AND TRY_CAST(s AS BIGINT) IS NOT NULL THEN TRY_CAST(s AS BIGINT)
  ELSE fx_int_text(fx_clean(s)) END;
CREATE OR REPLACE TEMP TABLE fx_repair_types AS SELECT * FROM (VALUES ${enumRows(REPAIR_TYPES)}) t(raw, canon);
CREATE OR REPLACE TEMP TABLE fx_booking_statuses AS SELECT * FROM (VALUES ${enumRows(BOOKING_STATUSES)}) t(raw, canon);
CREATE OR REPLACE TEMP MACRO fx_numberish(s) AS s IS NULL OR TRY_CAST(regexp_replace(s, '[,￥¥元%]', '', 'g') AS DOUBLE) IS NOT NULL;
CREATE OR REPLACE TEMP MACRO fx_totals_label(s) AS list_contains([${TOTALS_LABELS.map(sqlString).join(', ')}], lower(rtrim(s, ':：')));
`;
