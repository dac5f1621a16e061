// runComparison on a real DuckDB file holding the hand case (test-helpers/hand-db.ts).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@fixops/db';
import { loadComparison } from './load.js';
import { runComparison } from './run.js';
import { HAND_FILE } from './test-helpers/hand-case.js';
import { seedHandDatabase } from './test-helpers/hand-db.js';
import type { Comparison, ComparisonResult } from './types.js';

let dir: string;
let db: Database;

function comparison(text: string): Comparison {
  const c = loadComparison(text);
  if (!c.ok) throw new Error(c.error.message.en);
  return c.value;
}

async function run(text: string, month?: string): Promise<ComparisonResult> {
  const r = await runComparison(db.connection, comparison(text), month ? { month } : {});
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fixops-compare-run-'));
  db = await openDatabase(join(dir, 'compare.duckdb'));
  await seedHandDatabase(db.connection);
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runComparison', () => {
  it('scores the hand case in the latest month, with changes since the month before', async () => {
    const r = await run(HAND_FILE);
    expect(r.month).toBe('2025-12');
    expect(r.previousMonth).toBe('2025-11');
    expect(r.rows.map((d) => [d.dealer, d.score, d.rank, d.band.en, d.change])).toEqual([
      ['D1', 725, 1, 'Pass', { score: -25, rank: 0 }],
      ['D2', 700, 2, 'Pass', null],
      ['D4', 700, 2, 'Pass', { score: 600, rank: 1 }],
      ['D3', 400, 4, 'Needs improvement', { score: -100, rank: -2 }],
    ]);
    expect(r.rows.find((d) => d.dealer === 'D3')!.previous).toEqual({ month: '2025-11', score: 500, rank: 2 });
    expect(r.missing.map((d) => d.dealer)).toEqual(['D6']);
    expect(r.rows.find((d) => d.dealer === 'D3')!.gaps.map((g) => [g.id, +g.points.toFixed(6)])).toEqual([['on_time_rate', 375], ['booking_rate', 75]]);
    expect(r.selection.en).toBe('peer group metro');
  });

  it('takes --month over the file, and leaves out dealers without values that month', async () => {
    const r = await run(HAND_FILE, '2025-11');
    expect(r.rows.map((d) => [d.dealer, d.score, d.rank])).toEqual([['D1', 750, 1], ['D3', 500, 2], ['D4', 100, 3]]);
    expect(r.missing.map((d) => d.dealer)).toEqual(['D2', 'D6']);
  });

  it('scores the checklist from the latest complete assessment up to the end of the month', async () => {
    const text = HAND_FILE.replace('weight: 500, target: 0.9', 'weight: 400, target: 0.9') + 'checklist: { weight: 100 }\n';
    const r = await run(text);
    const checklist = Object.fromEntries(r.rows.map((d) => [d.dealer, d.components.find((p) => p.id === 'checklist')!]));
    expect(checklist.D1).toMatchObject({ value: 0.8, points: 80, noData: false });
    expect(checklist.D2).toMatchObject({ value: null, points: 0, noData: true });
    expect(checklist.D3).toMatchObject({ value: 0.6, points: 60 });
    // D1: on_time 0.80 → 0.75 × 400 = 300, rework 150, booking 200, checklist 80 = 730
    expect(r.rows.find((d) => d.dealer === 'D1')!.score).toBe(730);
  });

  it('selects by region, codes, exclusions and all', async () => {
    const region = await run(HAND_FILE.replace('{ groups: [metro] }', '{ regions: [华北] }'));
    expect(region.rows.map((d) => d.dealer)).toEqual(['D5']);
    const codes = await run(HAND_FILE.replace('{ groups: [metro] }', '{ codes: [D4, D1] }'));
    expect(codes.rows.map((d) => d.dealer)).toEqual(['D1', 'D4']);
    const all = await run(HAND_FILE.replace('{ groups: [metro] }', '{ all: true, exclude: [D5] }'));
    expect(all.rows.map((d) => d.dealer).sort()).toEqual(['D1', 'D2', 'D3', 'D4']);
  });

  it('refuses unknown regions, groups and dealers with the valid ones, an empty selection, and a month without data', async () => {
    const refuse = async (text: string, month?: string) => {
      const r = await runComparison(db.connection, comparison(text), month ? { month } : {});
      if (r.ok) throw new Error('expected a refusal');
      return r.error;
    };
    expect((await refuse(HAND_FILE.replace('{ groups: [metro] }', '{ regions: [华中] }'))).message.en).toBe('dealers.regions: unknown region "华中". Valid: 华东, 华北');
    expect((await refuse(HAND_FILE.replace('{ groups: [metro] }', '{ groups: [metor] }'))).message.zh).toBe('dealers.groups：没有分组 "metor"。可选：city, metro');
    expect((await refuse(HAND_FILE.replace('{ groups: [metro] }', '{ codes: [D1, X9] }'))).message.en).toBe('dealers.codes: unknown dealer "X9". Valid: D1, D2, D3, D4, D5, D6');
    const empty = await refuse(HAND_FILE.replace('{ groups: [metro] }', '{ regions: [华北], groups: [metro] }'));
    expect(empty.code).toBe('compare_empty_group');
    expect(empty.message.en).toBe('dealers: the selection (region 华北; peer group metro) holds no dealer');
    const none = await refuse(HAND_FILE, '2024-01');
    expect(none.code).toBe('compare_no_data');
    expect(none.message.en).toBe('No KPI values for the selected dealers in 2024-01 (latest month with values: 2025-12)');
    expect((await refuse(HAND_FILE.replace('{ groups: [metro] }', '{ codes: [D6] }'))).message.en).toBe('The selected dealers have no KPI values yet');
  });
});
