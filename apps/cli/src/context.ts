// Opens the database named by --db / FIXOPS_DB for a command and always closes it.

import { openDatabase, resolveDbPath, type Database } from '@fixops/db';

export async function withDatabase<T>(dbOption: string | undefined, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(resolveDbPath(dbOption));
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
