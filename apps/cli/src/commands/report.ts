// `fixops report --dealer CODE --month YYYY-MM [--format html|md] [--lang zh|en] [--out FILE]`

import { writeFile } from 'node:fs/promises';
import { buildReport, renderMarkdown } from '@fixops/assessment';
import { renderReportHtml } from '@fixops/report-ui';
import { actionsMarkdown, listActions, withEffects } from '@fixops/actions';
import { checkDealer, checkMonth } from '@fixops/metrics';
import { DB_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { langOption, orUsage } from '../select.js';

export async function reportCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...DB_OPTION, dealer: { type: 'string' }, month: { type: 'string' }, format: { type: 'string', default: 'html' }, lang: { type: 'string' }, out: { type: 'string' } });
  if (values.dealer === undefined || values.month === undefined) throw new UsageError('usage: fixops report --dealer CODE --month YYYY-MM [--format html|md] [--lang zh|en] [--out FILE]');
  if (values.format !== 'html' && values.format !== 'md') throw new UsageError(`fixops report: --format must be html or md, not "${values.format}"`);
  const lang = langOption(values.lang);
  const month = orUsage(checkMonth(values.month));
  const dealer = values.dealer;
  const { model, actions } = await withDatabase(values.db, async (db) => {
    orUsage(await checkDealer(db.connection, dealer));
    return { model: await buildReport(db.connection, { dealer, month }), actions: await withEffects(db.connection, await listActions(db.connection, { dealer })) };
  });
  // the dealer's action plan (整改跟踪) as it stands today
  const text = values.format === 'md' ? `${renderMarkdown(model, lang)}\n${actionsMarkdown(actions, lang)}` : renderReportHtml(model, lang, actions);
  if (values.out) {
    await writeFile(values.out, text);
    process.stderr.write(`报告已写入 Report written: ${values.out}\n`);
  } else process.stdout.write(text);
  return 0;
}
