// Table answers as workbook downloads (`?format=xlsx`): the rows a route already scoped to the
// caller, written by @fixops/shared/xlsx and streamed, with the xlsx Content-Type and a
// Content-Disposition whose file name survives Chinese (RFC 6266 / RFC 5987: an ASCII fallback
// and a UTF-8 filename*).

import type { Lang } from '@fixops/shared';
import { XLSX_CONTENT_TYPE, xlsxReadable, type XlsxTable } from '@fixops/shared/xlsx';

/** The parts of a Fastify reply a download needs (any route's reply, whatever its type provider). */
interface DownloadReply {
  type(contentType: string): DownloadReply;
  header(name: string, value: string): DownloadReply;
  send(payload?: unknown): unknown;
}

/** RFC 5987 value-chars: what encodeURIComponent leaves plus nothing else. */
const rfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="ascii"; filename*=UTF-8''utf-8` for any file name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}

/** A file name from the table's title and details: "KPI 数值-2025-06.xlsx". */
export function downloadName(table: Pick<XlsxTable, 'title' | 'details'>, lang: Lang): string {
  const parts = [lang === 'en' ? table.title.en : table.title.zh, ...(table.details ?? [])];
  // eslint-disable-next-line no-control-regex
  const name = parts.join('-').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s*·\s*/g, '-').replace(/\s+–\s+/g, '_').slice(0, 120);
  return `${name}.xlsx`;
}

/** Sends `table` as an .xlsx download, streamed. */
export function sendXlsx(reply: DownloadReply, table: XlsxTable, lang: Lang): unknown {
  return reply.type(XLSX_CONTENT_TYPE)
    .header('content-disposition', contentDisposition(downloadName(table, lang)))
    .send(xlsxReadable(table, { lang }));
}
