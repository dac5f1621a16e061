// Tables for people: aligned columns that respect the width of Chinese characters.

import Table from 'cli-table3';

export function renderTable(head: string[], rows: (string | number | null | undefined)[][]): string {
  const table = new Table({ head, style: { head: [], border: [] } });
  for (const r of rows) table.push(r.map((c) => (c === null || c === undefined ? '' : String(c))));
  return table.toString();
}
