// The DuckDB version the benchmarks ran on, for the machine line of the docs.

import { DuckDBInstance } from '@duckdb/node-api';

export async function duckdbVersion(): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    return String((await c.runAndReadAll('SELECT version() AS v')).getRowObjects()[0]!.v);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
