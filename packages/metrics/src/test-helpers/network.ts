// A real database holding the demo dealer network, loaded through the real ingest with the
// engine's incremental refresh after each file, as the CLI does. Built once per test run for each
// set of options (the files and the database), each caller getting its own copy (@fixops/demo/test-db).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNetwork, type NetworkOptions } from '@fixops/demo';
import { cachedDemoDir } from '@fixops/demo/test-db';
import { openDatabase, queryJson, type Database } from '@fixops/db';
import { ingestFile, type LoadSummary } from '@fixops/ingest';
import { readFileSync } from 'node:fs';
import { recomputeAfterLoad } from '../compute/recompute.js';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'fixops-metrics-'));
}

export async function loadFile(db: Database, path: string, opts: { dealer?: string; kind?: never } = {}): Promise<LoadSummary> {
  return ingestFile(db.connection, path, { dealer: opts.dealer, afterStore: (c, change) => recomputeAfterLoad(c, change).then(() => undefined) });
}

export async function demoDatabase(opts: NetworkOptions = {}): Promise<{ db: Database; dir: string }> {
  const dir = tempDir();
  await cachedDemoDir(`metrics:demoDatabase:${JSON.stringify(opts)}`, dir, async (into) => {
    const { manifestPath } = await writeNetwork(join(into, 'files'), opts);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: { name: string; dealer?: string }[] };
    const db = await openDatabase(join(into, 'demo.duckdb'));
    try {
      for (const f of manifest.files) {
        const s = await loadFile(db, join(into, 'files', f.name), { dealer: f.dealer });
        if (s.status !== 'loaded') throw new Error(`${f.name}: ${JSON.stringify(s.error)}`);
      }
    } finally {
      db.close();
    }
  });
  return { db: await openDatabase(join(dir, 'demo.duckdb')), dir };
}

export async function snapshot(db: Database): Promise<{ values: unknown[]; flags: unknown[] }> {
  return {
    values: await queryJson(db.connection, "SELECT dealer_code, strftime(month, '%Y-%m') AS m, kpi, value FROM kpi_values ORDER BY ALL"),
    flags: await queryJson(db.connection, "SELECT dealer_code, strftime(month, '%Y-%m') AS m, kpi, kind, value, reference::VARCHAR AS ref FROM kpi_flags ORDER BY ALL"),
  };
}
