// The audit log's one way in (recordAudit) and its reader. Write paths call recordAudit with
// who did it, from where and what changed; the log is append-only, so this module only ever
// inserts and selects (audit.test.ts checks that no source file updates or deletes a row).

import { settingOrFail } from '@fixops/config';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from './query.js';

/** Where a write came from: the command line on the server's machine, or the HTTP API (with the caller's address). */
export type AuditVia = 'cli' | 'api';

/** Who wrote, from where: passed down from the CLI command or the API route to the function that writes. */
export interface AuditActor {
  user: string;
  via: AuditVia;
  ip?: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  /** What was done, dotted: load, load.undo, load.confirm, setting.set, setting.reset, user.add, user.disable, user.enable, token.create, token.revoke, dealer.update, assessment.add… */
  action: string;
  /** What it was done to: a load id, a setting key, a user name, a token id, a dealer code. */
  target?: string | null;
  /** What changed, e.g. {key, old, new} or {file, kind, rowsLoaded}. */
  detail?: Record<string, unknown>;
}

export interface AuditRecord {
  id: number;
  at: string;
  user: string;
  via: AuditVia;
  ip: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

/** The CLI's actor: the operator's login name on this machine (or FIXOPS_USER). */
export function cliActor(): AuditActor {
  return { user: settingOrFail('cliUser') || process.env.USER || process.env.LOGNAME || 'cli', via: 'cli', ip: null };
}

export async function recordAudit(connection: DuckDBConnection, entry: AuditEntry): Promise<void> {
  await connection.run(
    `INSERT INTO audit_log (id, logged_at, actor, via, ip, action, target, detail)
     VALUES (nextval('audit_id_seq'), current_timestamp::TIMESTAMP, $actor, $via, $ip, $action, $target, $detail::JSON)`,
    {
      actor: entry.actor.user,
      via: entry.actor.via,
      ip: entry.actor.ip ?? null,
      action: entry.action,
      target: entry.target ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    },
  );
}

export interface AuditQuery {
  /** From this day or instant on (YYYY-MM-DD or an ISO time), included. */
  since?: string;
  user?: string;
  /** An action, or a prefix of one ending in '.' or not (e.g. "token" matches token.create and token.revoke). */
  action?: string;
  limit?: number;
  offset?: number;
}

/** Whether `since` is a real day (YYYY-MM-DD), optionally with a time: 2025-02-30 is not. */
export function isSince(text: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/.exec(text);
  if (!m) return false;
  const day = new Date(`${m[1]}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === m[1];
}

export interface AuditPage {
  total: number;
  entries: AuditRecord[];
}

interface AuditRow { id: string; at: string; actor: string; via: AuditVia; ip: string | null; action: string; target: string | null; detail: string }

/** Newest first, filtered, one page at a time, with the count of every match. */
export async function listAudit(connection: DuckDBConnection, q: AuditQuery = {}): Promise<AuditPage> {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (q.since !== undefined) { where.push('logged_at >= $since::TIMESTAMP'); params.since = q.since; }
  if (q.user !== undefined) { where.push('actor = $user'); params.user = q.user; }
  if (q.action !== undefined) { where.push("(action = $action OR starts_with(action, $action || '.'))"); params.action = q.action; }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await queryJson<{ n: number }>(connection, `SELECT count(*)::INTEGER AS n FROM audit_log ${clause}`, params);
  const rows = await queryJson<AuditRow>(connection,
    `SELECT id, strftime(logged_at, '%Y-%m-%dT%H:%M:%S') AS at, actor, via, ip, action, target, detail::VARCHAR AS detail
     FROM audit_log ${clause} ORDER BY id DESC LIMIT $limit OFFSET $offset`,
    { ...params, limit: q.limit ?? 100, offset: q.offset ?? 0 });
  return {
    total: count?.n ?? 0,
    entries: rows.map((r) => ({ id: Number(r.id), at: r.at, user: r.actor, via: r.via, ip: r.ip, action: r.action, target: r.target, detail: JSON.parse(r.detail) as Record<string, unknown> })),
  };
}
