// POST /api/uploads: multipart, field `files` (several), optional field `dealer`. Each file is
// streamed to a temp file (never buffered whole), checked for size and for being text, then
// loaded through the write queue with the same hooks as the CLI. Answers the CLI's per-file
// summary array; a refused file answers 422 (403 when a dealer user sent another dealer's rows).

import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ingestFile, type IngestOptions, type LoadSummary } from '@fixops/ingest';
import { quotedString } from '@fixops/db';
import { readSettings, recomputeAfterLoad } from '@fixops/metrics';
import { forbidden } from '../errors.js';
import { requireRole } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import { ApiError } from '../errors.js';
import { responses } from '@fixops/contracts';
import { LoadSummaries } from '@fixops/contracts';

export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/**
 * DuckDB's memory budget while a load runs (FIXOPS_LOAD_MEMORY overrides). Staging and
 * validation spill beyond it to the temp folder beside the database, so a 100 MB upload grows
 * the server's memory by well under 200 MB; the server's own budget applies again afterwards.
 */
export const DEFAULT_LOAD_MEMORY_LIMIT = '64MB';

/**
 * DuckDB threads while a load runs (FIXOPS_LOAD_THREADS overrides): one, so that on a small
 * machine a core stays free for the event loop answering reads; the usual count comes back after.
 */
export const DEFAULT_LOAD_THREADS = 1;

const BINARY_EXT = new Set(['.xlsx', '.xls', '.xlsm', '.zip', '.gz', '.7z', '.rar', '.pdf', '.png', '.jpg', '.jpeg', '.gif', '.doc', '.docx', '.exe', '.dll', '.bin']);
const BINARY_MIME = /^(image|audio|video)\/|^application\/(pdf|zip|gzip|x-7z|x-rar|vnd\.openxmlformats|msword|x-msdownload)/;
const MAGIC: number[][] = [[0x50, 0x4b, 0x03, 0x04], [0x25, 0x50, 0x44, 0x46], [0x89, 0x50, 0x4e, 0x47], [0x47, 0x49, 0x46, 0x38], [0xff, 0xd8, 0xff], [0xd0, 0xcf, 0x11, 0xe0], [0x1f, 0x8b], [0x7f, 0x45, 0x4c, 0x46], [0x4d, 0x5a]];

const notText = (file: string) => new ApiError(415, 'not_a_csv', {
  zh: `${file} 不是 CSV 或文本文件（请从 DMS 导出 CSV）。`, en: `${file} is not a CSV or text file (export CSV from the DMS).`,
}, { file });

/** A text export: no known binary signature, and no NUL bytes unless it is UTF-16. */
async function looksLikeText(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (MAGIC.some((m) => m.every((b, i) => head[i] === b))) return false;
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (utf16) return true;
    // UTF-16LE without a BOM: every other byte NUL; anything else with NULs is binary.
    const nuls = head.filter((b) => b === 0).length;
    if (nuls === 0) return true;
    let oddNuls = 0;
    for (let i = 1; i < head.length; i += 2) if (head[i] === 0) oddNuls++;
    return oddNuls === nuls && nuls > head.length / 4;
  } finally {
    await handle.close();
  }
}

/** A body busboy cannot parse (truncated, no boundary) is the client's fault: 400, not 500. */
function malformed(e: unknown): unknown {
  if (e instanceof ApiError) return e;
  const status = (e as { statusCode?: number }).statusCode;
  if (status !== undefined && status < 500) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (!/unexpected end|terminated early|malformed|boundary|multipart/i.test(message)) return e;
  return new ApiError(400, 'bad_multipart', { zh: '上传内容不完整或格式错误（multipart）', en: 'The upload is truncated or not valid multipart' }, { reason: message.slice(0, 200) });
}

/**
 * Runs work with DuckDB's (instance-wide) memory budget and thread count lowered, then puts the
 * usual ones back. If DuckDB cannot lower the budget (memory held by running reads), the load
 * runs in the usual one.
 */
async function withLoadLimits<T>(c: DuckDBConnection, during: { memory: string; threads: number }, memoryAfter: string, work: () => Promise<T>): Promise<T> {
  const threadsAfter = Number((await c.runAndReadAll("SELECT current_setting('threads')::INTEGER AS n")).getRowObjects()[0]!.n);
  await c.run(`SET memory_limit = ${quotedString(during.memory)}`).catch(() => undefined);
  await c.run(`SET threads = ${Math.max(1, Math.floor(during.threads))}`);
  try {
    return await work();
  } finally {
    await c.run(`SET threads = ${threadsAfter}`);
    await c.run(`SET memory_limit = ${quotedString(memoryAfter)}`);
  }
}

const isForeign = (s: LoadSummary) => s.error?.code === 'foreign_dealer_rows' || s.errors.some((e) => e.code === 'dealer_mismatch');

const uploads: FastifyPluginAsyncTypebox<{ maxUploadBytes?: number; loadMemoryLimit?: string }> = async (app, opts) => {
  const maxBytes = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const loadMemory = opts.loadMemoryLimit ?? process.env.FIXOPS_LOAD_MEMORY ?? DEFAULT_LOAD_MEMORY_LIMIT;
  const loadThreads = Number(process.env.FIXOPS_LOAD_THREADS) || DEFAULT_LOAD_THREADS;

  app.post('/uploads', {
    schema: {
      tags: ['uploads'], summary: 'Upload DMS exports (multipart: files, optional dealer); answers one summary per file',
      consumes: ['multipart/form-data'], response: responses(LoadSummaries, [400, 403, 413, 415, 422]),
    },
  }, async (req) => {
    const user = requireRole(req, 'admin', 'consultant', 'dealer');
    if (!req.isMultipart()) throw new ApiError(415, 'not_multipart', { zh: '上传需使用 multipart/form-data，字段名 files。', en: 'Upload with multipart/form-data, field name files.' });
    const dir = await mkdtemp(join(tmpdir(), 'fixops-upload-'));
    try {
      const files: { path: string; name: string }[] = [];
      let dealerField: string | undefined;
      try {
        for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 50, fields: 20, fieldSize: 1024, parts: 100 } })) {
          if (part.type === 'file') {
            const name = basename(part.filename.replace(/\\/g, '/')).replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'upload.csv';
            if (part.fieldname !== 'files') {
              part.file.resume();
              throw new ApiError(400, 'invalid_request', { zh: `未知的文件字段“${part.fieldname}”，应为 files`, en: `Unknown file field "${part.fieldname}": use files` }, { field: part.fieldname });
            }
            if (BINARY_EXT.has(extname(name).toLowerCase()) || BINARY_MIME.test(part.mimetype)) {
              part.file.resume();
              throw notText(name);
            }
            const path = join(dir, `${files.length}${extname(name).toLowerCase() === '.tsv' ? '.tsv' : '.csv'}`);
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated) {
              throw new ApiError(413, 'too_large', {
                zh: `${name} 超过大小限制（${Math.round(maxBytes / 1048576)} MB）`, en: `${name} is larger than the size limit (${Math.round(maxBytes / 1048576)} MB)`,
              }, { file: name, limit: maxBytes });
            }
            files.push({ path, name });
          } else if (part.fieldname === 'dealer') {
            dealerField = String(part.value).trim() || undefined;
          }
        }
      } catch (e) {
        throw malformed(e);
      }
      if (files.length === 0) throw new ApiError(400, 'invalid_request', { zh: '没有上传文件（字段 files）', en: 'No file uploaded (field files)' }, { field: 'files' });
      for (const f of files) if (!(await looksLikeText(f.path))) throw notText(f.name);

      let dealer = dealerField;
      const own = user.role === 'dealer' ? user.dealer ?? '' : undefined;
      if (own !== undefined) {
        if (dealerField !== undefined && dealerField !== own) throw forbidden(dealerField);
        dealer = own;
      }
      const summaries = await app.store.write({ kind: 'load', label: files.map((f) => f.name).join(', '), user: user.name }, (c) => withLoadLimits(c, { memory: loadMemory, threads: loadThreads }, app.store.db.memoryLimit, async () => {
        const settings = await readSettings(c);
        const out: LoadSummary[] = [];
        for (const f of files) {
          const hooks: IngestOptions = {
            maxRejectRate: settings.maxRejectRate,
            afterStore: async (conn, change) => {
              await recomputeAfterLoad(conn, change);
            },
          };
          // A dealer's own upload: any row of another dealer refuses the whole file.
          out.push(await ingestFile(c, f.path, { ...hooks, fileName: f.name, dealer, refuseForeignRows: own !== undefined, uploadedBy: user.name, actor: actorOf(req) }));
        }
        return out;
      }));
      const refused = summaries.filter((s) => s.status === 'refused');
      if (refused.length === 0) return summaries;
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
};

export default uploads;
