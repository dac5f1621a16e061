// Which encoding a file is in, from its first bytes: BOMs first, then "is it valid UTF-8?",
// else GB18030 (a superset of GBK, what Chinese DMS and Excel "CSV" saves write).
// Binary files (xlsx/zip, old xls, anything with NUL bytes) are refused with a reason.

import { isUtf8 } from 'node:buffer';
import { fail } from '@fixops/shared';
import { completeUtf8Prefix } from './utf8Prefix.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'];

/** Accepts common spellings of an encoding given by a user. */
export function parseEncoding(text: string): Encoding | undefined {
  const t = text.trim().toLowerCase().replace(/_/g, '-');
  if (t === 'utf8' || t === 'utf-8') return 'utf-8';
  if (t === 'utf-8-bom' || t === 'utf8-bom' || t === 'utf-8-sig') return 'utf-8-bom';
  if (t === 'gbk' || t === 'gb2312' || t === 'gb18030' || t === 'cp936') return 'gb18030';
  if (t === 'utf-16le' || t === 'utf16le' || t === 'utf-16' || t === 'unicode') return 'utf-16le';
  if (t === 'utf-16be' || t === 'utf16be') return 'utf-16be';
  return undefined;
}

export function bomLength(encoding: Encoding): number {
  return encoding === 'utf-8-bom' ? 3 : encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 0;
}

export { completeUtf8Prefix } from './utf8Prefix.js';

export function sniffEncoding(sample: Uint8Array, file: string): Encoding {
  if (sample.length === 0) {
    fail('empty_file', { zh: `${file}：文件为空。`, en: `${file}: the file is empty.` }, { file });
  }
  const b0 = sample[0], b1 = sample[1], b2 = sample[2], b3 = sample[3];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8-bom';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0x50 && b1 === 0x4b && (b2 === 0x03 || b2 === 0x05 || b2 === 0x07)) {
    fail('xlsx_not_supported', {
      zh: `${file}：这是 Excel 工作簿（.xlsx/zip），不是 CSV。暂不支持 xlsx，请在 Excel 中“另存为 CSV”后再上传。`,
      en: `${file}: this is an Excel workbook (.xlsx/zip), not a CSV. xlsx is not supported yet: save it as CSV in Excel and upload that.`,
    }, { file });
  }
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0) {
    fail('xls_not_supported', {
      zh: `${file}：这是旧版 Excel 文件（.xls），不是 CSV。请在 Excel 中“另存为 CSV”后再上传。`,
      en: `${file}: this is an old Excel file (.xls), not a CSV. Save it as CSV in Excel and upload that.`,
    }, { file });
  }
  if (sample.includes(0)) {
    fail('binary_file', {
      zh: `${file}：这是二进制文件，不是文本/CSV 导出。`,
      en: `${file}: this is a binary file, not a text/CSV export.`,
    }, { file });
  }
  return isUtf8(completeUtf8Prefix(sample)) ? 'utf-8' : 'gb18030';
}
