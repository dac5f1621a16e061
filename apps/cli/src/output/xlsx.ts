// `--format xlsx --out FILE` for the commands that list tables (kpis, flags, benchmark, compare,
// coverage, rejects, loads): the format check (a workbook is never written to a terminal, so
// --out is required), and the workbook written through @fixops/shared/xlsx to the --out file.

import type { Lang } from '@fixops/shared';
import type { XlsxTable } from '@fixops/shared/xlsx';
import { UsageError } from '../args.js';
import { streamOutFile } from './file.js';

/** The format asked for (`--json` counts as json); a usage error for an unknown one or xlsx without --out. */
export function chooseFormat(command: string, values: { format?: string; json?: boolean; out?: string }, formats: readonly string[], fallback = 'table'): string {
  const format = values.format ?? (values.json ? 'json' : fallback);
  if (!formats.includes(format)) throw new UsageError(`fixops ${command}: unknown format "${format}" (choose from ${formats.join(', ')})`);
  if (values.json && format !== 'json') throw new UsageError(`fixops ${command}: give --json or --format ${format}, not both`);
  if (format === 'xlsx' && values.out === undefined) throw new UsageError(`fixops ${command}: --format xlsx needs --out FILE.xlsx (a workbook is not written to the terminal)`);
  return format;
}

/** Writes the workbook to `out` and says so on stderr. */
export async function writeWorkbook(out: string, table: XlsxTable, lang: Lang): Promise<number> {
  const { writeXlsx } = await import('@fixops/shared/xlsx');
  let rows = 0;
  await streamOutFile(out, async (stream) => {
    rows = (await writeXlsx(table, stream, { lang })).rows;
  });
  process.stderr.write(`工作簿已写入 Workbook written: ${out} (${rows} 行 rows)\n`);
  return 0;
}
