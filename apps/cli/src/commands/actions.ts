// `fixops actions [--dealer CODE] [--status S] [--json]` · `fixops actions add --dealer CODE (--kpi ID | --module ID)
// --title T --owner O --due YYYY-MM-DD [--created YYYY-MM-DD] [--note N]` · `fixops actions set ID [--status open|done|verified]
// [--note N]`: action plans (整改计划) and the measured effect of each one.

import { actionCounts, ACTION_STATUSES, addAction, changeAction, effectLabel, effectSentence, isDay, listActions, statusLabel, today, withEffects, type ActionStatus } from '@fixops/actions';
import { checkDealer } from '@fixops/metrics';
import { bilingual } from '@fixops/shared';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { printJson } from '../output/print.js';
import { renderTable } from '../output/table.js';
import { langOption, orUsage } from '../select.js';

const USAGE = `usage: fixops actions [--dealer CODE] [--status open|done|verified] [--today YYYY-MM-DD] [--lang zh|en] [--json]
       fixops actions add --dealer CODE (--kpi ID | --module ID) --title T --owner O --due YYYY-MM-DD [--created YYYY-MM-DD] [--note N]
       fixops actions set ID [--status open|done|verified] [--note N]`;

const status = (s: string | undefined): ActionStatus | undefined => {
  if (s === undefined) return undefined;
  if ((ACTION_STATUSES as readonly string[]).includes(s)) return s as ActionStatus;
  throw new UsageError(`--status: open、done 或 verified / open, done or verified, not "${s}"`);
};

export async function actionsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' }, kpi: { type: 'string' }, module: { type: 'string' }, title: { type: 'string' },
    owner: { type: 'string' }, due: { type: 'string' }, created: { type: 'string' }, note: { type: 'string' }, status: { type: 'string' },
    today: { type: 'string' }, lang: { type: 'string' },
  }, true);
  const [action = 'list', idText] = positionals;
  const lang = langOption(values.lang);
  if (values.today !== undefined && !isDay(values.today)) throw new UsageError(`--today: YYYY-MM-DD, not "${values.today}"`);
  const on = values.today ?? today();

  if (action === 'list' && positionals.length <= 1) {
    const { list, counts } = await withDatabase(values.db, async (db) => {
      if (values.dealer !== undefined) orUsage(await checkDealer(db.connection, values.dealer));
      const q = { dealer: values.dealer, status: status(values.status), on };
      return { list: await withEffects(db.connection, await listActions(db.connection, q)), counts: await actionCounts(db.connection, { dealer: values.dealer, on }) };
    });
    if (values.json) {
      printJson(list);
      return 0;
    }
    if (list.length === 0) {
      process.stdout.write('还没有整改事项。用 fixops actions add 添加。\nNo actions yet; add one with fixops actions add.\n');
      return 0;
    }
    process.stdout.write(`${renderTable(['#', '经销商 Dealer', '针对 Target', '整改事项 Title', '负责人 Owner', '截止 Due', '状态 Status', '效果 Effect'],
      list.map((a) => [a.id, a.dealer, `${a.target.name[lang]} (${a.target.id})`, a.title, a.owner, a.due,
        `${statusLabel(a.status, lang)}${a.overdue ? (lang === 'en' ? ' · overdue' : ' · 已逾期') : ''}`, effectLabel(a.effect, lang)]))}\n`);
    for (const a of list) process.stdout.write(`#${a.id} ${effectSentence(a, lang)}\n`);
    const open = counts.reduce((n, c) => n + c.open, 0);
    const overdue = counts.reduce((n, c) => n + c.overdue, 0);
    process.stdout.write(`未完成 ${open} 项，其中逾期 ${overdue} 项 / ${open} open, ${overdue} overdue (${on})\n`);
    return 0;
  }

  if (action === 'add' && positionals.length === 1) {
    const { dealer, title, owner, due } = values;
    if (dealer === undefined || title === undefined || owner === undefined || due === undefined || (values.kpi === undefined) === (values.module === undefined)) {
      throw new UsageError(USAGE);
    }
    const target = values.kpi !== undefined ? { kind: 'kpi' as const, id: values.kpi } : { kind: 'module' as const, id: values.module! };
    const id = await withDatabase(values.db, async (db) => orUsage(await addAction(db.connection, { dealer, target, title, owner, due, created: values.created, note: values.note })));
    if (values.json) printJson({ id });
    else process.stdout.write(`整改事项已添加 Action added: #${id} ${dealer} · ${target.id} · ${title}（${owner}，${due}）\n`);
    return 0;
  }

  if (action === 'set' && positionals.length === 2) {
    const id = Number(idText);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`fixops actions set: ID must be a whole number, not "${idText}"`);
    const to = status(values.status);
    if (to === undefined && values.note === undefined) throw new UsageError(USAGE);
    const changed = await withDatabase(values.db, (db) => changeAction(db.connection, id, { status: to, note: values.note }));
    if (!changed.ok) {
      process.stderr.write(`fixops actions: ${bilingual(changed.error.message)}\n`);
      return 1;
    }
    if (values.json) printJson(changed.value);
    else process.stdout.write(`#${id} ${statusLabel(changed.value.status, 'zh')} ${changed.value.status}${values.note ? ` · ${values.note}` : ''}\n`);
    return 0;
  }
  throw new UsageError(USAGE);
}
