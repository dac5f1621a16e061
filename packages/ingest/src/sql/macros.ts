// DuckDB macros that turn export text into typed values, following dms-exports.md
// ("Values as they come"). Each returns NULL for text it cannot read; the validator turns
// a NULL from non-empty text into a rejected row that names the column and the value.

import { BOOKING_STATUSES, REPAIR_TYPES, TOTALS_LABELS } from '../kinds/catalog.js';

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function caseMap(map: Record<string, readonly string[]>, fallback: string): string {
  const whens = Object.entries(map)
    .map(([canon, values]) => `WHEN lower(s) IN (${values.map((v) => sqlString(v.toLowerCase())).join(', ')}) THEN ${sqlString(canon)}`)
    .join(' ');
  return `CASE ${whens} ELSE ${fallback} END`;
}

/** Characters trimmed from every value: ASCII whitespace, ideographic and no-break spaces. */
export const TRIM_CHARS = " \t\r\n\u3000\u00a0";

// Dates: ISO-ish with - or /, optional T or space and time; Chinese 年月日; compact yyyymmdd.
const DATE_DASH = String.raw`\d{4}-\d{1,2}-\d{1,2}`;
const DATE_SLASH = String.raw`\d{4}/\d{1,2}/\d{1,2}`;
const DATE_ZH = String.raw`\d{4}年\d{1,2}月\d{1,2}日`;
const TIME = String.raw`\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?`;
const TS_PATTERN = `((${DATE_DASH}|${DATE_SLASH})([ T]${TIME})?|${DATE_ZH}( *${TIME})?|\\d{8})`;
const MONEY_PATTERN = String.raw`-?[￥¥]?-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?元?`;
const INT_PATTERN = String.raw`(\d{1,3}(,\d{3})+|\d+)(\.0+)?( ?(km|公里))?`;

export const MACROS_SQL = `
CREATE OR REPLACE TEMP MACRO fx_clean(s) AS nullif(trim(s, ${sqlString(TRIM_CHARS)}), '');
CREATE OR REPLACE TEMP MACRO fx_ts(s) AS CASE
  WHEN s IS NULL THEN NULL
  WHEN length(s) BETWEEN 8 AND 26 AND s[5] = '-' AND s[1] BETWEEN '0' AND '9' AND isfinite(TRY_CAST(s AS TIMESTAMP)) THEN TRY_CAST(s AS TIMESTAMP)
  WHEN regexp_full_match(s, ${sqlString(TS_PATTERN)}) THEN try_strptime(
    trim(replace(replace(replace(replace(replace(replace(s, '年', '-'), '月', '-'), '日', ' '), '/', '-'), 'T', ' '), '  ', ' ')),
    ['%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d', '%Y%m%d'])
  ELSE NULL END;
CREATE OR REPLACE TEMP MACRO fx_money(s) AS CASE
  WHEN s IS NULL THEN NULL
  WHEN isfinite(TRY_CAST(s AS DOUBLE)) AND s[1] IN ('-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9') AND NOT contains(lower(s), 'e') THEN TRY_CAST(s AS DOUBLE)
  WHEN regexp_full_match(s, ${sqlString(MONEY_PATTERN)}) THEN TRY_CAST(regexp_replace(s, '[,￥¥元]', '', 'g') AS DOUBLE)
  ELSE NULL END;
CREATE OR REPLACE TEMP MACRO fx_int(s) AS CASE
  WHEN s IS NULL THEN NULL
  WHEN regexp_full_match(s, ${sqlString(INT_PATTERN)}) THEN TRY_CAST(TRY_CAST(regexp_replace(s, '[, ]|km|公里', '', 'g') AS DOUBLE) AS BIGINT)
  ELSE NULL END;
CREATE OR REPLACE TEMP MACRO fx_repair_type(s) AS CASE WHEN s IS NULL THEN 'unclassified' ELSE ${caseMap(REPAIR_TYPES, "'unclassified'")} END;
CREATE OR REPLACE TEMP MACRO fx_booking_status(s) AS CASE WHEN s IS NULL THEN NULL ELSE ${caseMap(BOOKING_STATUSES, 'NULL')} END;
CREATE OR REPLACE TEMP MACRO fx_numberish(s) AS s IS NULL OR TRY_CAST(regexp_replace(s, '[,￥¥元%]', '', 'g') AS DOUBLE) IS NOT NULL;
CREATE OR REPLACE TEMP MACRO fx_totals_label(s) AS lower(rtrim(s, ':：')) IN (${TOTALS_LABELS.map(sqlString).join(', ')});
`;
