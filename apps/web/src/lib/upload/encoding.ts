// Which encoding an export is in, from its first bytes, in the browser: BOMs first, then
// "is it valid UTF-8?", else GB18030 (what Chinese DMS and Excel CSV saves write) — the same
// order as the server's sniff in @fixops/ingest. Spreadsheets and binary files are named.

import { completeUtf8Prefix } from '@fixops/ingest/headers';
import type { Message } from '@fixops/shared';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type Sniffed = { ok: true; encoding: Encoding } | { ok: false; code: string; message: Message };

export { completeUtf8Prefix };

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function sniffEncoding(sample: Uint8Array, file: string): Sniffed {
  if (sample.length === 0) return { ok: false, code: 'empty_file', message: { zh: `${file}：文件为空。`, en: `${file}: the file is empty.` } };
  const [b0, b1, b2, b3] = [sample[0], sample[1], sample[2], sample[3]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { ok: true, encoding: 'utf-8-bom' };
  if (b0 === 0xff && b1 === 0xfe) return { ok: true, encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { ok: true, encoding: 'utf-16be' };
  if (b0 === 0x50 && b1 === 0x4b && (b2 === 0x03 || b2 === 0x05 || b2 === 0x07)) {
    return {
      ok: false, code: 'xlsx_not_supported',
      message: { zh: `${file}：这是 Excel 工作簿（.xlsx），不是 CSV。请在 Excel 中“另存为 CSV”后再上传。`, en: `${file}: this is an Excel workbook (.xlsx), not a CSV. Save it as CSV in Excel and upload that.` },
    };
  }
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0) {
    return {
      ok: false, code: 'xls_not_supported',
      message: { zh: `${file}：这是旧版 Excel 文件（.xls），不是 CSV。请在 Excel 中“另存为 CSV”后再上传。`, en: `${file}: this is an old Excel file (.xls), not a CSV. Save it as CSV in Excel and upload that.` },
    };
  }
  if (sample.includes(0)) {
    return { ok: false, code: 'binary_file', message: { zh: `${file}：这是二进制文件，不是文本/CSV 导出。`, en: `${file}: this is a binary file, not a text/CSV export.` } };
  }
  return { ok: true, encoding: isUtf8(completeUtf8Prefix(sample)) ? 'utf-8' : 'gb18030' };
}

/** Decodes the sample (without its BOM); `new TextDecoder('gb18030')` for Chinese exports. */
export function decodeSample(sample: Uint8Array, encoding: Encoding): string {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const bom = encoding === 'utf-8-bom' ? 3 : encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 0;
  const body = encoding === 'utf-8' || encoding === 'utf-8-bom' ? completeUtf8Prefix(sample.subarray(bom)) : sample.subarray(bom);
  return new TextDecoder(label, { ignoreBOM: true }).decode(body).replace(/^\uFEFF/, '');
}
