// POST /api/uploads: multipart, field `files` (several), optional fields `dealer` and `sheet`
// (the sheet of an Excel workbook to read). Each file is streamed to a temp file (never
// buffered whole), checked for size and for being text or an Excel workbook (.xlsx/.xls), then
// loaded through the write queue by the same loadExport use-case as the CLI. Answers the CLI's per-file
// summary array; a refused file answers 422 (403 when a dealer user sent another dealer's rows,
// or when someone other than an admin sent master data); a file that would remove 30 % or more
// of a stored month is held and answers 409 with the per-month counts, unless the field
// `confirm=true` was sent. More files than the limit: 413 too_many_files. The other limits
// (rows, columns, field length) refuse the file inside the ingest.

import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { configuredMaxDropRate, DEFAULT_LIMITS, resolveLimits, tempPrefix, tooManyFiles, workbookProblem, type IngestLimits, type LoadSummary, type SliceChange } from '@fixops/ingest';
import { notTextReason, workbookFormat, type Refusal } from '@fixops/ingest/headers';
import { loadExport, withLoadLimits } from '@fixops/usecases';
import { settingOrFail } from '@fixops/config';
import { forbidden } from '../errors.js';
import { requireRole } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import { ApiError } from '../errors.js';
import { responses } from '@fixops/contracts';
import { LoadSummaries } from '@fixops/contracts';

export const DEFAULT_MAX_UPLOAD_BYTES = DEFAULT_LIMITS.bytesPerFile;

// .xlsx and .xls are read (by their content, whatever their name); other binary files are not
const BINARY_EXT = new Set(['.xlsm', '.zip', '.gz', '.7z', '.rar', '.pdf', '.png', '.jpg', '.jpeg', '.gif', '.doc', '.docx', '.exe', '.dll', '.bin']);
const BINARY_MIME = /^(image|audio|video)\/|^application\/(pdf|zip|gzip|x-7z|x-rar|vnd\.openxmlformats-officedocument\.(wordprocessingml|presentationml)|msword|x-msdownload)/;

const notText = (file: string) => new ApiError(415, 'not_a_csv', {
  zh: `${file} 不是 CSV、文本文件或 Excel 工作簿（请从 DMS 导出 CSV 或 Excel）。`, en: `${file} is not a CSV, text file or Excel workbook (export CSV or Excel from the DMS).`,
}, { file });

/**
 * Why a file is not a text export ingest can read (the same Node-free check ingest and the
 * browser preview run: binary signatures, UTF-16 without a BOM, NUL bytes), or undefined.
 */
async function notTextFile(path: string, file: string): Promise<Refusal | undefined> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const sample = buf.subarray(0, bytesRead);
    const format = workbookFormat(sample);
    // a workbook is read by ingest; one that is not even a readable package is refused here
    if (format) return workbookProblem(path, format, file);
    return notTextReason(sample, file);
  } finally {
    await handle.close();
  }
}

/** A body busboy cannot parse (truncated, no boundary) is the client's fault: 400, not 500. */
function malformed(e: unknown, maxFiles: number): unknown {
  if (e instanceof ApiError) return e;
  if ((e as { code?: string }).code === 'FST_FILES_LIMIT') {
    const { message, details } = tooManyFiles(maxFiles).error;
    return new ApiError(413, 'too_many_files', message, details);
  }
  const status = (e as { statusCode?: number }).statusCode;
  if (status !== undefined && status < 500) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (!/unexpected end|terminated early|malformed|boundary|multipart/i.test(message)) return e;
  return new ApiError(400, 'bad_multipart', { zh: '上传内容不完整或格式错误（multipart）', en: 'The upload is truncated or not valid multipart' }, { reason: message.slice(0, 200) });
}

const isForeign = (s: LoadSummary) => s.error?.code === 'foreign_dealer_rows' || s.errors.some((e) => e.code === 'dealer_mismatch');

/** 409: held files, with per (dealer, month, kind) rows now → rows after; re-send with confirm=true. */
function needsConfirmation(held: LoadSummary[], summaries: LoadSummary[]): ApiError {
  const slices = held.flatMap((s) => ((s.error?.details as { slices?: SliceChange[] } | undefined)?.slices ?? []).map((x) => ({ file: s.file, ...x })));
  const lines = slices.slice(0, 6);
  const PCT = Math.round(configuredMaxDropRate() * 100);
  return new ApiError(409, 'needs_confirmation', {
    zh: `${held.map((s) => s.file).join('、')}：将替换已导入的数据并使 ${slices.length} 个月份的行数减少 ${PCT}% 以上（${lines.map((l) => `${l.dealer} ${l.month}：${l.rowsNow} → ${l.rowsAfter} 行`).join('；')}）。尚未导入；确认替换请重新上传并发送 confirm=true。`,
    en: `${held.map((s) => s.file).join(', ')}: would replace stored data and shrink ${slices.length} month(s) by ${PCT} % or more (${lines.map((l) => `${l.dealer} ${l.month}: ${l.rowsNow} → ${l.rowsAfter} rows`).join('; ')}). Nothing was loaded; to replace, upload again with confirm=true.`,
  }, { files: summaries, slices });
}

const isMasterData = (s: LoadSummary) => s.error?.code === 'master_data_admin_only';

const uploads: FastifyPluginCallbackTypebox<{ maxUploadBytes?: number; loadMemoryLimit?: string; limits?: Partial<IngestLimits> }> = (app, opts, done) => {
  const limits = resolveLimits({ ...opts.limits, ...(opts.maxUploadBytes !== undefined ? { bytesPerFile: opts.maxUploadBytes } : {}) });
  const maxBytes = limits.bytesPerFile;
  const maxFiles = limits.filesPerRequest;
  const loadMemory = opts.loadMemoryLimit ?? settingOrFail('loadMemory');
  const loadThreads = settingOrFail('loadThreads');

  app.post('/uploads', {
    schema: {
      tags: ['uploads'], summary: 'Upload DMS exports (multipart: files, optional dealer, optional confirm=true to apply a replacement that drops 30 % or more of a stored month); answers one summary per file',
      consumes: ['multipart/form-data'], response: responses(LoadSummaries, [400, 403, 409, 413, 415, 422]),
    },
  }, async (req) => {
    const user = requireRole(req, 'admin', 'consultant', 'dealer');
    if (!req.isMultipart()) throw new ApiError(415, 'not_multipart', { zh: '上传需使用 multipart/form-data，字段名 files。', en: 'Upload with multipart/form-data, field name files.' });
    const dir = await mkdtemp(join(tmpdir(), tempPrefix('upload')));
    try {
      const files: { path: string; name: string }[] = [];
      let dealerField: string | undefined;
      let sheetField: string | undefined;
      let confirm = false;
      try {
        for await (const part of req.parts({ limits: { fileSize: maxBytes, files: maxFiles, fields: 20, fieldSize: 1024, parts: 100 } })) {
          if (part.type === 'file') {
            // eslint-disable-next-line no-control-regex -- a file name's control characters are dropped before it is logged or stored
            const name = basename(part.filename.replace(/\\/g, '/')).replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'upload.csv';
            if (part.fieldname !== 'files') {
              part.file.resume();
              throw new ApiError(400, 'invalid_request', { zh: `未知的文件字段“${part.fieldname}”，应为 files`, en: `Unknown file field "${part.fieldname}": use files` }, { field: part.fieldname });
            }
            if (BINARY_EXT.has(extname(name).toLowerCase()) || BINARY_MIME.test(part.mimetype)) {
              part.file.resume();
              throw notText(name);
            }
            const ext = extname(name).toLowerCase();
            const path = join(dir, `${files.length}${['.tsv', '.xlsx', '.xls'].includes(ext) ? ext : '.csv'}`);
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated) {
              throw new ApiError(413, 'too_large', {
                zh: `${name} 超过大小限制（${Math.round(maxBytes / 1048576)} MB）`, en: `${name} is larger than the size limit (${Math.round(maxBytes / 1048576)} MB)`,
              }, { file: name, limit: maxBytes });
            }
            files.push({ path, name });
          } else if (part.fieldname === 'dealer') {
            dealerField = String(part.value).trim() || undefined;
          } else if (part.fieldname === 'sheet') {
            sheetField = String(part.value).trim() || undefined;
          } else if (part.fieldname === 'confirm') {
            confirm = /^(true|1|yes)$/i.test(String(part.value).trim());
          }
        }
      } catch (e) {
        throw malformed(e, maxFiles);
      }
      if (files.length === 0) throw new ApiError(400, 'invalid_request', { zh: '没有上传文件（字段 files）', en: 'No file uploaded (field files)' }, { field: 'files' });
      for (const f of files) {
        const why = await notTextFile(f.path, f.name);
        if (why) throw new ApiError(415, 'not_a_csv', why.message, { file: f.name, reason: why.code });
      }

      let dealer = dealerField;
      const own = user.role === 'dealer' ? user.dealer ?? '' : undefined;
      if (own !== undefined) {
        if (dealerField !== undefined && dealerField !== own) throw forbidden(dealerField);
        dealer = own;
      }
      const summaries = await app.store.write({ kind: 'load', label: files.map((f) => f.name).join(', '), user: user.name }, (c) => withLoadLimits(c, { memory: loadMemory, threads: loadThreads }, app.store.db.memoryLimit, async () => {
        const out: LoadSummary[] = [];
        for (const f of files) {
          // A dealer's own upload: any row of another dealer refuses the whole file.
          out.push(await loadExport(c, { path: f.path, fileName: f.name, dealer, sheet: sheetField, refuseForeignRows: own !== undefined, uploadedBy: user.name, confirm, limits, masterData: user.role === 'admin', actor: actorOf(req) }));
        }
        return out;
      }));
      const refused = summaries.filter((s) => s.status === 'refused');
      const held = summaries.filter((s) => s.status === 'needs_confirmation');
      if (refused.length === 0 && held.length === 0) return summaries;
      if (refused.some(isMasterData)) {
        throw new ApiError(403, 'master_data_admin_only', {
          zh: '经销商主数据（名称、区域、城市、分组）只能由管理员导入，文件未读取。', en: 'Dealer master data (name, region, city, peer group) may be uploaded by an admin only; the file was not read.',
        }, { files: summaries });
      }
      if (refused.length === 0) throw needsConfirmation(held, summaries);
      if (own !== undefined && refused.some(isForeign)) {
        throw new ApiError(403, 'foreign_dealer_rows', {
          zh: '上传的文件含有其他经销商的数据，已整份拒绝。', en: 'The upload holds another dealer\'s rows and was refused whole.',
        }, { files: summaries });
      }
      throw new ApiError(422, 'load_refused', {
        zh: `${refused.length} 个文件未导入：${refused.map((s) => s.file).join('、')}`, en: `${refused.length} file(s) refused: ${refused.map((s) => s.file).join(', ')}`,
      }, { files: summaries });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  done();
};

export default uploads;
