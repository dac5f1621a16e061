// A dealer's after-sales staff in the database: the advisors seen in its repair orders plus
// the people added by hand (with a role), each person's scorecards (newest first, with the
// change against the previous one), and an advisor's KPIs for a scorecard's month.

import type { DuckDBConnection } from '@duckdb/node-api';
import { cliActor, queryJson, recordAudit, transaction, type AuditActor } from '@fixops/db';
import { byAdvisor, readSettings, type AdvisorRow } from '@fixops/metrics';
import type { ScoreEntry, Scorecard } from '@fixops/checklist';
import { err, isMonth, ok, type Result } from '@fixops/shared';
import { checkRole, STAFF_ROLES, type StaffRole } from './roles.js';
import { withChanges, type Trend } from './trend.js';

export interface ScorecardSummary {
  id: number;
  month: string;
  assessor: string | null;
  templateId: string;
  templateVersion: number;
  templateZh: string;
  templateEn: string;
  total: number;
  max: number;
  rate: number;
  passed: boolean;
  notes: string | null;
  createdAt: string;
}

export interface HistoryEntry extends ScorecardSummary {
  /** Score rate minus the previous (older) scorecard's; null for the first. */
  change: number | null;
  trend: Trend | null;
}

export interface StaffMember {
  dealer: string;
  name: string;
  role: StaffRole;
  roleZh: string;
  roleEn: string;
  /** Added by hand (else only seen as an advisor in repair orders). */
  added: boolean;
  /** Months in which the person is the advisor on repair orders (null when never). */
  firstMonth: string | null;
  lastMonth: string | null;
  scorecards: number;
  latest: HistoryEntry | null;
}

export interface StaffDetail extends StaffMember {
  history: HistoryEntry[];
}

const text = (v: string) => v.trim();

/** The people of a dealer, by name: added ones and repair-order advisors merged (an added row's role wins). */
export async function listStaff(c: DuckDBConnection, dealer: string): Promise<StaffMember[]> {
  const rows = await queryJson<{ name: string; role: string | null; added: boolean; first: string | null; last: string | null }>(c, `
    WITH advisors AS (
      SELECT trim(advisor) AS name, strftime(min(month), '%Y-%m') AS first, strftime(max(month), '%Y-%m') AS last
      FROM repair_orders WHERE dealer_code = $dealer AND advisor IS NOT NULL AND trim(advisor) <> '' GROUP BY 1
    ), added AS (SELECT name, role FROM staff WHERE dealer_code = $dealer)
    SELECT coalesce(s.name, a.name) AS name, s.role, s.name IS NOT NULL AS added, a.first, a.last
    FROM added s FULL OUTER JOIN advisors a ON s.name = a.name
    ORDER BY name`, { dealer });
  const cards = await scorecardRows(c, { dealer });
  const byName = new Map<string, ScorecardSummary[]>();
  for (const r of cards) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return rows.map((r) => {
    const history = withChanges(byName.get(r.name) ?? []);
    const role = (r.role ?? 'service_advisor') as StaffRole;
    return {
      dealer, name: r.name, role, roleZh: STAFF_ROLES[role].zh, roleEn: STAFF_ROLES[role].en, added: r.added,
      firstMonth: r.first, lastMonth: r.last, scorecards: history.length, latest: history[0] ?? null,
    };
  });
}

type CardRow = ScorecardSummary & { name: string };

async function scorecardRows(c: DuckDBConnection, q: { dealer: string; name?: string }): Promise<CardRow[]> {
  const rows = await queryJson<Omit<CardRow, 'id'> & { id: string | number }>(c, `
    SELECT id, name, month, assessor, template_id AS "templateId", template_version AS "templateVersion",
      scorecard->>'$.template.zh' AS "templateZh", scorecard->>'$.template.en' AS "templateEn",
      total, max, total / max AS rate, passed, notes, strftime(created_at, '%Y-%m-%d %H:%M') AS "createdAt"
    FROM staff_scorecards WHERE dealer_code = $dealer ${q.name !== undefined ? 'AND name = $name' : ''}
    ORDER BY month DESC, id DESC`, q.name !== undefined ? { dealer: q.dealer, name: q.name } : { dealer: q.dealer });
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

function unknownPerson(dealer: string, name: string) {
  return err('unknown_staff', {
    zh: `经销商 ${dealer} 没有人员“${name}”（既未手工添加，也不是工单上的服务顾问）`,
    en: `Dealer ${dealer} has no person "${name}" (neither added by hand nor an advisor on its repair orders)`,
  }, { dealer, name });
}

/** One person with every scorecard, newest first. */
export async function getStaff(c: DuckDBConnection, dealer: string, name: string): Promise<Result<StaffDetail>> {
  const person = (await listStaff(c, dealer)).find((p) => p.name === name);
  if (!person) return unknownPerson(dealer, name);
  const history = withChanges((await scorecardRows(c, { dealer, name })).map(({ name: _n, ...r }) => r));
  return ok({ ...person, history });
}

export interface NewStaff {
  dealer: string;
  name: string;
  role: string;
}

/** Adds a person by hand; an advisor already seen in repair orders can be added to give a role. */
export async function addStaff(c: DuckDBConnection, s: NewStaff, actor: AuditActor = cliActor()): Promise<Result<StaffMember>> {
  const name = text(s.name);
  if (name === '' || name.length > 100) {
    return err('invalid_name', { zh: '姓名不能为空，最多 100 个字符', en: 'A name is 1 to 100 characters' }, { value: s.name });
  }
  const role = checkRole(s.role);
  if (!role.ok) return role;
  const [exists] = await queryJson(c, 'SELECT 1 FROM staff WHERE dealer_code = $dealer AND name = $name', { dealer: s.dealer, name });
  if (exists) {
    return err('staff_exists', { zh: `经销商 ${s.dealer} 已有人员“${name}”`, en: `Dealer ${s.dealer} already lists "${name}"` }, { dealer: s.dealer, name });
  }
  await transaction(c, async () => {
    await c.run('INSERT INTO staff VALUES ($dealer, $name, $role, $by, current_timestamp::TIMESTAMP)', { dealer: s.dealer, name, role: role.value, by: actor.user });
    await recordAudit(c, { actor, action: 'staff.add', target: `${s.dealer}/${name}`, detail: { dealer: s.dealer, name, role: role.value } });
  });
  const added = (await listStaff(c, s.dealer)).find((p) => p.name === name);
  return ok(added!);
}

export interface NewStaffScorecard {
  dealer: string;
  name: string;
  /** The month appraised, YYYY-MM. */
  month: string;
  assessor?: string;
  notes?: string;
  scores: ScoreEntry[];
  /** Scored with scoreStaffSheet (complete). */
  scorecard: Scorecard;
}

/** Stores a complete scorecard of a known person; returns its id. */
export async function saveStaffScorecard(c: DuckDBConnection, s: NewStaffScorecard, actor: AuditActor = cliActor()): Promise<Result<number>> {
  if (!isMonth(s.month)) return err('invalid_month', { zh: `月份“${s.month}”无效（YYYY-MM）`, en: `Invalid month "${s.month}" (YYYY-MM)` }, { value: s.month });
  const person = (await listStaff(c, s.dealer)).find((p) => p.name === s.name);
  if (!person) return unknownPerson(s.dealer, s.name);
  if (!s.scorecard.complete) return err('scorecard_incomplete', { zh: '考核表未评完，未保存', en: 'The scorecard is not complete; not saved' });
  const card = s.scorecard;
  const id = await transaction(c, async () => {
    const [row] = await queryJson<{ id: string }>(c, "SELECT nextval('staff_scorecard_id_seq')::BIGINT AS id");
    const id = Number(row!.id);
    await c.run(
      `INSERT INTO staff_scorecards VALUES ($id, $dealer, $name, $month, $assessor, $template, $version, $total, $max, $passed, $notes,
        $scores::JSON, $scorecard::JSON, current_timestamp::TIMESTAMP)`,
      { id, dealer: s.dealer, name: s.name, month: s.month, assessor: s.assessor ?? actor.user, template: card.template.id, version: card.template.version,
        total: card.total, max: card.max, passed: card.passed, notes: s.notes ?? null, scores: JSON.stringify(s.scores), scorecard: JSON.stringify(card) },
    );
    await recordAudit(c, {
      actor, action: 'staff.score', target: `${s.dealer}/${s.name}`,
      detail: { id, dealer: s.dealer, name: s.name, month: s.month, template: card.template.id, total: card.total, max: card.max, passed: card.passed },
    });
    return id;
  });
  return ok(id);
}

export interface StaffScorecard extends ScorecardSummary {
  dealer: string;
  name: string;
  scores: ScoreEntry[];
  scorecard: Scorecard;
}

export async function getStaffScorecard(c: DuckDBConnection, id: number): Promise<StaffScorecard | undefined> {
  const [row] = await queryJson<{ dealer: string; name: string; scores: string; scorecard: string }>(c,
    'SELECT dealer_code AS dealer, name, scores::VARCHAR AS scores, scorecard::VARCHAR AS scorecard FROM staff_scorecards WHERE id = $id', { id });
  if (!row) return undefined;
  const summary = (await scorecardRows(c, { dealer: row.dealer, name: row.name })).find((r) => r.id === id)!;
  const { name: _n, ...rest } = summary;
  return { ...rest, dealer: row.dealer, name: row.name, scores: JSON.parse(row.scores) as ScoreEntry[], scorecard: JSON.parse(row.scorecard) as Scorecard };
}

/** The advisor's row of the per-advisor breakdown (packages/metrics) for one month; null when not an advisor that month. */
export async function advisorKpis(c: DuckDBConnection, dealer: string, name: string, month: string): Promise<AdvisorRow | null> {
  const rows = await byAdvisor(c, dealer, month, await readSettings(c));
  return rows.find((r) => r.advisor !== null && r.advisor.trim() === name) ?? null;
}
