// The limits one upload must stay within, with their defaults, in one place: so that one file
// (or one request) cannot hold the write queue, the server's memory or the database hostage.
// Each is an ingest option (IngestOptions.limits) and a FIXOPS_* setting (@fixops/config): the API
// and the CLI (through loadExport) both read them with configuredLimits, so they refuse alike.

import { settingOrFail } from '@fixops/config';
import { FixopsException } from '@fixops/shared';

export interface IngestLimits {
  /** Files in one upload request (the API's multipart limit). */
  filesPerRequest: number;
  /** Bytes of one file. */
  bytesPerFile: number;
  /** Data records of one file. */
  rowsPerFile: number;
  /** Columns of one file's header. */
  columnsPerFile: number;
  /** Characters of one cell. */
  fieldChars: number;
  /** Rejected rows stored per load (the total is still counted). */
  rejectsStored: number;
}

type Env = Record<string, string | undefined>;

/**
 * The limits the FIXOPS_* variables set (FIXOPS_MAX_UPLOAD_FILES, FIXOPS_MAX_UPLOAD_MB, FIXOPS_MAX_ROWS,
 * FIXOPS_MAX_COLUMNS, FIXOPS_MAX_FIELD_CHARS, FIXOPS_MAX_REJECTS_STORED); unset means the default.
 * A bad value throws the config refusal naming the variable (a FixopsException).
 */
export function configuredLimits(env: Env = process.env): IngestLimits {
  return {
    filesPerRequest: settingOrFail('maxUploadFiles', env),
    bytesPerFile: Math.floor(settingOrFail('maxUploadMb', env) * 1048576),
    rowsPerFile: settingOrFail('maxRows', env),
    columnsPerFile: settingOrFail('maxColumns', env),
    fieldChars: settingOrFail('maxFieldChars', env),
    rejectsStored: settingOrFail('maxRejectsStored', env),
  };
}

/** The share of a stored month a load may remove before it is held (FIXOPS_MAX_DROP_RATE, default 0.3). */
export function configuredMaxDropRate(env: Env = process.env): number {
  return settingOrFail('maxDropRate', env);
}

/** The defaults: the settings' own defaults, so the two cannot drift. */
export const DEFAULT_LIMITS: Readonly<IngestLimits> = Object.freeze(configuredLimits({}));

export function resolveLimits(given: Partial<IngestLimits> | undefined): IngestLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(given ?? {}) as [keyof IngestLimits, number | undefined][]) {
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[k] = Math.floor(v);
  }
  return out;
}

const mb = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;

export function tooManyFiles(limit: number): FixopsException {
  return new FixopsException({
    code: 'too_many_files',
    message: {
      zh: `一次上传的文件数超过上限（最多 ${limit} 个文件）。请分批上传。`,
      en: `Too many files in one upload: the limit is ${limit} files per request. Upload them in batches.`,
    },
    details: { limit: 'filesPerRequest', value: limit },
  });
}

export function tooLarge(file: string, limit: number): FixopsException {
  return new FixopsException({
    code: 'too_large',
    message: { zh: `${file} 超过大小限制（每个文件最多 ${mb(limit)}）`, en: `${file} is larger than the size limit (${mb(limit)} per file)` },
    details: { file, limit: 'bytesPerFile', value: limit },
  });
}

export function tooManyRows(file: string, rows: number, limit: number): FixopsException {
  return new FixopsException({
    code: 'too_many_rows',
    message: {
      zh: `${file}：数据行数超过上限（每个文件最多 ${limit} 行，本文件至少 ${rows} 行），整个文件未导入。请按月拆分后上传。`,
      en: `${file}: too many rows (the limit is ${limit} rows per file; this one has at least ${rows}); nothing was loaded. Split it by month.`,
    },
    details: { file, limit: 'rowsPerFile', value: limit, rows },
  });
}

export function tooManyColumns(file: string, columns: number, limit: number): FixopsException {
  return new FixopsException({
    code: 'too_many_columns',
    message: {
      zh: `${file}：列数超过上限（每个文件最多 ${limit} 列，本文件表头有 ${columns} 列），整个文件未导入。`,
      en: `${file}: too many columns (the limit is ${limit} columns per file; its header has ${columns}); nothing was loaded.`,
    },
    details: { file, limit: 'columnsPerFile', value: limit, columns },
  });
}

export function fieldTooLong(file: string, row: number, column: string, chars: number, limit: number): FixopsException {
  return new FixopsException({
    code: 'field_too_long',
    message: {
      zh: `${file}：第 ${row} 行“${column}”列的内容过长（${chars} 个字符，每个单元格最多 ${limit} 个字符），整个文件未导入。`,
      en: `${file}: line ${row}, column "${column}" is too long (${chars} characters; the limit is ${limit} characters per cell); nothing was loaded.`,
    },
    details: { file, row, column, chars, limit: 'fieldChars', value: limit },
  });
}
