// The network's suppliers in the database: name and class (the supplier template's classes:
// IC/散料, PCB, 辅料/机物料/办公用品), one rating per supplier and month scored with the
// checklist engine (scoreWeighted: class weights, composite, grade), and each month's status
// by the template's rules (supplier-status.ts).

import type { DuckDBConnection } from '@duckdb/node-api';
import { cliActor, queryJson, recordAudit, transaction, type AuditActor } from '@fixops/db';
import { scoreWeighted, type WeightedScore, type WeightedTemplate } from '@fixops/checklist';
import { closest, err, isMonth, ok, type Message, type Result } from '@fixops/shared';
import { supplierStatus, type SupplierStatus } from './supplier-status.js';

export const SUPPLIER_TEMPLATE = 'supplier-rating';

export interface SupplierClass {
  id: string;
  zh: string;
  en: string;
  weights: Record<string, number>;
}

export interface Rating {
  month: string;
  dimensions: Record<string, number>;
  composite: number;
  grade: string;
  band: Message;
  rater: string | null;
  notes: string | null;
  createdAt: string;
  /** The supplier's status as of this month. */
  status: SupplierStatus;
}

export interface Supplier {
  id: number;
  name: string;
  class: SupplierClass;
  addedAt: string;
  ratings: number;
  latest: Rating | null;
  /** As of the latest rating; `ok` with no reason before the first. */
  status: SupplierStatus | null;
}

export interface SupplierDetail extends Supplier {
  /** Newest first. */
  history: Rating[];
}

export function checkClass(template: WeightedTemplate, cls: string): Result<SupplierClass> {
  const t = cls.trim();
  const found = template.weights.classes.find((c) => c.id === t || c.zh === t || c.en.toLowerCase() === t.toLowerCase());
  if (found) return ok({ id: found.id, zh: found.zh, en: found.en, weights: found.weights });
  const ids = template.weights.classes.map((c) => c.id);
  return err('unknown_class', {
    zh: `没有供应商类别“${t}”。可选：${template.weights.classes.map((c) => `${c.id}（${c.zh}）`).join('，')}`,
    en: `Unknown supplier class "${t}". Valid: ${closest(t, ids, ids.length).join(', ')}`,
  }, { value: t, choices: ids });
}

interface SupplierRow { id: string | number; name: string; class: string; addedAt: string }
interface RatingRow { supplier: string | number; month: string; rating: string; rater: string | null; notes: string | null; createdAt: string }

async function ratingsOf(c: DuckDBConnection, template: WeightedTemplate, supplierId?: number): Promise<Map<number, Rating[]>> {
  const rows = await queryJson<RatingRow>(c, `SELECT supplier_id AS supplier, month, rating::VARCHAR AS rating, rater, notes, strftime(created_at, '%Y-%m-%d %H:%M') AS "createdAt"
    FROM supplier_ratings ${supplierId !== undefined ? 'WHERE supplier_id = $id' : ''} ORDER BY supplier_id, month`, supplierId !== undefined ? { id: supplierId } : undefined);
  const out = new Map<number, Rating[]>();
  const raw = new Map<number, (RatingRow & { score: WeightedScore })[]>();
  for (const r of rows) {
    const id = Number(r.supplier);
    raw.set(id, [...(raw.get(id) ?? []), { ...r, score: JSON.parse(r.rating) as WeightedScore }]);
  }
  for (const [id, list] of raw) {
    const history = list.map((r) => ({ period: r.month, grade: r.score.grade, dimensions: Object.fromEntries(r.score.dimensions.map((d) => [d.id, d.score])) }));
    const ratings = list.map((r, i): Rating => {
      const status = supplierStatus(template, history, r.month);
      if (!status.ok) throw new Error(status.error.message.en);
      return { month: r.month, dimensions: history[i]!.dimensions, composite: r.score.composite, grade: r.score.grade, band: r.score.band, rater: r.rater, notes: r.notes, createdAt: r.createdAt, status: status.value };
    });
    out.set(id, ratings.reverse());
  }
  return out;
}

function toSupplier(template: WeightedTemplate, r: SupplierRow, ratings: Rating[]): Supplier {
  const cls = template.weights.classes.find((c) => c.id === r.class);
  const latest = ratings[0] ?? null;
  return {
    id: Number(r.id), name: r.name, addedAt: r.addedAt, ratings: ratings.length, latest, status: latest?.status ?? null,
    class: cls ? { id: cls.id, zh: cls.zh, en: cls.en, weights: cls.weights } : { id: r.class, zh: r.class, en: r.class, weights: {} },
  };
}

const SUPPLIERS = `SELECT id, name, class, strftime(added_at, '%Y-%m-%d') AS "addedAt" FROM suppliers`;

/** Every supplier, by name, with its latest rating and status. */
export async function listSuppliers(c: DuckDBConnection, template: WeightedTemplate): Promise<Supplier[]> {
  const rows = await queryJson<SupplierRow>(c, `${SUPPLIERS} ORDER BY name`);
  const ratings = await ratingsOf(c, template);
  return rows.map((r) => toSupplier(template, r, ratings.get(Number(r.id)) ?? []));
}

function unknownSupplier(id: number) {
  return err('unknown_supplier', { zh: `没有编号为 ${id} 的供应商`, en: `No supplier with id ${id}` }, { id });
}

export async function getSupplier(c: DuckDBConnection, template: WeightedTemplate, id: number): Promise<Result<SupplierDetail>> {
  const [row] = await queryJson<SupplierRow>(c, `${SUPPLIERS} WHERE id = $id`, { id });
  if (!row) return unknownSupplier(id);
  const history = (await ratingsOf(c, template, id)).get(id) ?? [];
  return ok({ ...toSupplier(template, row, history), history });
}

export async function addSupplier(c: DuckDBConnection, template: WeightedTemplate, s: { name: string; class: string }, actor: AuditActor = cliActor()): Promise<Result<Supplier>> {
  const name = s.name.trim();
  if (name === '' || name.length > 200) return err('invalid_name', { zh: '供应商名称不能为空，最多 200 个字符', en: 'A supplier name is 1 to 200 characters' }, { value: s.name });
  const cls = checkClass(template, s.class);
  if (!cls.ok) return cls;
  const [exists] = await queryJson(c, 'SELECT 1 FROM suppliers WHERE name = $name', { name });
  if (exists) return err('supplier_exists', { zh: `已有供应商“${name}”`, en: `Supplier "${name}" already exists` }, { name });
  const id = await transaction(c, async () => {
    const [row] = await queryJson<{ id: string }>(c, "SELECT nextval('supplier_id_seq')::BIGINT AS id");
    const id = Number(row!.id);
    await c.run('INSERT INTO suppliers VALUES ($id, $name, $class, $by, current_timestamp::TIMESTAMP)', { id, name, class: cls.value.id, by: actor.user });
    await recordAudit(c, { actor, action: 'supplier.add', target: String(id), detail: { id, name, class: cls.value.id } });
    return id;
  });
  const added = await getSupplier(c, template, id);
  return added.ok ? ok(added.value) : added;
}

/** Every dimension scored 0..max, refused by its name (the checklist engine checks again, by id). */
function checkDimensions(template: WeightedTemplate, dims: Record<string, number>): Result<Record<string, number>> {
  for (const key of Object.keys(dims)) {
    if (!template.dimensions.some((d) => d.id === key)) {
      return err('score_unknown_id', { zh: `未知维度“${key}”`, en: `Unknown dimension "${key}"` }, { id: key, choices: template.dimensions.map((d) => d.id) });
    }
  }
  for (const d of template.dimensions) {
    const v = dims[d.id];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return err('score_missing', { zh: `${d.zh} 未评分`, en: `${d.en} has no score` }, { id: d.id });
    }
    if (v < 0 || v > d.max) {
      return err('score_out_of_range', { zh: `${d.zh} 的得分 ${v} 应在 0 到 ${d.max} 之间`, en: `${d.en} score ${v} must be between 0 and ${d.max}` }, { id: d.id });
    }
  }
  return ok(dims);
}

export interface NewRating {
  supplier: number;
  month: string;
  /** quality, delivery, service, price: 0..100 each. */
  dimensions: Record<string, number>;
  rater?: string;
  notes?: string;
}

/** Rates a supplier for one month (once per month); answers its detail with the new status. */
export async function rateSupplier(c: DuckDBConnection, template: WeightedTemplate, r: NewRating, actor: AuditActor = cliActor()): Promise<Result<SupplierDetail>> {
  if (!isMonth(r.month)) return err('invalid_month', { zh: `月份“${r.month}”无效（YYYY-MM）`, en: `Invalid month "${r.month}" (YYYY-MM)` }, { value: r.month });
  const before = await getSupplier(c, template, r.supplier);
  if (!before.ok) return before;
  if (before.value.history.some((h) => h.month === r.month)) {
    return err('rating_exists', {
      zh: `供应商“${before.value.name}”${r.month} 已评级，每月只评一次`,
      en: `Supplier "${before.value.name}" is already rated for ${r.month}; one rating a month`,
    }, { supplier: r.supplier, month: r.month });
  }
  const named = checkDimensions(template, r.dimensions);
  if (!named.ok) return named;
  const scored = scoreWeighted(template, { class: before.value.class.id, scores: r.dimensions });
  if (!scored.ok) return scored;
  const s = scored.value;
  await transaction(c, async () => {
    await c.run(`INSERT INTO supplier_ratings VALUES ($id, $month, $template, $version, $dims::JSON, $composite, $grade, $rater, $notes, $rating::JSON, current_timestamp::TIMESTAMP)`, {
      id: r.supplier, month: r.month, template: s.template.id, version: s.template.version, dims: JSON.stringify(r.dimensions),
      composite: s.composite, grade: s.grade, rater: r.rater ?? actor.user, notes: r.notes ?? null, rating: JSON.stringify(s),
    });
    await recordAudit(c, {
      actor, action: 'supplier.rate', target: String(r.supplier),
      detail: { supplier: r.supplier, name: before.value.name, month: r.month, dimensions: r.dimensions, composite: s.composite, grade: s.grade },
    });
  });
  return getSupplier(c, template, r.supplier);
}
