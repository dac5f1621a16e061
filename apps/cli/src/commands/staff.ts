// `fixops staff [--dealer CODE] [--json]` · `fixops staff show --dealer CODE --name NAME [--month M] [--json]`
// · `fixops staff add --dealer CODE --name NAME --role ROLE` · `fixops staff score --dealer CODE --name NAME
// --month M [--template ID] [--assessor NAME] [--notes T] --scores FILE [--json]`: a dealer's people (advisors
// on its repair orders and people added by hand) and their scorecards. Refusals exit 1 with the reason.

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { queryJson } from '@fixops/db';
import { checkDealer, checkMonth, KPIS, valueText } from '@fixops/metrics';
import {
  addStaff, advisorKpis, defaultTemplateFor, findTemplate, getStaff, listStaff, ROLE_IDS, saveStaffScorecard, scoreStaffSheet, STAFF_ROLES,
  type HistoryEntry, type StaffMember,
} from '@fixops/scorecards';
import { FixopsException, type Result } from '@fixops/shared';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { printJson } from '../output/print.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';
import { parseScores, renderScorecard } from './assess.js';

const USAGE = `usage: fixops staff [--dealer CODE] [--json]
       fixops staff show --dealer CODE --name NAME [--month YYYY-MM] [--json]
       fixops staff add --dealer CODE --name NAME --role ${ROLE_IDS.join('|')}
       fixops staff score --dealer CODE --name NAME --month YYYY-MM [--template aftersales-staff|customer-service-staff] [--assessor NAME] [--notes TEXT] --scores FILE [--json]`;

/** A refusal of the data (not of the command line): exit 1 with the reason. */
function orRefuse<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new FixopsException(r.error);
}

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
const change = (c: number | null) => (c === null ? '' : `${c > 0 ? '+' : ''}${(c * 100).toFixed(1)} pt`);
const result = (passed: boolean) => (passed ? '合格 pass' : '不合格 fail');
const latest = (h: HistoryEntry | null) => (h ? `${h.month} ${h.total}/${h.max} ${result(h.passed)}` : '—');

export async function staffCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, month: { type: 'string' },
    template: { type: 'string' }, assessor: { type: 'string' }, notes: { type: 'string' }, scores: { type: 'string' },
  }, true);
  const [action = 'list', ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(USAGE);
  const { dealer, name } = values;
  if (values.month !== undefined) orUsage(checkMonth(values.month));

  if (action === 'list') {
    const people = await withDatabase(values.db, async (db) => {
      if (dealer !== undefined) orUsage(await checkDealer(db.connection, dealer));
      const codes = dealer !== undefined ? [dealer] : (await queryJson<{ d: string }>(db.connection, 'SELECT dealer_code AS d FROM dealers ORDER BY 1')).map((r) => r.d);
      const out: StaffMember[] = [];
      for (const code of codes) out.push(...(await listStaff(db.connection, code)));
      return out;
    });
    if (values.json) printJson(people);
    else if (people.length === 0) process.stdout.write('还没有人员。用 fixops staff add 添加。\nNo staff yet; add people with fixops staff add.\n');
    else {
      process.stdout.write(`${renderTable(['经销商 Dealer', '姓名 Name', '岗位 Role', '来源 Source', '工单月份 RO months', '考核 Scorecards', '最近 Latest', '变化 Change'],
        people.map((p) => [p.dealer, p.name, `${p.roleZh} ${p.roleEn}`, p.added ? '手工添加 added' : '工单顾问 advisor on ROs',
          p.firstMonth ? `${p.firstMonth}…${p.lastMonth}` : '—', p.scorecards, latest(p.latest), change(p.latest?.change ?? null)]))}\n`);
    }
    return 0;
  }
  if (dealer === undefined || name === undefined) throw new UsageError(USAGE);

  if (action === 'add') {
    if (values.role === undefined) throw new UsageError(`fixops staff add: --role is required (${ROLE_IDS.map((r) => `${r} ${STAFF_ROLES[r].zh}`).join(', ')})`);
    const person = await withDatabase(values.db, async (db) => {
      orUsage(await checkDealer(db.connection, dealer));
      return orRefuse(await addStaff(db.connection, { dealer, name, role: values.role! }));
    });
    if (values.json) printJson(person);
    else process.stdout.write(`人员已添加 Person added: ${dealer} ${person.name} (${person.roleZh} ${person.roleEn})\n`);
    return 0;
  }

  if (action === 'show') {
    const shown = await withDatabase(values.db, async (db) => {
      orUsage(await checkDealer(db.connection, dealer));
      const person = orRefuse(await getStaff(db.connection, dealer, name));
      const month = values.month ?? person.history[0]?.month ?? person.lastMonth;
      return { ...person, kpiMonth: month, kpis: month ? await advisorKpis(db.connection, dealer, name, month) : null };
    });
    if (values.json) {
      printJson(shown);
      return 0;
    }
    process.stdout.write(`${dealer} ${shown.name} · ${shown.roleZh} ${shown.roleEn}\n`);
    if (shown.history.length === 0) process.stdout.write('尚无考核。用 fixops staff score 录入。\nNo scorecard yet; enter one with fixops staff score.\n');
    else {
      process.stdout.write(`${renderTable(['#', '月份 Month', '考核表 Template', '得分 Score', '得分率 Rate', '结果 Result', '变化 Change', '评估人 Assessor'],
        shown.history.map((h) => [h.id, h.month, h.templateZh, `${h.total}/${h.max}`, pct(h.rate), result(h.passed), change(h.change), h.assessor ?? '']))}\n`);
    }
    if (shown.kpis) {
      const k = shown.kpis;
      const v = (x: number | null) => (x === null ? '—' : pct(x));
      process.stdout.write(`顾问 KPI Advisor KPIs ${shown.kpiMonth}: 工单 ROs ${k.ro_count} · 单车产值 revenue/RO ${k.revenue_per_ro === null ? '—' : k.revenue_per_ro.toFixed(0)} · `
        + `预约率 booking ${v(k.booking_rate)} · 准时交车 on time ${v(k.on_time_rate)} · 时间预估 time estimate ${v(k.time_estimate_accuracy)} · 费用预估 cost estimate ${v(k.cost_estimate_accuracy)}`
        // and the KPIs the network added as files that break down per advisor
        + KPIS.filter((d) => d.custom && d.id in k.kpis).map((d) => ` · ${d.zh} ${d.en} ${valueText(k.kpis[d.id] ?? null, d.unit, 'zh')}`).join('')
        + '\n');
    }
    return 0;
  }

  if (action === 'score') {
    if (values.month === undefined || values.scores === undefined) throw new UsageError(USAGE);
    if (!existsSync(values.scores)) throw new UsageError(`fixops staff score: file not found: ${values.scores}`);
    const entries = parseScores(await readFile(values.scores, 'utf8'), values.scores);
    const { id, card } = await withDatabase(values.db, async (db) => {
      orUsage(await checkDealer(db.connection, dealer));
      const person = orRefuse(await getStaff(db.connection, dealer, name));
      const template = orUsage(await findTemplate(values.template ?? defaultTemplateFor(person.role)));
      const card = orRefuse(scoreStaffSheet(template, entries));
      const id = orRefuse(await saveStaffScorecard(db.connection, { dealer, name, month: values.month!, assessor: values.assessor, notes: values.notes, scores: entries, scorecard: card }));
      return { id, card };
    });
    if (values.json) printJson({ id, scorecard: card });
    else process.stdout.write(`${renderScorecard(card)}\n人员考核已保存 Staff scorecard saved: #${id}\n`);
    return 0;
  }
  throw new UsageError(USAGE);
}
