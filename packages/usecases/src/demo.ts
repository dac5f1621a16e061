// The demo dealer network, generated into a temp directory and loaded through loadExport like
// real exports (reject threshold from settings, KPIs and flags recomputed inside each load).
// Used by `fixops demo`, by `fixops start` on an empty database, and by the dashboard's
// end-to-end tests.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { writeNetwork, type NetworkOptions } from '@fixops/demo';
import { queryJson } from '@fixops/db';
import type { KindId, LoadSummary } from '@fixops/ingest';
import { loadExport } from './loadExport.js';

interface ManifestEntry { name: string; kind: KindId; dealer?: string }

export interface DemoTotals {
  dealers: string;
  months: string;
  repair_orders: string;
  bookings: string;
  accident_repairs: string;
  customer_visits: string;
}

export interface DemoLoad {
  summaries: LoadSummary[];
  totals: DemoTotals;
}

export interface DemoLoadOptions extends NetworkOptions {
  /** Told each file's name before it loads (progress). */
  onFile?: (name: string) => void;
}

/** Generates the demo network and loads every file of it into the open database. */
export async function loadDemoNetwork(connection: DuckDBConnection, opts: DemoLoadOptions = {}): Promise<DemoLoad> {
  const { onFile, ...network } = opts;
  const dir = await mkdtemp(join(tmpdir(), 'fixops-demo-'));
  try {
    const { manifestPath } = await writeNetwork(dir, network);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: ManifestEntry[] } | ManifestEntry[];
    const entries = Array.isArray(manifest) ? manifest : manifest.files;
    const summaries: LoadSummary[] = [];
    for (const f of entries) {
      onFile?.(f.name);
      summaries.push(await loadExport(connection, { path: join(dir, f.name), fileName: f.name, kind: f.kind, dealer: f.dealer, uploadedBy: 'demo', confirm: true }));
    }
    const totals = (await queryJson<DemoTotals>(connection, `
      SELECT (SELECT count(*) FROM dealers) AS dealers,
             (SELECT count(DISTINCT month) FROM repair_orders) AS months,
             (SELECT count(*) FROM repair_orders) AS repair_orders,
             (SELECT count(*) FROM bookings) AS bookings,
             (SELECT count(*) FROM accident_repairs) AS accident_repairs,
             (SELECT count(*) FROM customer_visits) AS customer_visits`))[0]!;
    return { summaries, totals };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
