// RFC 4180 quoting: quotes a field only when it holds the separator, a quote or a line break.

export type Separator = ',' | ';' | '\t';

export function quoteField(value: string, sep: Separator): string {
  if (value.includes(sep) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

export function joinRow(fields: readonly string[], sep: Separator): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += sep;
    out += quoteField(fields[i] as string, sep);
  }
  return out;
}
