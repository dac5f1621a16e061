// Loads one export file: detect, stage, validate, then — in one transaction — replace the
// dealer-months it covers and record the load. A refused file changes nothing but the log.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import type { DuckDBConnection } from '@duckdb/node-api';
import { FixopsException, toFixopsError, type FixopsError } from '@fixops/shared';
import { recordAudit, transaction, type AuditActor } from '@fixops/db';
import { detectKind, requireColumns } from '../detect/kind.js';
import { mapColumns, type ColumnMapping } from '../detect/headers.js';
import type { Encoding } from '../detect/encoding.js';
import { separatorName, type Separator } from '../detect/separator.js';
import { KINDS } from '../kinds/catalog.js';
import type { KindId } from '../kinds/types.js';
import { inspectFile, prepareFile, readsAsUtf8, type InspectedFile, type PreparedFile, type PrepareOptions } from '../read/prepare.js';
import { prepareInWorker, WORKER_MIN_BYTES } from '../read/inWorker.js';
import { stageFile, STAGE_TABLE } from '../stage/stage.js';
import { collectRejects, type RejectedRow } from '../stage/rejects.js';
import { countRows, DUPS_TABLE, ROWS_TABLE, validateFile, type RowCounts } from '../stage/validate.js';
import { nextLoadId, recordLoad } from './loadLog.js';
import { storeRows, touched } from './store.js';
import { MAX_ERRORS_LISTED, type LoadSummary } from './summary.js';

export interface IngestOptions {
  /** Name recorded and shown (defaults to the file's base name). */
  fileName?: string;
  kind?: KindId;
  dealer?: string;
  encoding?: Encoding;
  separator?: Separator;
  /** Refuse the file when more than this share of its data rows is rejected (default 0.05). */
  maxRejectRate?: number;
  /** With `dealer`: refuse the whole file if any row names another dealer (a dealer's own upload). */
  refuseForeignRows?: boolean;
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
    rowsLoaded: 0, rowsRejected: 0, rowsSkipped: 0, rowsDuplicate: 0,
    encoding: null, separator: null, columns: { mapped: {}, ignored: [], dropped: [] }, errors: [], checksum: null, ms: 0, phases: {},
  };
  let mark = started;
  const phase = (name: string) => {
    const now = Date.now();
    summary.phases[name] = now - mark;
    opts.onPhase?.(name, now - mark);
    mark = now;
  };
  let rejects: RejectedRow[] = [];
  // Dealers and months the file's good rows name, kept in the log even when the file is refused.
  let detected: { dealers: string[]; months: string[] } = { dealers: [], months: [] };
  const actor: AuditActor = opts.actor ?? { user: opts.uploadedBy ?? 'cli', via: 'cli', ip: null };
  const tempDir = await mkdtemp(join(tmpdir(), 'fixops-ingest-'));
  try {
    const loadId = await nextLoadId(connection);
    summary.loadId = loadId;
    try {
      const prepareOpts = { file, tempDir, encoding: opts.encoding, separator: opts.separator, onProgress: opts.onProgress };
      const inspected = await inspectFile(path, prepareOpts);
      summary.encoding = inspected.encoding;
      summary.separator = separatorName(inspected.separator);
      const mapping = chooseMapping(inspected.headers, opts.kind, file);
      summary.kind = mapping.kind;
      summary.columns = {
        mapped: Object.fromEntries(mapping.mapped.map((m) => [m.header, m.spec.name])),
        ignored: mapping.ignored.map((i) => i.header).filter((h) => h !== ''),
        dropped: mapping.dropped.map((d) => d.header),
      };
      requireDealer(mapping, dealer, file);

      const useWorker = opts.worker ?? inspected.size >= WORKER_MIN_BYTES;
      const read = (o: PrepareOptions) => (useWorker ? prepareInWorker(inspected, o, opts.workerLimits) : prepareFile(inspected, o));
      const { prepared, staged } = await readAndStage(connection, inspected, mapping, prepareOpts, read);
      summary.encoding = prepared.encoding;
      summary.checksum = prepared.checksum;
      checkStructure(staged, prepared, file);
      phase('read');
      await validateFile(connection, mapping, { dealer, width: inspected.headers.length });
      phase('validate');
      const counts = await countRows(connection);
      phase('count');
      detected = await touched(connection, mapping.kind);
      Object.assign(summary, { rowsRejected: counts.rejected, rowsSkipped: counts.skipped, rowsDuplicate: counts.duplicate });
      rejects = await collectRejects(connection, prepared, mapping, dealer);
      summary.errors = rejects.slice(0, MAX_ERRORS_LISTED).map(({ rawText: _raw, reasonText: _text, ...e }) => e);
      phase('rejects');
      if (opts.refuseForeignRows && dealer !== undefined) checkForeignRows(rejects, dealer, file);
      checkCounts(counts, opts.maxRejectRate ?? DEFAULT_MAX_REJECT_RATE, rejects, file);

      const changed = await touched(connection, mapping.kind);
      detected = changed;
      await transaction(connection, async () => {
        await storeRows(connection, mapping.kind, loadId);
        await opts.afterStore?.(connection, { kind: mapping.kind, dealers: changed.dealers, pairs: changed.pairs });
        summary.status = 'loaded';
        summary.rowsLoaded = counts.loaded;
        summary.dealers = changed.dealers;
        summary.months = changed.months;
        phase('store');
        summary.ms = Date.now() - started;
        await recordLoad(connection, { ...summary, loadId }, startedAt, opts.uploadedBy ?? 'cli', rejects);
        await recordAudit(connection, loadAudit(actor, { ...summary, loadId }));
      });
      return summary;
    } catch (e) {
      if (!(e instanceof FixopsException)) throw e;
      Object.assign(summary, { status: 'refused', rowsLoaded: 0, dealers: [], months: [], error: e.error, ms: Date.now() - started });
      const logged = { ...summary, loadId, dealers: detected.dealers, months: detected.months };
      await transaction(connection, async () => {
        await recordLoad(connection, logged, startedAt, opts.uploadedBy ?? 'cli', rejects);
        await recordAudit(connection, loadAudit(actor, logged));
      });
      return summary;
    }
  } catch (e) {
    // Not a refusal we can explain in the user's terms: still a value, never a stack trace.
    const cause = toFixopsError(e).message.en.split('\n')[0];
    const error: FixopsError = {
      code: 'internal',
      message: { zh: `${file}：导入时发生内部错误，没有导入任何数据。`, en: `${file}: an internal error stopped the load; nothing was loaded.` },
      details: { file, cause },
    };
    return { ...summary, status: 'refused', rowsLoaded: 0, dealers: [], months: [], error, ms: Date.now() - started };
  } finally {
    await dropTemp(connection);
    await rm(tempDir, { recursive: true, force: true });
  }
}

/** The audit row of a load, loaded or refused: its id, file and counts. */
function loadAudit(actor: AuditActor, s: LoadSummary & { loadId: number }) {
  return {
    actor, action: 'load', target: String(s.loadId),
    detail: {
      loadId: s.loadId, file: s.file, status: s.status, kind: s.kind, dealers: s.dealers, months: s.months,
      rowsLoaded: s.rowsLoaded, rowsRejected: s.rowsRejected, rowsSkipped: s.rowsSkipped, rowsDuplicate: s.rowsDuplicate,
      ...(s.error ? { error: s.error.code } : {}),
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
      stageFile(connection, { utf8Path: inspected.path, separator: inspected.separator, width }, mapping),
    ]);
    if (prep.status === 'rejected') throw prep.reason;
    const prepared = prep.value;
    if (prepared.utf8Path === inspected.path) {
      if (stage.status === 'rejected') throw stage.reason;
      return { prepared, staged: stage.value };
    }
    // Not UTF-8 after all: stage the transcoded copy instead.
    return { prepared, staged: await stageFile(connection, { utf8Path: prepared.utf8Path, separator: prepared.separator, width }, mapping) };
  }
  const prepared = await read(opts);
  return { prepared, staged: await stageFile(connection, { utf8Path: prepared.utf8Path, separator: prepared.separator, width }, mapping) };
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

function checkForeignRows(rejects: RejectedRow[], dealer: string, file: string): void {
  const foreign = rejects.filter((r) => r.code === 'dealer_mismatch');
  if (foreign.length === 0) return;
  const others = [...new Set(foreign.map((r) => r.value ?? ''))].slice(0, 5);
  throw new FixopsException({
    code: 'foreign_dealer_rows',
    message: {
      zh: `${file}：含有其他经销商（${others.join('、')}）的 ${foreign.length} 行数据，整份文件未导入。`,
      en: `${file}: ${foreign.length} rows belong to other dealers (${others.join(', ')}); the whole file was refused.`,
    },
    details: { file, dealer, rows: foreign.length, dealers: others },
  });
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

