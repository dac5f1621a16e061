// Test fixtures: a small demo network loaded into a real DuckDB file in a temp folder, and a
// checklist template whose two modules set their own pass rates (0.5 and 0.9).

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '@fixops/db';
import { loadDemoNetwork, type DemoLoad } from '../demo.js';

export const SMALL_NETWORK = { dealers: 3, months: 3, rosPerMonth: 40 } as const;

export interface LoadedNetwork {
  dir: string;
  db: Database;
  demo: DemoLoad;
  close(): Promise<void>;
}

export async function loadedNetwork(): Promise<LoadedNetwork> {
  const dir = await mkdtemp(join(tmpdir(), 'fixops-usecases-'));
  const db = await openDatabase(join(dir, 'fixops.duckdb'));
  const demo = await loadDemoNetwork(db.connection, SMALL_NETWORK);
  return {
    dir, db, demo,
    async close() {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Two modules in one section: the first passes at 50 %, the second at 90 %, the total at 70 %. */
export const PASS_RATES_TEMPLATE = `id: pass-rates
version: 1
kind: points
zh: 合格线测试
en: Pass line test
max: 100
passRate: 0.7
sections:
  - id: s
    zh: 部门
    en: Department
    max: 100
    modules:
      - id: s.half
        zh: 五成
        en: Half
        max: 50
        passRate: 0.5
      - id: s.most
        zh: 九成
        en: Most
        max: 50
        passRate: 0.9
`;

/** A templates folder holding only PASS_RATES_TEMPLATE. */
export async function passRatesTemplatesDir(parent: string): Promise<string> {
  const dir = await mkdtemp(join(parent, 'templates-'));
  await writeFile(join(dir, 'pass-rates.yaml'), PASS_RATES_TEMPLATE);
  return dir;
}
