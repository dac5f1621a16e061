// Recording a visit as the CLI and the API do: score the sheet with the template (a draft,
// or finished — unscored lines then count 0), then store a new visit or save a draft again.

import type { DuckDBConnection } from '@duckdb/node-api';
import { cliActor, type AuditActor } from '@fixops/db';
import { scoreAssessment, type ScoreEntry, type Scorecard, type Template } from '@fixops/checklist';
import { err, isMonth, ok, type Result } from '@fixops/shared';
import { getAssessment, saveAssessment, updateAssessment } from './store.js';

export interface VisitInput {
  /** The draft to save again; absent for a new visit. */
  id?: number;
  dealer: string;
  date: string;
  month?: string;
  assessor?: string;
  notes?: string;
  scores: ScoreEntry[];
  /** Finish the visit: lines left unscored count 0 and the visit is judged pass or fail. */
  finish?: boolean;
}

export interface RecordedVisit {
  id: number;
  scorecard: Scorecard;
}

export async function recordVisit(connection: DuckDBConnection, template: Template, v: VisitInput, actor: AuditActor = cliActor()): Promise<Result<RecordedVisit>> {
  if (v.month !== undefined && !isMonth(v.month)) return err('invalid_month', { zh: `数据月份“${v.month}”无效（YYYY-MM）`, en: `Invalid data month "${v.month}" (YYYY-MM)` }, { field: 'month' });
  const scored = scoreAssessment(template, v.scores, { finished: v.finish === true });
  if (!scored.ok) return scored;
  const scorecard = scored.value;
  const fields = { date: v.date, assessor: v.assessor, notes: v.notes, scores: v.scores, scorecard, ...(v.month === undefined ? {} : { month: v.month }) };
  if (v.id === undefined) return ok({ id: await saveAssessment(connection, { dealer: v.dealer, ...fields }, actor), scorecard });
  const before = await getAssessment(connection, v.id);
  if (before && before.dealer !== v.dealer) return err('assessment_not_found', { zh: `${v.dealer} 没有编号为 ${v.id} 的评估`, en: `${v.dealer} has no assessment with id ${v.id}` }, { id: v.id });
  const saved = await updateAssessment(connection, v.id, fields, actor);
  return saved.ok ? ok({ id: v.id, scorecard }) : saved;
}

/** Finishes a stored draft as it is: its scores, date, month, assessor and notes unchanged. */
export async function finishVisit(connection: DuckDBConnection, template: Template, id: number, actor: AuditActor = cliActor()): Promise<Result<RecordedVisit>> {
  const a = await getAssessment(connection, id);
  if (!a) return err('assessment_not_found', { zh: `没有编号为 ${id} 的评估`, en: `No assessment with id ${id}` }, { id });
  const input: VisitInput = { id, dealer: a.dealer, date: a.date, month: a.month, scores: a.scores, finish: true };
  if (a.assessor !== null) input.assessor = a.assessor;
  if (a.notes !== null) input.notes = a.notes;
  return recordVisit(connection, template, input, actor);
}
