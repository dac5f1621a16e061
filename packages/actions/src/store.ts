// Action plans in the database: adding an action against a dealer's KPI or checklist module,
// moving its status, adding notes, listing (with overdue judged on a given day) and counting
// open and overdue actions per dealer. Every write is recorded in the audit log.

import type { DuckDBConnection } from '@duckdb/node-api';
import { cliActor, queryJson, recordAudit, transaction, type AuditActor } from '@fixops/db';
import { checkDealer, checkKpi, KPIS } from '@fixops/metrics';
import { err, ok, type Message, type Result } from '@fixops/shared';
import { moduleName } from './modules.js';
import { ACTION_STATUSES, type Action, type ActionCounts, type ActionEvent, type ActionStatus, type TargetKind } from './types.js';

export interface NewAction {
  dealer: string;
  target: { kind: TargetKind; id: string };
  title: string;
  owner: string;
  /** YYYY-MM-DD */
  due: string;
  /** YYYY-MM-DD the action was agreed; default today. */
  created?: string;
  note?: string;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** YYYY-MM-DD naming a day that exists. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const badDay = (field: string, value: string) => err('invalid_date', {
  zh: `${field === 'due' ? '截止日期' : '创建日期'}“${value}”无效，应为 YYYY-MM-DD（例如 2026-03-31）`,
  en: `${field === 'due' ? 'Due date' : 'Creation date'} "${value}" is invalid: use YYYY-MM-DD (e.g. 2026-03-31)`,
}, { field, value });

const required = (field: string, zh: string, en: string) => err('invalid_request', { zh: `请填写${zh}`, en: `${en} is required` }, { field });

async function targetName(target: { kind: TargetKind; id: string }): Promise<Result<Message>> {
  if (target.kind === 'kpi') {
    const k = checkKpi(target.id);
    if (!k.ok) return k;
    const def = KPIS.find((d) => d.id === k.value)!;
    return ok({ zh: def.zh, en: def.en });
  }
  return moduleName(target.id);
}

export async function addAction(connection: DuckDBConnection, a: NewAction, actor: AuditActor = cliActor()): Promise<Result<number>> {
  const title = a.title.trim();
  const owner = a.owner.trim();
  if (!title) return required('title', '整改事项', 'Title');
  if (!owner) return required('owner', '负责人', 'Owner');
  if (!isDay(a.due)) return badDay('due', a.due);
  const created = a.created ?? today();
  if (!isDay(created)) return badDay('created', created);
  if (a.due < created) {
    return err('invalid_date', { zh: `截止日期 ${a.due} 早于创建日期 ${created}`, en: `Due date ${a.due} is before the creation date ${created}` }, { field: 'due', value: a.due });
  }
  const dealer = await checkDealer(connection, a.dealer);
  if (!dealer.ok) return dealer;
  const name = await targetName(a.target);
  if (!name.ok) return name;
  const id = await transaction(connection, async () => {
    const [row] = await queryJson<{ id: string | number }>(connection, "SELECT nextval('action_id_seq')::BIGINT AS id");
    const id = Number(row!.id);
    await connection.run(
      `INSERT INTO actions VALUES ($id, $dealer, $kind, $target, $title, $owner, $due::DATE, 'open', $created::DATE, $by,
        current_timestamp::TIMESTAMP, current_timestamp::TIMESTAMP)`,
      { id, dealer: a.dealer, kind: a.target.kind, target: a.target.id, title, owner, due: a.due, created, by: actor.user },
    );
    await connection.run("INSERT INTO action_events VALUES ($id, current_timestamp::TIMESTAMP, $by, 'open', $note)", { id, by: actor.user, note: a.note?.trim() || null });
    await recordAudit(connection, {
      actor, action: 'action.add', target: String(id),
      detail: { id, dealer: a.dealer, target: `${a.target.kind}:${a.target.id}`, title, owner, due: a.due, created },
    });
    return id;
  });
  return ok(id);
}

export interface ActionChange {
  status?: ActionStatus;
  note?: string;
}

/** Moves an action's status and/or adds a note. The caller has checked who may (mayMoveTo). */
export async function changeAction(connection: DuckDBConnection, id: number, change: ActionChange, actor: AuditActor = cliActor()): Promise<Result<Action>> {
  const before = await getAction(connection, id);
  if (!before) return notFoundAction(id);
  const note = change.note?.trim() || null;
  if (change.status !== undefined && !(ACTION_STATUSES as readonly string[]).includes(change.status)) {
    return err('invalid_status', { zh: `状态“${String(change.status)}”无效，可选：open、done、verified`, en: `Invalid status "${String(change.status)}": open, done or verified` }, { value: change.status });
  }
  if (change.status === undefined && note === null) {
    return err('invalid_request', { zh: '请给出新状态或备注', en: 'Give a new status or a note' }, {});
  }
  await transaction(connection, async () => {
    if (change.status !== undefined) {
      await connection.run('UPDATE actions SET status = $status, updated_at = current_timestamp::TIMESTAMP WHERE id = $id', { id, status: change.status });
    }
    await connection.run('INSERT INTO action_events VALUES ($id, current_timestamp::TIMESTAMP, $by, $status, $note)', { id, by: actor.user, status: change.status ?? null, note });
    await recordAudit(connection, {
      actor, action: change.status !== undefined ? 'action.status' : 'action.note', target: String(id),
      detail: { id, dealer: before.dealer, ...(change.status !== undefined ? { old: before.status, new: change.status } : {}), ...(note !== null ? { note } : {}) },
    });
  });
  return ok((await getAction(connection, id))!);
}

export function notFoundAction(id: number) {
  return err('not_found', { zh: `没有编号为 ${id} 的整改事项`, en: `No action with id ${id}` }, { id });
}

interface Row {
  id: string | number;
  dealer: string;
  kind: TargetKind;
  target: string;
  title: string;
  owner: string;
  due: string;
  status: ActionStatus;
  created: string;
  createdBy: string;
}

const SELECT = `SELECT id, dealer_code AS dealer, target_kind AS kind, target, title, owner, strftime(due, '%Y-%m-%d') AS due, status,
  strftime(created_on, '%Y-%m-%d') AS created, created_by AS "createdBy" FROM actions`;

async function withDetails(connection: DuckDBConnection, rows: Row[], on: string): Promise<Action[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const events = await queryJson<ActionEvent & { id: string | number }>(connection,
    `SELECT action_id AS id, strftime(logged_at, '%Y-%m-%d %H:%M') AS "at", actor AS user, status, note FROM action_events
     WHERE list_contains($ids::BIGINT[], action_id) ORDER BY logged_at, rowid`, { ids: `[${ids.join(',')}]` });
  const out: Action[] = [];
  for (const r of rows) {
    const name = await targetName({ kind: r.kind, id: r.target });
    out.push({
      id: Number(r.id), dealer: r.dealer, target: { kind: r.kind, id: r.target, name: name.ok ? name.value : { zh: r.target, en: r.target } },
      title: r.title, owner: r.owner, due: r.due, status: r.status, created: r.created, createdBy: r.createdBy,
      overdue: r.status === 'open' && r.due < on,
      events: events.filter((e) => Number(e.id) === Number(r.id)).map(({ id: _id, ...e }) => e),
    });
  }
  return out;
}

export async function getAction(connection: DuckDBConnection, id: number, on: string = today()): Promise<Action | undefined> {
  const rows = await queryJson<Row>(connection, `${SELECT} WHERE id = $id`, { id });
  return (await withDetails(connection, rows, on))[0];
}

export interface ActionQuery {
  dealer?: string;
  status?: ActionStatus;
  /** The day overdue is judged on (default today). */
  on?: string;
}

/** Actions, open ones first, then by due date. */
export async function listActions(connection: DuckDBConnection, q: ActionQuery = {}): Promise<Action[]> {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (q.dealer !== undefined) { where.push('dealer_code = $dealer'); params.dealer = q.dealer; }
  if (q.status !== undefined) { where.push('status = $status'); params.status = q.status; }
  const rows = await queryJson<Row>(connection,
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY list_position(['open', 'done', 'verified'], status), due, id`, params);
  return withDetails(connection, rows, q.on ?? today());
}

/** Open and overdue actions per dealer (dealers without open actions are left out). */
export async function actionCounts(connection: DuckDBConnection, q: { dealer?: string; on?: string } = {}): Promise<ActionCounts[]> {
  const rows = await queryJson<{ dealer: string; open: string | number; overdue: string | number }>(connection,
    `SELECT dealer_code AS dealer, count(*) AS open, count(*) FILTER (WHERE due < $on::DATE) AS overdue FROM actions
     WHERE status = 'open' ${q.dealer !== undefined ? 'AND dealer_code = $dealer' : ''} GROUP BY dealer_code ORDER BY dealer_code`,
    { on: q.on ?? today(), ...(q.dealer !== undefined ? { dealer: q.dealer } : {}) });
  return rows.map((r) => ({ dealer: r.dealer, open: Number(r.open), overdue: Number(r.overdue) }));
}
