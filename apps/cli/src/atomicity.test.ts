// A crash or kill in the middle of a load leaves the database as it was before the load.
// The child is killed with SIGKILL at several points of a big load (while reading, right as
// the write transaction starts, and during it); the reopened file must equal the baseline.

import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeBenchRepairOrders } from '@fixops/demo';
import { openDatabase, queryJson } from '@fixops/db';
import type { LoadSummary } from '@fixops/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, fixopsAsync, parseJson, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

async function snapshot(path: string) {
  const db = await openDatabase(path);
  try {
    return (await queryJson(db.connection, `
      SELECT (SELECT count(*) FROM repair_orders)::BIGINT AS ros, (SELECT sum(round(total_amount * 100)::BIGINT) FROM repair_orders)::VARCHAR AS cents,
             (SELECT count(*) FROM loads)::BIGINT AS loads, (SELECT count(*) FROM dealers)::BIGINT AS dealers`))[0];
  } finally {
    db.close();
  }
}

/** Starts a load and kills it `delayMs` after stderr shows `trigger`; resolves with how it ended. */
function killDuring(db: string, file: string, trigger: RegExp, delayMs: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = fixopsAsync(['ingest', '--verbose', '--db', db, file]);
    let err = '';
    let armed = false;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (!armed && trigger.test(err)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) => resolve({ killed: signal === 'SIGKILL', code }));
  });
}

describe('a killed load changes nothing', () => {
  let dir: string;
  let baseline: string;
  let big: string;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let full: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    dir = tempDir();
    big = join(dir, 'big.csv');
    await writeBenchRepairOrders(big, { rows: 300_000, encoding: 'utf-8', dealers: 6, months: 3, seed: 7 });
    const small = join(dir, 'small.csv');
    await writeBenchRepairOrders(small, { rows: 5_000, encoding: 'utf-8', dealers: 6, months: 3, seed: 8 });
    baseline = join(dir, 'baseline.duckdb');
    const r = fixops(['ingest', '--db', baseline, small]);
    expect(r.code).toBe(0);
    before = await snapshot(baseline);
    expect(Number(before!.ros)).toBe(5_000);
    const complete = join(dir, 'complete.duckdb');
    copyFileSync(baseline, complete);
    const done = fixops(['ingest', '--json', '--db', complete, big]);
    expect(done.code).toBe(0);
    expect(parseJson<LoadSummary[]>(done.stdout)[0]).toMatchObject({ status: 'loaded', rowsLoaded: 300_000 });
    full = await snapshot(complete);
    expect(Number(full!.ros)).toBe(300_000);
  });

  // mustBeBefore: the kill surely lands before the commit; later kills may land after it.
  it.each([
    ['while reading the file', /Reading .*: (2|5)\d%/, 0, true],
    ['as the write transaction starts', /\] rejects \d+ ms/, 0, true],
    ['inside the write transaction', /\] rejects \d+ ms/, 250, false],
    ['late in the write transaction', /\] rejects \d+ ms/, 600, false],
  ])('killed %s', async (_label, trigger, delay, mustBeBefore) => {
    const db = join(dir, `trial-${delay}-${Math.random().toString(36).slice(2)}.duckdb`);
    copyFileSync(baseline, db);
    if (existsSync(`${baseline}.wal`)) copyFileSync(`${baseline}.wal`, `${db}.wal`);
    const ended = await killDuring(db, big, trigger, delay);
    const after = await snapshot(db);
    // Never half a load: exactly the state before, or (killed after its commit) the whole load.
    const context = JSON.stringify({ ended, after, before, full });
    if (mustBeBefore) {
      expect(ended.killed, context).toBe(true);
      expect(after, context).toEqual(before);
    } else {
      expect([before, full], context).toContainEqual(after);
    }
  });
});
