// Opens the database named by --db / FIXOPS_DB for a command and always closes it. A file
// that an older version made is upgraded on open; KPIs and flags are then recomputed in full.
// A command sent to a running server gets the server's open database instead (remote/scope).

import { openDatabase, resolveDbPath, transaction, type Database } from '@fixops/db';
import { assertCatalogue, recomputeAll, syncCatalogue } from '@fixops/metrics';
import { currentScope } from './remote/scope.js';

/** `sync: false`: the caller recomputes itself (fixops recompute), so it can say what changed. */
export async function withDatabase<T>(dbOption: string | undefined, work: (db: Database) => Promise<T>, opts: { sync?: boolean } = {}): Promise<T> {
  const scope = currentScope();
  if (scope) return scope.withDatabase(work);
  assertCatalogue();
  const db = await openDatabase(resolveDbPath(dbOption));
  try {
    // v2 created the KPI tables: a file that existed before it has data but no KPIs yet; v12
    // (warming up) changes which customer-window values exist.
    if ((db.migrated.includes(2) || db.migrated.includes(12)) && db.migrated[0] !== 1) {
      await transaction(db.connection, () => recomputeAll(db.connection));
    }
    // KPI files added, changed or removed since the stored values were computed: recompute (logged)
    if (opts.sync !== false) await transaction(db.connection, () => syncCatalogue(db.connection));
    return await work(db);
  } finally {
    db.close();
  }
}
