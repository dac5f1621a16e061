// `fixops rejects --load ID [--csv | --format table|json|csv|xlsx] [--out FILE] [--lang zh|en]`: the rows
// a load rejected, with line, column, value and reason. The CSV and the workbook are streamed chunk
// by chunk from DuckDB, never built in memory. A CSV on stdout has no BOM (for pipes); a CSV file
// written with --out starts with one (Excel then reads Chinese). xlsx needs --out.

import { once } from 'node:events';
import { getLoad, listRejects, rejectsCsv, streamRejects } from '@fixops/ingest';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { printJson } from '../output/print.js';
import { streamOutFile } from '../output/file.js';
import { chooseFormat, writeWorkbook } from '../output/xlsx.js';
import { langOption } from '../select.js';

export async function rejectsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, load: { type: 'string' }, csv: { type: 'boolean', default: false }, format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' },
  });
  if (values.load === undefined || !/^\d+$/.test(values.load)) throw new UsageError('fixops rejects: --load ID is required (see fixops loads)');
  if (values.csv && values.format !== undefined && values.format !== 'csv') throw new UsageError(`fixops rejects: give --csv or --format ${values.format}, not both`);
  const lang = langOption(values.lang);
  const format = chooseFormat('rejects', { ...values, format: values.csv ? 'csv' : values.format }, ['table', 'json', 'csv', 'xlsx']);
  const id = Number(values.load);
  const out = values.out;
  if (format === 'xlsx' || (format === 'csv' && out !== undefined)) {
    const found = await withDatabase(values.db, async (db) => {
      const load = await getLoad(db.connection, id);
      if (!load) return false;
      if (format === 'xlsx') await writeWorkbook(out!, (await import('@fixops/usecases/sheets')).rejectsSheet(load, streamRejects(db.connection, id)), lang);
      else {
        await streamOutFile(out!, async (file) => {
          file.write('\uFEFF');
          for await (const piece of rejectsCsv(db.connection, id)) if (!file.write(piece)) await once(file, 'drain');
          file.end();
        });
        process.stderr.write(`被拒的行已写入 Rejected rows written: ${out}\n`);
      }
      return true;
    });
    if (!found) process.stderr.write(`fixops rejects: 没有编号为 ${id} 的导入 / no load with id ${id} (see fixops loads)\n`);
    return found ? 0 : 1;
  }
  if (format === 'csv') {
    const found = await withDatabase(values.db, async (db) => {
      if (!(await getLoad(db.connection, id))) return false;
      for await (const piece of rejectsCsv(db.connection, id)) {
        if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
      }
      return true;
    });
    if (!found) process.stderr.write(`fixops rejects: 没有编号为 ${id} 的导入 / no load with id ${id} (see fixops loads)\n`);
    return found ? 0 : 1;
  }
  const result = await withDatabase(values.db, async (db) => {
    const load = await getLoad(db.connection, id);
    return load ? { load, rejects: await listRejects(db.connection, id) } : undefined;
  });
  if (!result) {
    process.stderr.write(`fixops rejects: 没有编号为 ${id} 的导入 / no load with id ${id} (see fixops loads)\n`);
    return 1;
  }
  const { load, rejects } = result;
  if (format === 'json') {
    printJson(rejects);
    return 0;
  }
  process.stdout.write(`导入 Load ${load.id} · ${load.file} · 被拒 ${rejects.length} 行 rejected rows\n`);
  if (rejects.length > 0) {
    process.stdout.write(`${renderTable(['行 Line', '列 Column', '值 Value', '原因 Reason', '原始内容 Raw text'],
      rejects.map((r) => [r.row, r.column, r.value, r.reason, (r.rawText ?? '').replace(/\r?\n/g, '⏎').slice(0, 80)]))}\n`);
  }
  return 0;
}
