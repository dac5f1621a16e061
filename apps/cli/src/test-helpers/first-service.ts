// The demo network with the 首保占比 (first-service share) KPI file added to the shipped ones, for
// the CLI tests of KPIs a network adds as files. One place names the folder's make-up, so every
// file that asks for it shares one cached `fixops demo` run.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_KPIS_DIR, SHIPPED_KPIS_DIR } from '@fixops/metrics';
import { demoCopy, tempDir } from './run.js';

/** 首保占比 (first-service share), the example KPI file the product ships. */
export const FIRST_SERVICE = readFileSync(join(EXAMPLE_KPIS_DIR, 'first_service_share.yaml'), 'utf8');

export interface FirstServiceDemo {
  /** The test's own copy of the demo database. */
  db: string;
  /** A KPI folder of its own: the shipped files plus first_service_share.yaml. */
  kpisDir: string;
  /** The environment that points `fixops` at that folder. */
  env: Record<string, string>;
}

/** A fresh KPI folder and a copy of the demo database computed with it. */
export async function firstServiceDemo(): Promise<FirstServiceDemo> {
  const kpisDir = join(tempDir(), 'kpis');
  cpSync(SHIPPED_KPIS_DIR, kpisDir, { recursive: true });
  writeFileSync(join(kpisDir, 'first_service_share.yaml'), FIRST_SERVICE);
  const env = { FIXOPS_KPIS_DIR: kpisDir };
  const db = join(tempDir(), 'demo.duckdb');
  await demoCopy(db, [], env, 'FIXOPS_KPIS_DIR: shipped + first_service_share.yaml');
  return { db, kpisDir, env };
}
