// `fixops rows --dealer CODE --month YYYY-MM --kpi ID [--json|--csv] [--only all|numerator|not_numerator]
// [--limit N --offset N] [--lang zh|en] [--format xlsx --out FILE]`: the rows behind one KPI value
// (drill-down) — each source record with whether it is in the numerator, and the numerator and
// denominator they make. --csv writes every row (formula-safe, streamed), --format xlsx every row as
// a workbook; the table and --json show one page.

import { once } from 'node:events';
import { checkDealer, kpiRows, kpiRowsAll, readSettings, rowsCsvCells, rowsCsvHeader, valueText, COLUMN_NAMES, ROWS_ONLY, kpiDefinition, type RowsOnly } from '@fixops/metrics';
import { csvLine } from '@fixops/shared';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { printJson } from '../output/print.js';
import { langOption, orUsage } from '../select.js';
import { chooseFormat, writeWorkbook } from '../output/xlsx.js';
import type { KpiRow } from '@fixops/metrics';

const USAGE = 'fixops rows: --dealer CODE, --month YYYY-MM and --kpi ID are required';

function intOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`fixops rows: --${name} 应为非负整数 / must be a non-negative integer, not "${value}"`);
  return Number(value);
}

/** The table shows these columns of a row (the rest are in --json and --csv). */
const TABLE_COLUMNS = ['ro_no', 'booking_no', 'vin', 'advisor', 'repair_type_raw', 'status', 'open_time', 'appointment_time', 'promised_time', 'delivered_time', 'total_amount', 'repair_amount'];

export async function rowsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, csv: { type: 'boolean', default: false }, dealer: { type: 'string' }, month: { type: 'string' }, kpi: { type: 'string' },
    only: { type: 'string', default: 'all' }, limit: { type: 'string' }, offset: { type: 'string' }, lang: { type: 'string' },
    format: { type: 'string' }, out: { type: 'string' },
  });
  const lang = langOption(values.lang);
  if (values.dealer === undefined || values.month === undefined || values.kpi === undefined) throw new UsageError(USAGE);
  if (values.json && values.csv) throw new UsageError('fixops rows: --json 与 --csv 只能选一个 / choose one of --json and --csv');
  if (!(ROWS_ONLY as readonly string[]).includes(values.only)) throw new UsageError(`fixops rows: --only must be ${ROWS_ONLY.join(', ')}, not "${values.only}"`);
  const only = values.only as RowsOnly;
  const limit = intOption('limit', values.limit);
  const offset = intOption('offset', values.offset);
  const q = { dealer: values.dealer, month: values.month, kpi: values.kpi, only };
  if (chooseFormat('rows', values, ['table', 'json', 'xlsx']) === 'xlsx') {
    if (values.csv) throw new UsageError('fixops rows: --csv 与 --format xlsx 只能选一个 / choose one of --csv and --format xlsx');
    const all = await withDatabase(values.db, async (db) => {
      orUsage(await checkDealer(db.connection, q.dealer));
      const started = orUsage(await kpiRowsAll(db.connection, q, await readSettings(db.connection)));
      const rows: KpiRow[] = [];
      for await (const chunk of started.chunks) rows.push(...chunk);
      return { ...started, rows };
    });
    const { kpiRowsSheet } = await import('@fixops/usecases/sheets');
    return writeWorkbook(values.out!, kpiRowsSheet(all.rows, { ...q, columns: all.columns, ratio: all.ratio }, lang), lang);
  }
  if (values.csv) {
    await withDatabase(values.db, async (db) => {
      orUsage(await checkDealer(db.connection, q.dealer));
      const all = orUsage(await kpiRowsAll(db.connection, q, await readSettings(db.connection)));
      process.stdout.write(`\uFEFF${csvLine(rowsCsvHeader(all.columns, all.ratio, lang))}\r\n`);
      for await (const rows of all.chunks) {
        if (!process.stdout.write(rows.map((r) => `${csvLine(rowsCsvCells(r, all.columns, all.ratio))}\r\n`).join(''))) await once(process.stdout, 'drain');
      }
    });
    return 0;
  }
  const result = await withDatabase(values.db, async (db) => {
    orUsage(await checkDealer(db.connection, q.dealer));
    return orUsage(await kpiRows(db.connection, { ...q, limit, offset }, await readSettings(db.connection)));
  });
  if (values.json) {
    printJson(result);
    return 0;
  }
  const def = kpiDefinition(result.kpi)!;
  const num = result.measure === 'sum' ? valueText(result.numerator, 'money', lang) : String(result.numerator);
  const den = result.denominator === null ? null : result.denominator_measure === 'sum' ? valueText(result.denominator, 'money', lang) : String(result.denominator);
  const head = lang === 'zh'
    ? `${result.dealer} · ${result.month} · ${def.zh}：${valueText(result.value, def.unit, lang)}（分子 ${num}${den === null ? '' : ` / 分母 ${den}`}）`
    : `${result.dealer} · ${result.month} · ${def.en}: ${valueText(result.value, def.unit, lang)} (numerator ${num}${den === null ? '' : ` / denominator ${den}`})`;
  const shown = result.rows.length === 0 ? 0 : result.offset + 1;
  const range = lang === 'zh'
    ? `第 ${shown}–${result.offset + result.rows.length} 行，共 ${result.total} 行${result.total > result.offset + result.rows.length ? `（--offset ${result.offset + result.rows.length} 看下一页，--csv 导出全部）` : ''}`
    : `rows ${shown}–${result.offset + result.rows.length} of ${result.total}${result.total > result.offset + result.rows.length ? ` (--offset ${result.offset + result.rows.length} for the next page, --csv for all)` : ''}`;
  process.stdout.write(`${head}\n${range}\n`);
  if (result.rows.length > 0) {
    const cols = TABLE_COLUMNS.filter((c) => result.columns.includes(c));
    const yes = lang === 'zh' ? '是' : 'yes';
    const no = lang === 'zh' ? '否' : 'no';
    process.stdout.write(`${renderTable(
      [COLUMN_NAMES.in_numerator![lang], ...cols.map((c) => COLUMN_NAMES[c]?.[lang] ?? c)],
      result.rows.map((r) => [r.in_numerator ? yes : no, ...cols.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c])))]),
    )}\n`);
  }
  return 0;
}
