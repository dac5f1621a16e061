// On-site assessments in the database: who scored which dealer on which day with which
// template, for which data month, every score given, and the resulting scorecard. A visit is
// a draft until every line of its form is scored (or the assessor finishes it, the rest
// counting 0); a draft can be saved again and again, a complete visit no longer changes.

import type { DuckDBConnection } from '@duckdb/node-api';
import { cliActor, queryJson, recordAudit, transaction, whereOf, type AuditActor } from '@fixops/db';
import type { ScoreEntry, Scorecard } from '@fixops/checklist';
import { err, ok, type Result } from '@fixops/shared';

export interface NewAssessment {
  dealer: string;
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM: the data month the visit is read against; default: see defaultVisitMonth. */
  month?: string;
  assessor?: string;
  notes?: string;
  scores: ScoreEntry[];
  scorecard: Scorecard;
}

export interface AssessmentSummary {
  id: number;
  dealer: string;
  date: string;
  /** The data month (YYYY-MM) whose KPIs the visit is read against. */
  month: string;
  assessor: string | null;
  templateId: string;
  templateVersion: number;
  total: number;
  max: number;
  rate: number;
  /** null while the visit is a draft: unfinished is never failed. */
  passed: boolean | null;
  complete: boolean;
  /** Lines scored of the form's lines. */
  scored: number;
  items: number;
  /** Finished by the assessor with lines left unscored (they count 0). */
  finished: boolean;
}

export interface Assessment extends AssessmentSummary {
  notes: string | null;
  scores: ScoreEntry[];
  scorecard: Scorecard;
}

/** The dealer's latest month with data (a repair-order count) on or before the visit date; else the date's month. */
export async function defaultVisitMonth(connection: DuckDBConnection, dealer: string, date: string): Promise<string> {
  const [row] = await queryJson<{ m: string | null }>(connection,
    "SELECT strftime(max(month), '%Y-%m') AS m FROM kpi_values WHERE dealer_code = $dealer AND kpi = 'ro_count' AND month <= $date::DATE", { dealer, date });
  return row?.m ?? date.slice(0, 7);
}

const auditDetail = (id: number, a: { dealer: string; date: string; month: string; scores: ScoreEntry[]; scorecard: Scorecard }) => ({
  id, dealer: a.dealer, date: a.date, month: a.month, template: a.scorecard.template.id, total: a.scorecard.total, max: a.scorecard.max,
  passed: a.scorecard.complete ? a.scorecard.passed : null, complete: a.scorecard.complete,
  scored: a.scorecard.progress.scored, items: a.scorecard.progress.of, scores: a.scores.length,
});

async function writeScores(connection: DuckDBConnection, id: number, scores: readonly ScoreEntry[]): Promise<void> {
  await connection.run('DELETE FROM assessment_scores WHERE assessment_id = $id', { id });
  for (const e of scores) {
    await connection.run('INSERT INTO assessment_scores VALUES ($id, $item, $score, $note)', { id, item: e.id, score: e.score, note: e.note ?? null });
  }
}

export async function saveAssessment(connection: DuckDBConnection, a: NewAssessment, actor: AuditActor = cliActor()): Promise<number> {
  return transaction(connection, async () => {
    const reader = await connection.runAndReadAll("SELECT nextval('assessment_id_seq')::BIGINT AS id");
    const id = Number(reader.getRowObjects()[0]!.id);
    const s = a.scorecard;
    const month = a.month ?? await defaultVisitMonth(connection, a.dealer, a.date);
    await connection.run(
      `INSERT INTO assessments (id, dealer_code, assessed_on, assessor, template_id, template_version, total, max, passed, complete, notes, scorecard, created_at,
         data_month, scored, lines, finished_at, updated_at)
       VALUES ($id, $dealer, $date::DATE, $assessor, $template, $version, $total, $max, $passed, $complete, $notes, $scorecard::JSON, current_timestamp::TIMESTAMP,
         $month, $scored, $lines, CASE WHEN $complete THEN current_timestamp::TIMESTAMP END, current_timestamp::TIMESTAMP)`,
      {
        id, dealer: a.dealer, date: a.date, assessor: a.assessor ?? null, template: s.template.id, version: s.template.version, total: s.total, max: s.max,
        passed: s.passed, complete: s.complete, notes: a.notes ?? null, scorecard: JSON.stringify(s), month, scored: s.progress.scored, lines: s.progress.of,
      },
    );
    await writeScores(connection, id, a.scores);
    await recordAudit(connection, { actor, action: 'assessment.add', target: String(id), detail: auditDetail(id, { ...a, month }) });
    return id;
  });
}

export type AssessmentUpdate = Omit<NewAssessment, 'dealer'>;

/**
 * Saves a draft again with its new scores (and date, month, assessor, notes); finishing is a save
 * whose scorecard is complete. A complete visit is refused (`assessment_complete`), an unknown id
 * is `assessment_not_found`, another template `assessment_template`.
 */
export async function updateAssessment(connection: DuckDBConnection, id: number, a: AssessmentUpdate, actor: AuditActor = cliActor()): Promise<Result<number>> {
  return transaction(connection, async () => {
    const before = await getAssessment(connection, id);
    if (!before) return err('assessment_not_found', { zh: `没有编号为 ${id} 的评估`, en: `No assessment with id ${id}` }, { id });
    if (before.complete) {
      return err('assessment_complete', {
        zh: `评估 #${id} 已完成（${before.passed ? '合格' : '不合格'}），不能再修改；请新建一次评估`,
        en: `Assessment #${id} is complete (${before.passed ? 'pass' : 'fail'}) and no longer changes; start a new one`,
      }, { id });
    }
    const s = a.scorecard;
    if (s.template.id !== before.templateId) {
      return err('assessment_template', { zh: `评估 #${id} 使用评估表 ${before.templateId}，不能改用 ${s.template.id}`, en: `Assessment #${id} uses template ${before.templateId}, not ${s.template.id}` }, { id });
    }
    const month = a.month ?? before.month;
    await connection.run(
      `UPDATE assessments SET assessed_on = $date::DATE, assessor = $assessor, template_version = $version, total = $total, max = $max, passed = $passed,
         complete = $complete, notes = $notes, scorecard = $scorecard::JSON, data_month = $month, scored = $scored, lines = $lines,
         finished_at = CASE WHEN $complete THEN current_timestamp::TIMESTAMP END, updated_at = current_timestamp::TIMESTAMP WHERE id = $id`,
      {
        id, date: a.date, assessor: a.assessor ?? null, version: s.template.version, total: s.total, max: s.max, passed: s.passed, complete: s.complete,
        notes: a.notes ?? null, scorecard: JSON.stringify(s), month, scored: s.progress.scored, lines: s.progress.of,
      },
    );
    await writeScores(connection, id, a.scores);
    await recordAudit(connection, {
      actor, action: s.complete ? 'assessment.finish' : 'assessment.save', target: String(id),
      detail: { ...auditDetail(id, { ...a, dealer: before.dealer, month }), before: { total: before.total, scored: before.scored, date: before.date, month: before.month } },
    });
    return ok(id);
  });
}

const SUMMARY = `SELECT id, dealer_code AS dealer, strftime(assessed_on, '%Y-%m-%d') AS date, data_month AS month, assessor, template_id AS "templateId",
  template_version AS "templateVersion", total, max, total / max AS rate, CASE WHEN complete THEN passed END AS passed, complete,
  scored, lines AS items, (complete AND scored < lines) AS finished FROM assessments`;

type Row = Omit<AssessmentSummary, 'id'> & { id: string | number };
const toSummary = (r: Row): AssessmentSummary => ({ ...r, id: Number(r.id) });

/** Newest data month first, then newest visit date, then newest id. */
const ORDER = 'ORDER BY data_month DESC, assessed_on DESC, id DESC';

export async function listAssessments(connection: DuckDBConnection, q: { dealer?: string; until?: string; untilMonth?: string } = {}): Promise<AssessmentSummary[]> {
  const where = whereOf({ dealer: 'dealer_code = $dealer', until: 'assessed_on <= $until::DATE', untilMonth: 'data_month <= $untilMonth' }, q);
  const rows = await queryJson<Row>(connection, `${SUMMARY} ${where.sql} ${ORDER}`, where.params);
  return rows.map(toSummary);
}

export async function getAssessment(connection: DuckDBConnection, id: number): Promise<Assessment | undefined> {
  const [row] = await queryJson<Row & { notes: string | null; scorecard: string }>(connection, `${SUMMARY.replace(' FROM assessments', ', notes, scorecard::VARCHAR AS scorecard FROM assessments')} WHERE id = $id`, { id });
  if (!row) return undefined;
  const scores = await queryJson<{ id: string; score: number; note: string | null }>(connection, 'SELECT id, score, note FROM assessment_scores WHERE assessment_id = $id ORDER BY rowid', { id });
  const { scorecard, notes, ...summary } = row;
  const card = JSON.parse(scorecard) as Scorecard;
  // Scorecards stored before drafts existed carry no progress: the row's counts are it.
  card.progress ??= { scored: summary.scored, of: summary.items, max: card.complete ? card.max : 0 };
  return {
    ...toSummary(summary), notes,
    scores: scores.map((s) => (s.note === null ? { id: s.id, score: s.score } : { id: s.id, score: s.score, note: s.note })),
    scorecard: card,
  };
}

/** Module score rates of each visit, oldest first: how every module moved across visits. */
export async function moduleHistory(connection: DuckDBConnection, dealer: string): Promise<{ date: string; month: string; modules: Record<string, number | null> }[]> {
  const visits = (await listAssessments(connection, { dealer })).reverse();
  const out: { date: string; month: string; modules: Record<string, number | null> }[] = [];
  for (const v of visits) {
    const a = await getAssessment(connection, v.id);
    const modules: Record<string, number | null> = {};
    for (const s of a!.scorecard.sections) for (const m of s.modules) modules[m.id] = m.complete ? m.rate : null;
    out.push({ date: v.date, month: v.month, modules });
  }
  return out;
}
