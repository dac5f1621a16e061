// `fixops ingest [--db FILE] [--dealer CODE] [--kind KIND] [--sheet NAME] [--confirm] [--json] FILE...`
// FILE is a CSV/text export or an Excel workbook (.xlsx/.xls, told by its content): a workbook
// loads from its first visible sheet whose header detects a kind, or from --sheet NAME.
// A file that would remove 30 % or more of a stored month is held (exit 1, status
// needs_confirmation, rows now → rows after per month) unless --confirm is given.

import { existsSync, statSync } from 'node:fs';
import { KIND_IDS, parseEncoding, parseSeparator, type KindId, type LoadSummary } from '@fixops/ingest';
import { bilingual } from '@fixops/shared';
import { loadExport } from '@fixops/usecases';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { progressReporter } from '../output/progress.js';
import { renderLoadSummaries, renderSlices } from '../output/loads.js';
import { printJson } from '../output/print.js';

export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION,
    dealer: { type: 'string' },
    kind: { type: 'string' },
    encoding: { type: 'string' },
    separator: { type: 'string' },
    sheet: { type: 'string' },
    'max-reject-rate': { type: 'string' },
    'uploaded-by': { type: 'string' },
    verbose: { type: 'boolean', default: false },
    confirm: { type: 'boolean', default: false },
  }, true);
  if (positionals.length === 0) throw new UsageError('fixops ingest: no file given (usage: fixops ingest [--db FILE] [--dealer CODE] [--kind KIND] [--sheet NAME] [--json] FILE...)');
  const kind = values.kind as KindId | undefined;
  if (kind !== undefined && !KIND_IDS.includes(kind)) throw new UsageError(`fixops ingest: unknown kind "${kind}" (choose from ${KIND_IDS.join(', ')})`);
  const encoding = values.encoding === undefined ? undefined : parseEncoding(values.encoding);
  if (values.encoding !== undefined && !encoding) throw new UsageError(`fixops ingest: unknown encoding "${values.encoding}" (utf-8, utf-8-bom, gb18030, utf-16le)`);
  const separator = values.separator === undefined ? undefined : parseSeparator(values.separator);
  if (values.separator !== undefined && !separator) throw new UsageError(`fixops ingest: unknown separator "${values.separator}" (comma, semicolon, tab)`);
  const maxRejectRate = values['max-reject-rate'] === undefined ? undefined : Number(values['max-reject-rate']);
  if (maxRejectRate !== undefined && !(maxRejectRate >= 0 && maxRejectRate <= 1)) throw new UsageError('fixops ingest: --max-reject-rate must be a number from 0 to 1');
  if (values.sheet !== undefined && values.sheet.trim() === '') throw new UsageError('fixops ingest: --sheet needs a sheet name');
  if (values.dealer !== undefined && values.dealer.trim() === '') throw new UsageError('fixops ingest: --dealer needs a dealer code');
  for (const f of positionals) {
    if (!existsSync(f)) throw new UsageError(`fixops ingest: file not found: ${f}`);
    if (!statSync(f).isFile()) throw new UsageError(`fixops ingest: not a file: ${f}`);
  }

  const summaries: LoadSummary[] = await withDatabase(values.db, async (db) => {
    const out: LoadSummary[] = [];
    for (const f of positionals) {
      out.push(await loadExport(db.connection, {
        path: f, fileName: f, kind, dealer: values.dealer, sheet: values.sheet, encoding, separator, maxRejectRate, confirm: values.confirm,
        uploadedBy: values['uploaded-by'] ?? process.env.USER ?? 'cli',
        onProgress: progressReporter(f),
        onPhase: values.verbose ? (name, ms) => process.stderr.write(`[${f}] ${name} ${ms} ms\n`) : undefined,
      }));
    }
    return out;
  });
  if (values.json) printJson(summaries);
  else {
    process.stdout.write(`${renderLoadSummaries(summaries)}\n`);
    for (const s of summaries.filter((x) => x.status === 'needs_confirmation')) {
      process.stdout.write(`\n? ${s.error ? bilingual(s.error.message) : s.file}\n${renderSlices(s.slices ?? [])}\n`);
      process.stdout.write(`  确认替换 To replace: fixops ingest --confirm ${s.file}\n`);
    }
    for (const s of summaries.filter((x) => x.status === 'refused')) {
      process.stdout.write(`\n✗ ${s.error ? bilingual(s.error.message) : s.file}\n`);
      for (const e of s.errors.slice(0, 5)) process.stdout.write(`  第 ${e.row} 行 line ${e.row} · ${e.column || e.field} · ${e.reason}\n`);
      if (s.loadId !== null && s.rowsRejected > 0) process.stdout.write(`  全部被拒行 All rejected rows: fixops rejects --load ${s.loadId}\n`);
    }
  }
  return summaries.every((s) => s.status === 'loaded') ? 0 : 1;
}
