// A finished visit for e2e tests that need one: the dealer's latest-month visit scores 看板管理
// 6 of 24 (25 %, below its pass line) as a whole module, so the report, the assessment history
// and the action plan have content. Used as a harness `prepare` step.

import type { DuckDBConnection } from '@duckdb/node-api';
import { findTemplate, saveAssessment } from '@fixops/assessment';
import { scoreAssessment } from '@fixops/checklist';

/** A `prepare` step that saves that visit for `dealer` in the network's latest month. */
export function weakBoardsVisit(dealer: string): (connection: DuckDBConnection) => Promise<void> {
  return async (connection) => {
    const t = await findTemplate('dealer-aftersales');
    if (!t.ok) throw new Error(t.error.message.en);
    const scores = [{ id: 'front_desk.visual_boards', score: 6 }];
    const card = scoreAssessment(t.value, scores);
    if (!card.ok) throw new Error(card.error.message.en);
    const [row] = (await connection.runAndReadAll("SELECT strftime(max(month), '%Y-%m') AS m FROM kpi_values")).getRowObjectsJson() as { m: string }[];
    await saveAssessment(connection, { dealer, date: `${row!.m}-05`, scores, scorecard: card.value });
  };
}
