// `fixops suppliers [--json]` · `fixops suppliers show ID [--json]` · `fixops suppliers add --name NAME --class
// ic_loose|pcb|consumables` · `fixops suppliers rate ID --month M --quality Q --delivery D --service S --price P
// [--rater NAME] [--notes T] [--json]`: the network's suppliers, their monthly ratings (weighted by class, graded
// A/B/C) and the rules' outcome (3 × C disqualifies, a 0 suspends) with the reason. Refusals exit 1.

import { addSupplier, findTemplate, getSupplier, listSuppliers, rateSupplier, SUPPLIER_TEMPLATE, type SupplierStatus } from '@fixops/scorecards';
import type { WeightedTemplate } from '@fixops/checklist';
import { checkMonth } from '@fixops/metrics';
import { bilingual, FixopsException, type Result } from '@fixops/shared';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { printJson } from '../output/print.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';

const USAGE = `usage: fixops suppliers [--json]
       fixops suppliers show ID [--json]
       fixops suppliers add --name NAME --class ic_loose|pcb|consumables
       fixops suppliers rate ID --month YYYY-MM --quality 0-100 --delivery 0-100 --service 0-100 --price 0-100 [--rater NAME] [--notes TEXT] [--json]`;

function orRefuse<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new FixopsException(r.error);
}

const STATUS = { ok: '合格 qualified', suspended: '暂停 suspended', disqualified: '取消资格 disqualified' } as const;
const statusText = (s: SupplierStatus | null) => (s === null ? '未评级 not rated' : STATUS[s.status]);

function score(name: string, text: string | undefined): number {
  const n = text === undefined ? Number.NaN : Number(text);
  if (!Number.isFinite(n)) throw new UsageError(`fixops suppliers rate: --${name} must be a number from 0 to 100${text === undefined ? '' : `, not "${text}"`}`);
  return n;
}

async function template(): Promise<WeightedTemplate> {
  const t = orUsage(await findTemplate(SUPPLIER_TEMPLATE));
  if (t.kind !== 'weighted') throw new UsageError(`${SUPPLIER_TEMPLATE} is not a weighted template`);
  return t;
}

function supplierId(text: string | undefined): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1) throw new UsageError(`fixops suppliers: a supplier id is a whole number (fixops suppliers lists them), not "${text ?? ''}"`);
  return id;
}

export async function suppliersCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, name: { type: 'string' }, class: { type: 'string' }, month: { type: 'string' }, quality: { type: 'string' },
    delivery: { type: 'string' }, service: { type: 'string' }, price: { type: 'string' }, rater: { type: 'string' }, notes: { type: 'string' },
  }, true);
  const [action = 'list', ...rest] = positionals;
  const t = await template();

  if (action === 'list' && rest.length === 0) {
    const list = await withDatabase(values.db, (db) => listSuppliers(db.connection, t));
    if (values.json) printJson(list);
    else if (list.length === 0) process.stdout.write('还没有供应商。用 fixops suppliers add 添加。\nNo suppliers yet; add one with fixops suppliers add.\n');
    else {
      process.stdout.write(`${renderTable(['#', '供应商 Supplier', '类别 Class', '评级 Ratings', '最近 Latest', '综合分 Composite', '等级 Grade', '状态 Status'],
        list.map((s) => [s.id, s.name, s.class.zh, s.ratings, s.latest?.month ?? '—', s.latest?.composite ?? '—', s.latest?.grade ?? '—', statusText(s.status)]))}\n`);
      for (const s of list) if (s.status?.reason) process.stdout.write(`#${s.id} ${s.name}: ${bilingual(s.status.reason)}\n`);
    }
    return 0;
  }

  if (action === 'add' && rest.length === 0) {
    if (values.name === undefined || values.class === undefined) throw new UsageError(USAGE);
    const s = await withDatabase(values.db, async (db) => orRefuse(await addSupplier(db.connection, t, { name: values.name!, class: values.class! })));
    if (values.json) printJson(s);
    else process.stdout.write(`供应商已添加 Supplier added: #${s.id} ${s.name} (${s.class.zh} ${s.class.en})\n`);
    return 0;
  }

  if ((action === 'show' || action === 'rate') && rest.length === 1) {
    const id = supplierId(rest[0]);
    let detail;
    if (action === 'rate') {
      if (values.month === undefined) throw new UsageError(USAGE);
      const month = orUsage(checkMonth(values.month));
      const dimensions = { quality: score('quality', values.quality), delivery: score('delivery', values.delivery), service: score('service', values.service), price: score('price', values.price) };
      detail = await withDatabase(values.db, async (db) => orRefuse(await rateSupplier(db.connection, t, { supplier: id, month, dimensions, rater: values.rater, notes: values.notes })));
    } else {
      detail = await withDatabase(values.db, async (db) => orRefuse(await getSupplier(db.connection, t, id)));
    }
    if (values.json) {
      printJson(detail);
      return 0;
    }
    const w = detail.class.weights;
    process.stdout.write(`#${detail.id} ${detail.name} · ${detail.class.zh} ${detail.class.en} · 权重 weights 交期:售后服务:品质:价格 delivery:service:quality:price = ${w.delivery}:${w.service}:${w.quality}:${w.price}\n`);
    if (detail.history.length > 0) {
      process.stdout.write(`${renderTable(['月份 Month', '品质 Quality', '交期 Delivery', '售后服务 Service', '价格配合 Price', '综合分 Composite', '等级 Grade', '状态 Status'],
        detail.history.map((h) => [h.month, h.dimensions.quality ?? '', h.dimensions.delivery ?? '', h.dimensions.service ?? '', h.dimensions.price ?? '', h.composite, h.grade, statusText(h.status)]))}\n`);
    }
    process.stdout.write(`状态 Status: ${statusText(detail.status)}${detail.status?.reason ? ` — ${bilingual(detail.status.reason)}` : ''}\n`);
    return 0;
  }
  throw new UsageError(USAGE);
}
