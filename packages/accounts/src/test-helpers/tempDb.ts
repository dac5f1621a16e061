// A fresh database file in a temp folder per test, removed afterwards.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '@fixops/db';

const dirs: string[] = [];

export async function tempDb(): Promise<Database & { file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'fixops-accounts-'));
  dirs.push(dir);
  const file = join(dir, 'a.duckdb');
  return Object.assign(await openDatabase(file), { file });
}

export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
