// On-site assessments in the database: who scored which dealer on which day with which
// template, every score given, and the resulting scorecard as it was on that day.

import type { DuckDBConnection } from '@duckdb/node-api';
import { cliActor, queryJson, recordAudit, transaction, whereOf, type AuditActor } from '@fixops/db';
import type { ScoreEntry, Scorecard } from '@fixops/checklist';

export interface NewAssessment {
  dealer: string;
  /** YYYY-MM-DD */
  date: string;
  assessor?: string;
  notes?: string;
  scores: ScoreEntry[];
  scorecard: Scorecard;
}

export interface AssessmentSummary {
  id: number;
  dealer: string;
  date: string;
  assessor: string | null;
  templateId: string;
  templateVersion: number;
  total: number;
  max: number;
  rate: number;
  passed: boolean;
  complete: boolean;
}

export interface Assessment extends AssessmentSummary {
  notes: string | null;
  scores: ScoreEntry[];
  scorecard: Scorecard;
}

export async function saveAssessment(connection: DuckDBConnection, a: NewAssessment, actor: AuditActor = cliActor()): Promise<number> {
  return transaction(connection, async () => {
    const reader = await connection.runAndReadAll("SELECT nextval('assessment_id_seq')::BIGINT AS id");
    const id = Number(reader.getRowObjects()[0]!.id);
    const s = a.scorecard;
    await connection.run(
      `INSERT INTO assessments VALUES ($id, $dealer, $date::DATE, $assessor, $template, $version, $total, $max, $passed, $complete, $notes, $scorecard::JSON, current_timestamp::TIMESTAMP)`,
      { id, dealer: a.dealer, date: a.date, assessor: a.assessor ?? null, template: s.template.id, version: s.template.version, total: s.total, max: s.max, passed: s.passed, complete: s.complete, notes: a.notes ?? null, scorecard: JSON.stringify(s) },
    );
    for (const e of a.scores) {
      await connection.run('INSERT INTO assessment_scores VALUES ($id, $item, $score, $note)', { id, item: e.id, score: e.score, note: e.note ?? null });
    }
    await recordAudit(connection, {
      actor, action: 'assessment.add', target: String(id),
      detail: { id, dealer: a.dealer, date: a.date, template: s.template.id, total: s.total, max: s.max, passed: s.passed, scores: a.scores.length },
    });
    return id;
  });
}

const SUMMARY = `SELECT id, dealer_code AS dealer, strftime(assessed_on, '%Y-%m-%d') AS date, assessor, template_id AS "templateId",
  template_version AS "templateVersion", total, max, total / max AS rate, passed, complete FROM assessments`;

type Row = Omit<AssessmentSummary, 'id'> & { id: string | number };
const toSummary = (r: Row): AssessmentSummary => ({ ...r, id: Number(r.id) });

export async function listAssessments(connection: DuckDBConnection, q: { dealer?: string; until?: string } = {}): Promise<AssessmentSummary[]> {
  const where = whereOf({ dealer: 'dealer_code = $dealer', until: 'assessed_on <= $until::DATE' }, q);
  const rows = await queryJson<Row>(connection, `${SUMMARY} ${where.sql} ORDER BY assessed_on DESC, id DESC`, where.params);
  return rows.map(toSummary);
}

export async function getAssessment(connection: DuckDBConnection, id: number): Promise<Assessment | undefined> {
  const [row] = await queryJson<Row & { notes: string | null; scorecard: string }>(connection, `${SUMMARY.replace(' FROM assessments', ', notes, scorecard::VARCHAR AS scorecard FROM assessments')} WHERE id = $id`, { id });
  if (!row) return undefined;
  const scores = await queryJson<{ id: string; score: number; note: string | null }>(connection, 'SELECT id, score, note FROM assessment_scores WHERE assessment_id = $id ORDER BY rowid', { id });
  const { scorecard, notes, ...summary } = row;
  return {
    ...toSummary(summary), notes,
    scores: scores.map((s) => (s.note === null ? { id: s.id, score: s.score } : { id: s.id, score: s.score, note: s.note })),
    scorecard: JSON.parse(scorecard) as Scorecard,
  };
}

/** Module score rates of each visit, oldest first: how every module moved across visits. */
export async function moduleHistory(connection: DuckDBConnection, dealer: string): Promise<{ date: string; modules: Record<string, number | null> }[]> {
  const visits = (await listAssessments(connection, { dealer })).reverse();
  const out: { date: string; modules: Record<string, number | null> }[] = [];
  for (const v of visits) {
    const a = await getAssessment(connection, v.id);
    const modules: Record<string, number | null> = {};
    for (const s of a!.scorecard.sections) for (const m of s.modules) modules[m.id] = m.complete ? m.rate : null;
    out.push({ date: v.date, modules });
  }
  return out;
}
