// A WHERE clause from optional filters, for the read queries that narrow by whatever the caller
// gave (a dealer, a month range, a KPI…): each given value adds its condition and its named
// parameter; nothing given, no clause.

/** `conditions` maps a filter's name to its SQL (using `$name`); the order of `conditions` is the clause's. */
export function whereOf<K extends string>(
  conditions: Record<K, string>,
  values: Partial<Record<K, string | undefined>>,
): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  for (const key of Object.keys(conditions) as K[]) {
    const value = values[key];
    if (value === undefined) continue;
    parts.push(conditions[key]);
    params[key] = value;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
