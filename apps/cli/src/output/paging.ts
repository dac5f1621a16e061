// --limit, --offset and --page (1-based, pages of --limit) for list commands; a bad number is a usage error.

import { UsageError } from '../args.js';

/** The largest limit, page or offset (what DuckDB's LIMIT/OFFSET and the API accept). */
const MAX = 2147483647;

export function pageOptions(command: string, values: { limit?: string; offset?: string; page?: string }, defaultLimit: number): { limit: number; offset: number } {
  const whole = (name: string, text: string | undefined, min: number): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > MAX) throw new UsageError(`fixops ${command}: --${name} must be a whole number from ${min} to ${MAX}, not "${text}"`);
    return n;
  };
  const limit = whole('limit', values.limit, 1) ?? defaultLimit;
  if (values.offset !== undefined && values.page !== undefined) throw new UsageError(`fixops ${command}: give --offset or --page, not both`);
  const page = whole('page', values.page, 1);
  const offset = page !== undefined ? (page - 1) * limit : whole('offset', values.offset, 0) ?? 0;
  if (offset > MAX) throw new UsageError(`fixops ${command}: --page ${page} is past the last possible row`);
  return { limit, offset };
}
