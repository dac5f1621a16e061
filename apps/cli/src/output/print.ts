// How a command answers on stdout, written once: JSON under --json, and for listings a bilingual
// "nothing here yet" line when the list is empty, otherwise a table. Each command states only
// its empty message and how its rows become a table.

/** Writes `value` as indented JSON and a newline. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export interface ListOutput<T> {
  /** --json: print the rows themselves. */
  json: boolean;
  /** What to print (with its newlines) when there are no rows. */
  empty: string;
  /** The table for a non-empty list. */
  table: (rows: readonly T[]) => string;
}

/** Prints a listing the way every list command does; returns the exit code (0). */
export function printList<T>(rows: readonly T[], { json, empty, table }: ListOutput<T>): number {
  if (json) printJson(rows);
  else if (rows.length === 0) process.stdout.write(empty);
  else process.stdout.write(`${table(rows)}\n`);
  return 0;
}
