// Loads one export file: detect, stage, validate, then — in one transaction — replace the
// dealer-months it covers and record the load. A refused file changes nothing but the log;
// neither does a held one (it would remove too much of a stored month until confirmed), nor
// a load that fails inside (logged as refused with code internal_error).
// Cheap refusals come first, before anything is staged: the limits on bytes and columns, a
// master-data file from someone who may not change master data, and a dealer's own upload
// whose first records already name another dealer.

import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { tempPrefix } from './tempDirs.js';
import { basename, join } from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import type { DuckDBConnection } from '@duckdb/node-api';
import { FixopsException, toFixopsError, type FixopsError } from '@fixops/shared';
import { recordAudit, transaction, type AuditActor } from '@fixops/db';
import { detectKind, requireColumns } from '../detect/kind.js';
import { mapColumns, type ColumnMapping } from '../detect/headers.js';
import type { Encoding } from '../detect/encoding.js';
import { separatorName, type Separator } from '../detect/separator.js';
import { KINDS, TOTALS_LABELS } from '../kinds/catalog.js';
import { MACROS_SQL } from '../sql/macros.js';
import type { KindId } from '../kinds/types.js';
import { inspectFile, prepareFile, readsAsUtf8, type InspectedFile, type PreparedFile, type PrepareOptions } from '../read/prepare.js';
import { prepareInWorker, WORKER_MIN_BYTES } from '../read/inWorker.js';
import { workbookFormat, type WorkbookFormat } from '../detect/workbookFormat.js';
import { readWorkbook } from '../workbook/readWorkbook.js';
import { readWorkbookInWorker } from '../workbook/inWorkbookWorker.js';
import { stagedIndexes, stageFile, STAGE_TABLE } from '../stage/stage.js';
import { collectRejects, type RejectedRow } from '../stage/rejects.js';
import { countRows, DUPS_TABLE, ROWS_TABLE, validateFile, type RowCounts } from '../stage/validate.js';
import { nextLoadId, recordLoad, type OriginalHeader } from './loadLog.js';
import { isCorrectionsFile } from './fixable.js';
import { storeRows, touched } from './store.js';
import { bigDrops, holdError, recordSlices, sliceCounts } from './slices.js';
import { MAX_ERRORS_LISTED, type LoadSummary } from './summary.js';
import { fieldTooLong, resolveLimits, tooLarge, tooManyColumns, tooManyRows, type IngestLimits } from '../limits.js';

export interface IngestOptions {
  /** Name recorded and shown (defaults to the file's base name). */
  fileName?: string;
  kind?: KindId;
  dealer?: string;
  encoding?: Encoding;
  separator?: Separator;
  /** An Excel workbook: read this sheet instead of the first visible one whose header detects a kind. */
  sheet?: string;
  /** Refuse the file when more than this share of its data rows is rejected (default 0.05). */
  maxRejectRate?: number;
  /** With `dealer`: refuse the whole file if any row names another dealer (a dealer's own upload). */
  refuseForeignRows?: boolean;
  /**
   * Whether this upload may change master data (the `dealers` kind: names, regions, peer
   * groups). Default true (the CLI, run by the machine's owner); the API passes true for admins only.
   */
  masterData?: boolean;
  /** Limits on the file (defaults in limits.ts). */
  limits?: Partial<IngestLimits>;
  uploadedBy?: string;
  /** Who loads, from where, for the audit log (default: `uploadedBy` on the command line). */
  actor?: AuditActor;
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  /**
   * Run the streaming pass (checksum, encoding check or transcoding, record index) in a worker
   * thread, leaving the caller's event loop free. Default: for files of 1 MiB or more.
   */
  worker?: boolean;
  /** Limits of that worker thread (default: 128 MB of heap). */
  workerLimits?: ResourceLimits;
  /** Called as each phase ends (read, validate, count, rejects, store) with its duration. */
  onPhase?: (name: string, ms: number) => void;
  /**
   * Hold the load (status needs_confirmation, nothing stored) when it would remove this share or
   * more of the rows stored for any (dealer, month, kind) it replaces. The CLI and the API pass
   * DEFAULT_MAX_DROP_RATE (0.3); absent, a load is never held.
   */
  maxDropRate?: number;
  /** Apply the load even when it would be held (the user saw the counts and confirmed). */
  confirm?: boolean;
  /** Called inside the load's transaction after the rows are stored (e.g. to refresh KPIs). */
  afterStore?: (connection: DuckDBConnection, changed: { kind: KindId; dealers: string[]; pairs: { dealer: string; month: string }[] }) => Promise<void>;
}

export const DEFAULT_MAX_REJECT_RATE = 0.05;

export async function ingestFile(connection: DuckDBConnection, path: string, opts: IngestOptions = {}): Promise<LoadSummary> {
  const started = Date.now();
  const startedAt = new Date();
  const file = opts.fileName ?? basename(path);
  const dealer = opts.dealer?.trim() || undefined;
  const summary: LoadSummary = {
    loadId: null, file, status: 'refused', kind: null, dealers: [], months: [],
    rowsLoaded: 0, rowsRejected: 0, rejectsStored: 0, rowsSkipped: 0, rowsDuplicate: 0,
    encoding: null, separator: null, sheet: null, titleRows: 0, columns: { mapped: {}, ignored: [], dropped: [] }, errors: [], checksum: null, ms: 0, phases: {},
  };
  let mark = started;
  const phase = (name: string) => {
    const now = Date.now();
    summary.phases[name] = now - mark;
    opts.onPhase?.(name, now - mark);
    mark = now;
  };
  let rejects: RejectedRow[] = [];
  let byDealer: Record<string, number> = {};
  let original: OriginalHeader | undefined;
  const limits = resolveLimits(opts.limits);
  let tempDir: string | undefined;
  // Dealers and months the file's good rows name, kept in the log even when the file is refused.
  let detected: { dealers: string[]; months: string[] } = { dealers: [], months: [] };
  const actor: AuditActor = opts.actor ?? { user: opts.uploadedBy ?? 'cli', via: 'cli', ip: null };
  try {
    tempDir = await mkdtemp(join(tmpdir(), tempPrefix('ingest')));
    const loadId = await nextLoadId(connection);
    summary.loadId = loadId;
    try {
      const prepareOpts = { file, tempDir, encoding: opts.encoding, separator: opts.separator, onProgress: opts.onProgress, maxRows: limits.rowsPerFile, kind: opts.kind };
      const format = await formatOf(path);
      const fileSize = (await stat(path)).size;
      if (format && fileSize > limits.bytesPerFile) throw tooLarge(file, limits.bytesPerFile);
      // a workbook is unzipped and parsed in a worker thread when big (opts.worker decides, as for CSV)
      const workbookOpts = { ...prepareOpts, size: fileSize, sheet: opts.sheet };
      const workbook = !format ? undefined
        : (opts.worker ?? fileSize >= WORKER_MIN_BYTES) ? await readWorkbookInWorker(path, format, workbookOpts)
          : await readWorkbook(path, format, workbookOpts);
      const inspected = workbook ? workbook.inspected : await inspectFile(path, prepareOpts);
      if (inspected.size > limits.bytesPerFile) throw tooLarge(file, limits.bytesPerFile);
      if (inspected.headers.length > limits.columnsPerFile) throw tooManyColumns(file, inspected.headers.length, limits.columnsPerFile);
      if (workbook) Object.assign(summary, { sheet: workbook.sheet, titleRows: workbook.titleRows });
      else Object.assign(summary, { encoding: inspected.encoding, separator: separatorName(inspected.separator), titleRows: inspected.titleRows });
      const mapping = chooseMapping(inspected.headers, opts.kind, file);
      summary.kind = mapping.kind;
      summary.columns = {
        mapped: Object.fromEntries(mapping.mapped.map((m) => [m.header, m.spec.name])),
        ignored: mapping.ignored.map((i) => i.header).filter((h) => h !== ''),
        dropped: mapping.dropped.map((d) => d.header),
      };
      requireDealer(mapping, dealer, file);
      if (mapping.kind === 'dealers' && opts.masterData === false) throw masterDataRefused(file);
      const foreignCheck = opts.refuseForeignRows && dealer !== undefined ? { dealer, column: dealerColumn(mapping, inspected.headers) } : undefined;
      if (foreignCheck) checkFirstRecords(inspected.firstRecords, inspected.sampleIsWhole, foreignCheck.column, dealer!, file);

      const useWorker = opts.worker ?? inspected.size >= WORKER_MIN_BYTES;
      const read = (o: PrepareOptions) => (workbook ? Promise.resolve(workbook.prepared) : useWorker ? prepareInWorker(inspected, o, opts.workerLimits) : prepareFile(inspected, o));
      const { prepared, staged } = await readAndStage(connection, inspected, mapping, prepareOpts, read);
      original = { headers: prepared.headers, separator: prepared.separator };
      // the rejected rows downloaded, fixed and uploaded again: they add to the months, by key
      const corrections = isCorrectionsFile(prepared.headers);
      if (!workbook) summary.encoding = prepared.encoding;
      summary.checksum = prepared.checksum;
      checkStructure(staged, prepared, file);
      if (prepared.index.count > limits.rowsPerFile) throw tooManyRows(file, prepared.index.count, limits.rowsPerFile);
      await checkFieldLengths(connection, mapping, inspected.headers, prepared, limits.fieldChars, file);
      if (foreignCheck) await checkStagedDealers(connection, foreignCheck.column, dealer!, prepared, file);
      phase('read');
      await validateFile(connection, mapping, { dealer, width: inspected.headers.length });
      phase('validate');
      const counts = await countRows(connection);
      phase('count');
      detected = await touched(connection, mapping.kind);
      Object.assign(summary, { rowsRejected: counts.rejected, rowsSkipped: counts.skipped, rowsDuplicate: counts.duplicate });
      const collected = await collectRejects(connection, prepared, mapping, { dealer, limit: limits.rejectsStored });
      rejects = collected.rows;
      byDealer = collected.byDealer;
      summary.rejectsStored = rejects.length;
      summary.errors = rejects.slice(0, MAX_ERRORS_LISTED).map(({ rawText: _raw, reasonText: _text, dealer: _dealer, ...e }) => e);
      phase('rejects');
      if (opts.refuseForeignRows && dealer !== undefined) checkForeignRows(byDealer, dealer, file);
      checkCounts(counts, opts.maxRejectRate ?? DEFAULT_MAX_REJECT_RATE, rejects, file);

      const changed = await touched(connection, mapping.kind);
      detected = changed;
      const slices = await sliceCounts(connection, mapping.kind, { corrections });
      if (slices.length > 0) summary.slices = slices;
      const drops = bigDrops(slices, opts.maxDropRate);
      if (drops.length > 0 && !opts.confirm) {
        Object.assign(summary, { status: 'needs_confirmation', dealers: changed.dealers, months: changed.months, error: holdError(file, drops, opts.maxDropRate!) });
        summary.ms = Date.now() - started;
        await transaction(connection, async () => {
          await recordLoad(connection, { ...summary, loadId }, startedAt, opts.uploadedBy ?? 'cli', rejects, {}, original);
          await recordSlices(connection, loadId, slices);
          await recordAudit(connection, loadAudit(actor, { ...summary, loadId }));
        });
        return summary;
      }
      await transaction(connection, async () => {
        await recordSlices(connection, loadId, slices);
        await storeRows(connection, mapping.kind, loadId, { corrections });
        await opts.afterStore?.(connection, { kind: mapping.kind, dealers: changed.dealers, pairs: changed.pairs });
        summary.status = 'loaded';
        summary.rowsLoaded = counts.loaded;
        summary.dealers = changed.dealers;
        summary.months = changed.months;
        phase('store');
        summary.ms = Date.now() - started;
        await recordLoad(connection, { ...summary, loadId }, startedAt, opts.uploadedBy ?? 'cli', rejects, byDealer, original);
        // A load that would have been held and was applied because the user confirmed it says so.
        await recordAudit(connection, loadAudit(actor, { ...summary, loadId }, drops.length > 0));
      });
      return summary;
    } catch (e) {
      if (!(e instanceof FixopsException)) throw e;
      delete summary.slices;
      Object.assign(summary, { status: 'refused', rowsLoaded: 0, dealers: [], months: [], error: e.error, ms: Date.now() - started });
      const logged = { ...summary, loadId, dealers: detected.dealers, months: detected.months };
      await transaction(connection, async () => {
        await recordLoad(connection, logged, startedAt, opts.uploadedBy ?? 'cli', rejects, byDealer, original);
        await recordAudit(connection, loadAudit(actor, logged));
      });
      return summary;
    }
  } catch (e) {
    // Not a refusal we can explain in the user's terms: still a value, never a stack trace,
    // and still an entry in the load log (its cause stays in the details, for the operator).
    const cause = toFixopsError(e).message.en.split('\n')[0];
    const error: FixopsError = {
      code: 'internal_error',
      message: { zh: `${file}：导入时发生内部错误，没有导入任何数据。`, en: `${file}: an internal error stopped the load; nothing was loaded.` },
      details: { file, cause },
    };
    const failed: LoadSummary = { ...summary, status: 'refused', rowsLoaded: 0, rejectsStored: 0, dealers: [], months: [], error, ms: Date.now() - started };
    await logInternalFailure(connection, failed, startedAt, opts.uploadedBy ?? 'cli');
    return failed;
  } finally {
    await dropTemp(connection);
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

/** The workbook format of a file from its first bytes (undefined for text). */
async function formatOf(path: string): Promise<WorkbookFormat | undefined> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buf, 0, 8, 0);
    return workbookFormat(buf.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Records a load that failed inside; if even that fails, the answer still says what happened. */
async function logInternalFailure(connection: DuckDBConnection, failed: LoadSummary, startedAt: Date, uploadedBy: string): Promise<void> {
  try {
    await connection.run('ROLLBACK').catch(() => undefined); // a transaction the failure left open
    const loadId = failed.loadId ?? (await nextLoadId(connection));
    failed.loadId = loadId;
    await transaction(connection, () => recordLoad(connection, { ...failed, loadId }, startedAt, uploadedBy, []));
  } catch {
    // the database itself is failing: nothing more can be recorded
  }
}

function masterDataRefused(file: string): FixopsException {
  return new FixopsException({
    code: 'master_data_admin_only',
    message: {
      zh: `${file}：经销商主数据（名称、区域、城市、分组）只能由管理员导入，文件未读取。`,
      en: `${file}: dealer master data (name, region, city, peer group) may be uploaded by an admin only; the file was not read.`,
    },
    details: { file, kind: 'dealers' },
  });
}

/** Position of the dealer-code column in the file, if it has one. */
function dealerColumn(mapping: ColumnMapping, _headers: string[]): number | undefined {
  return mapping.mapped.find((m) => m.spec.name === 'dealer_code')?.index;
}

function foreignRefusal(file: string, dealer: string, others: string[], rows: number | undefined, line: number | undefined): FixopsException {
  const where = line !== undefined ? { zh: `（第 ${line} 行起）`, en: ` (from line ${line})` } : { zh: '', en: '' };
  return new FixopsException({
    code: 'foreign_dealer_rows',
    message: rows !== undefined
      ? {
        zh: `${file}：含有其他经销商（${others.join('、')}）的 ${rows} 行数据，整份文件未导入。`,
        en: `${file}: ${rows} rows belong to other dealers (${others.join(', ')}); the whole file was refused.`,
      }
      : {
        zh: `${file}：含有其他经销商（${others.join('、')}）的数据${where.zh}，整份文件未导入。`,
        en: `${file}: it holds rows of other dealers (${others.join(', ')})${where.en}; the whole file was refused.`,
      },
    details: { file, dealer, dealers: others, ...(rows !== undefined ? { rows } : {}), ...(line !== undefined ? { line } : {}) },
  });
}

/** A dealer's own upload: the first records read (the detection sample) must all be its own. */
function checkFirstRecords(records: string[][], whole: boolean, column: number | undefined, dealer: string, file: string): void {
  if (column === undefined) return;
  const others = new Set<string>();
  let rows = 0;
  for (const r of records) {
    const code = (r[column] ?? '').trim();
    if (code !== '' && code !== dealer && !isTotalsLabel(code)) {
      others.add(code);
      rows++;
    }
  }
  if (others.size === 0) return;
  // a whole small file is in the sample: the count is exact; else it is a lower bound
  if (whole) throw foreignRefusal(file, dealer, [...others].slice(0, 5), rows, undefined);
  throw foreignRefusal(file, dealer, [...others].slice(0, 5), undefined, undefined);
}

/** A totals row's label (合计, Total…) in the dealer column names no dealer (validation decides whether the row is a totals row). */
function isTotalsLabel(value: string): boolean {
  return TOTALS_LABELS.includes(value.replace(/[:：]+$/, '').toLowerCase());
}

/** The same over the whole staged file, before any validation: stops at the first foreign code. */
async function checkStagedDealers(connection: DuckDBConnection, column: number | undefined, dealer: string, prepared: PreparedFile, file: string): Promise<void> {
  if (column === undefined) return;
  await connection.run(MACROS_SQL);
  const c = `fx_clean(c${column})`;
  const reader = await connection.runAndReadAll(
    `SELECT rowid::BIGINT AS ord, ${c} AS code FROM ${STAGE_TABLE} WHERE ${c} <> $dealer AND NOT fx_totals_label(${c}) LIMIT 1`, { dealer });
  const first = reader.getRowObjects()[0];
  if (first) throw foreignRefusal(file, dealer, [String(first.code)], undefined, prepared.index.line(Number(first.ord)));
}

/** No cell longer than the limit: refused naming the first such cell's line and column. */
async function checkFieldLengths(connection: DuckDBConnection, mapping: ColumnMapping, headers: string[], prepared: PreparedFile, limit: number, file: string): Promise<void> {
  const cols = [...stagedIndexes(mapping), headers.length];
  const col = cols.map((i) => `WHEN length(c${i}) > ${limit} THEN ${i}`).join(' ');
  const chars = cols.map((i) => `WHEN length(c${i}) > ${limit} THEN length(c${i})`).join(' ');
  const reader = await connection.runAndReadAll(`
    SELECT * FROM (SELECT rowid::BIGINT AS ord, CASE ${col} END AS col, CASE ${chars} END AS chars FROM ${STAGE_TABLE})
    WHERE col IS NOT NULL LIMIT 1`);
  const first = reader.getRowObjects()[0];
  if (!first) return;
  const index = Number(first.col);
  // the column past the header holds the extra fields of a row with too many
  const column = headers[index] ?? `#${index + 1}`;
  throw fieldTooLong(file, prepared.index.line(Number(first.ord)), column, Number(first.chars), limit);
}

/** The audit row of a load, loaded or refused: its id, file and counts; `confirmed` when a held replacement was applied on confirmation. */
function loadAudit(actor: AuditActor, s: LoadSummary & { loadId: number }, confirmed = false) {
  return {
    actor, action: 'load', target: String(s.loadId),
    detail: {
      loadId: s.loadId, file: s.file, status: s.status, kind: s.kind, dealers: s.dealers, months: s.months,
      rowsLoaded: s.rowsLoaded, rowsRejected: s.rowsRejected, rowsSkipped: s.rowsSkipped, rowsDuplicate: s.rowsDuplicate,
      ...(s.error ? { error: s.error.code } : {}),
      ...(confirmed ? { confirmed: true } : {}),
    },
  };
}

/**
 * The streaming pass (checksum, encoding check, record index) and DuckDB's read of the file.
 * A UTF-8 file is read by both at once; a file that needs transcoding is staged from its copy.
 */
async function readAndStage(connection: DuckDBConnection, inspected: InspectedFile, mapping: ColumnMapping, opts: PrepareOptions, read: (o: PrepareOptions) => Promise<PreparedFile>): Promise<{ prepared: PreparedFile; staged: number }> {
  const width = inspected.headers.length;
  if (readsAsUtf8(inspected)) {
    const [prep, stage] = await Promise.allSettled([
      read(opts),
      stageFile(connection, { utf8Path: inspected.path, separator: inspected.separator, width, skipLines: inspected.titleRows }, mapping),
    ]);
    if (prep.status === 'rejected') throw prep.reason;
    const prepared = prep.value;
    if (prepared.utf8Path === inspected.path) {
      if (stage.status === 'rejected') throw stage.reason;
      return { prepared, staged: stage.value };
    }
    // Not UTF-8 after all: stage the transcoded copy instead.
    return { prepared, staged: await stageFile(connection, { utf8Path: prepared.utf8Path, separator: prepared.separator, width, skipLines: inspected.titleRows }, mapping) };
  }
  const prepared = await read(opts);
  return { prepared, staged: await stageFile(connection, { utf8Path: prepared.utf8Path, separator: prepared.separator, width, skipLines: inspected.titleRows }, mapping) };
}

function chooseMapping(headers: string[], kind: KindId | undefined, file: string): ColumnMapping {
  if (!kind) return detectKind(headers, file);
  const mapping = mapColumns(headers, kind);
  requireColumns(mapping, file);
  return mapping;
}

function requireDealer(mapping: ColumnMapping, dealer: string | undefined, file: string): void {
  if (dealer !== undefined || mapping.mapped.some((m) => m.spec.name === 'dealer_code')) return;
  const aliases = KINDS[mapping.kind].columns.find((c) => c.name === 'dealer_code')!.aliases.join(' / ');
  throw new FixopsException({
    code: 'missing_column',
    message: {
      zh: `${file}：缺少经销商代码列（${aliases}），且上传时未指定经销商。请加上该列或用 --dealer 指定。`,
      en: `${file}: no dealer code column (${aliases}) and the upload names no dealer. Add the column or give --dealer.`,
    },
    details: { file, missing: [{ column: 'dealer_code', candidates: aliases.split(' / ') }] },
  });
}

function checkStructure(staged: number, prepared: PreparedFile, file: string): void {
  if (staged === prepared.index.count) return;
  throw new FixopsException({
    code: 'unreadable_structure',
    message: {
      zh: `${file}：无法可靠地读取文件结构（读取到 ${staged} 行，按引号规则应为 ${prepared.index.count} 行）。请检查是否有未闭合的引号。`,
      en: `${file}: the file's structure cannot be read reliably (${staged} rows read, ${prepared.index.count} expected from its quoting). Look for an unclosed quote.`,
    },
    details: { file, rowsRead: staged, rowsExpected: prepared.index.count },
  });
}

/** Every rejected row counted per dealer: any that names another dealer refuses the file. */
function checkForeignRows(byDealer: Record<string, number>, dealer: string, file: string): void {
  const foreign = Object.entries(byDealer).filter(([d]) => d !== '' && d !== dealer);
  if (foreign.length === 0) return;
  const rows = foreign.reduce((n, [, c]) => n + c, 0);
  throw foreignRefusal(file, dealer, foreign.map(([d]) => d).slice(0, 5), rows, undefined);
}

function checkCounts(counts: RowCounts, maxRate: number, rejects: RejectedRow[], file: string): void {
  if (counts.data === 0) {
    throw new FixopsException({
      code: 'empty_file',
      message: { zh: `${file}：文件没有数据行。`, en: `${file}: the file has no data rows.` },
      details: { file },
    });
  }
  const rate = counts.rejected / counts.data;
  if (rate <= maxRate) return;
  const first = rejects.slice(0, 3).map((r) => `第 ${r.row} 行 ${r.column || r.field}：${r.reasonText.zh}`);
  const firstEn = rejects.slice(0, 3).map((r) => `line ${r.row} ${r.column || r.field}: ${r.reasonText.en}`);
  const pct = (rate * 100).toFixed(1);
  const limit = (maxRate * 100).toFixed(1);
  throw new FixopsException({
    code: 'too_many_rejected',
    message: {
      zh: `${file}：${counts.data} 行数据中有 ${counts.rejected} 行（${pct}%）有误，超过 ${limit}% 的上限，整个文件未导入。前几个原因：${first.join('；')}`,
      en: `${file}: ${counts.rejected} of ${counts.data} data rows (${pct}%) are wrong, over the ${limit}% limit; nothing was loaded. First reasons: ${firstEn.join('; ')}`,
    },
    details: { file, rejected: counts.rejected, dataRows: counts.data, rate, limit: maxRate },
  });
}

async function dropTemp(connection: DuckDBConnection): Promise<void> {
  await connection.run('RESET preserve_insertion_order').catch(() => undefined);
  for (const t of [STAGE_TABLE, ROWS_TABLE, DUPS_TABLE]) await connection.run(`DROP TABLE IF EXISTS temp.${t}`).catch(() => undefined);
}

