// The packages' own types and the API's contract (@fixops/contracts) describe the same
// answers: the load summary (ingest), an assessment summary (assessment), a benchmark row
// (metrics). They are checked the same at compile time (`pnpm typecheck`), in both directions,
// so neither can gain, lose or change a field alone; and at run time against real answers.

import type { Static } from 'typebox';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { AdvisorKpis, AssessmentSummary, BenchmarkRow, type LoadSummary, LoadSummaries, RepairTypeShare } from '@fixops/contracts';
import type { AssessmentSummary as PackageAssessmentSummary } from '@fixops/assessment';
import type { LoadSummary as PackageLoadSummary } from '@fixops/ingest';
import type { BenchmarkRow as PackageBenchmarkRow } from '@fixops/metrics';
import { bearer, setupTestEnv } from './test-helpers/setup.js';

/** true only when each type is assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// A dealer user sees other dealers as anonymous ranks: the contract's dealer may be null.
type AnswerRow = Omit<PackageBenchmarkRow, 'dealer'> & { dealer: string | null };

export const sameShapes: [
  Same<PackageLoadSummary, Static<typeof LoadSummary>>,
  Same<PackageAssessmentSummary, Static<typeof AssessmentSummary>>,
  Same<AnswerRow, Static<typeof BenchmarkRow>>,
] = [true, true, true];

describe('contract and package types', () => {
  it('agree at compile time', () => {
    expect(sameShapes).toEqual([true, true, true]);
  });

  it('real answers match the contract\'s schemas', async () => {
    const env = await setupTestEnv();
    try {
      const admin = bearer(env.tokens.admin);
      const month = env.months.at(-1)!;
      const rows = (await env.app.inject({ url: `/api/benchmark?month=${month}&kpi=booking_rate`, headers: admin })).json<unknown[]>();
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(Value.Check(BenchmarkRow, r)).toBe(true);
      for (const [by, schema, key] of [['repair_type', RepairTypeShare, 'repairType'], ['advisor', AdvisorKpis, 'revenue_per_ro']] as const) {
        const answer = (await env.app.inject({ url: `/api/dealers/${env.own}/breakdown?month=${month}&by=${by}`, headers: admin })).json<Record<string, unknown>[]>();
        expect(answer.length, by).toBeGreaterThan(0);
        for (const r of answer) {
          expect(Value.Check(schema, r), by).toBe(true);
          expect(Object.keys(r).sort(), by).toEqual(Object.keys(schema.properties).sort());
          expect(r[key], by).not.toBeUndefined();
        }
      }
      await env.app.inject({ method: 'POST', url: '/api/assessments', headers: admin, payload: { dealer: env.own, date: `${month}-02`, scores: [] } });
      const list = (await env.app.inject({ url: `/api/dealers/${env.own}/assessments`, headers: admin })).json<unknown[]>();
      expect(list.length).toBe(1);
      expect(Value.Check(AssessmentSummary, list[0])).toBe(true);
      const file = env.files.find((f) => f.kind === 'bookings' && f.name.startsWith(env.own))!;
      const { readFile } = await import('node:fs/promises');
      const form = new FormData();
      form.append('files', new Blob([await readFile(`${env.dataDir}/${file.name}`)]), file.name);
      const base = await env.app.listen({ port: 0, host: '127.0.0.1' });
      const upload = await fetch(`${base}/api/uploads`, { method: 'POST', headers: admin, body: form });
      expect(upload.status).toBe(200);
      expect(Value.Check(LoadSummaries, await upload.json())).toBe(true);
    } finally {
      await env.close();
    }
  });
});
