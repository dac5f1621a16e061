// Which encoding an export is in, from its first bytes — one Node-free module for the server
// (ingest), the API's quick "is it text?" check and the browser preview, so all three agree.
// BOMs first, then "is it valid UTF-8?", else GB18030 (a superset of GBK, what Chinese DMS and
// Excel "CSV" saves write). Spreadsheets, other binary formats, UTF-16 without a BOM and
// anything else with NUL bytes are refused with a reason.

import type { Message } from '@fixops/shared';
import { completeUtf8Prefix } from './utf8Prefix.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'];

export interface Refusal {
  code: string;
  message: Message;
}

export type Sniffed = { ok: true; encoding: Encoding } | { ok: false; code: string; message: Message };

/** Byte-order marks, longest first. */
const BOMS: readonly { bytes: readonly number[]; encoding: Encoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** How long the BOM of an encoding is (what the reader skips). */
export function bomLength(encoding: Encoding): number {
  return BOMS.find((b) => b.encoding === encoding)?.bytes.length ?? 0;
}

const startsWith = (sample: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => sample[i] === b);

const xlsx = (file: string): Refusal => ({
  code: 'xlsx_not_supported',
  message: {
    zh: `${file}：这是 Excel 工作簿（.xlsx/zip），不是 CSV。暂不支持 xlsx，请在 Excel 中“另存为 CSV”后再上传。`,
    en: `${file}: this is an Excel workbook (.xlsx/zip), not a CSV. xlsx is not supported yet: save it as CSV in Excel and upload that.`,
  },
});
const xls = (file: string): Refusal => ({
  code: 'xls_not_supported',
  message: { zh: `${file}：这是旧版 Excel 文件（.xls），不是 CSV。请在 Excel 中“另存为 CSV”后再上传。`, en: `${file}: this is an old Excel file (.xls), not a CSV. Save it as CSV in Excel and upload that.` },
});
const binary = (file: string): Refusal => ({
  code: 'binary_file',
  message: { zh: `${file}：这是二进制文件，不是文本/CSV 导出。`, en: `${file}: this is a binary file, not a text/CSV export.` },
});
const utf16WithoutBom = (file: string): Refusal => ({
  code: 'utf16_without_bom',
  message: {
    zh: `${file}：看起来是没有字节顺序标记（BOM）的 UTF-16 文本，无法可靠读取。请在 Excel 中另存为“CSV UTF-8”，或保存为带 BOM 的 UTF-16。`,
    en: `${file}: this looks like UTF-16 text without a byte-order mark (BOM), which cannot be read reliably. Save it as "CSV UTF-8" in Excel, or as UTF-16 with a BOM.`,
  },
});

/** File signatures that are never a text export. */
const SIGNATURES: readonly { bytes: readonly number[]; refusal: (file: string) => Refusal }[] = [
  { bytes: [0x50, 0x4b, 0x03], refusal: xlsx }, { bytes: [0x50, 0x4b, 0x05], refusal: xlsx }, { bytes: [0x50, 0x4b, 0x07], refusal: xlsx },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], refusal: xls },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], refusal: binary }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47], refusal: binary }, // PNG
  { bytes: [0x47, 0x49, 0x46, 0x38], refusal: binary }, // GIF8
  { bytes: [0xff, 0xd8, 0xff], refusal: binary }, // JPEG
  { bytes: [0x1f, 0x8b], refusal: binary }, // gzip
  { bytes: [0x7f, 0x45, 0x4c, 0x46], refusal: binary }, // ELF
  // Windows executables ("MZ") are not listed: a CSV may start with those two letters, and an
  // executable's header holds NUL bytes anyway.
];

const printable = (b: number | undefined) => b !== undefined && ((b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d);

/**
 * UTF-16 without a BOM: the NULs on one side of their byte pair (odd positions for LE, even for
 * BE), mostly beside printable ASCII — digits and separators have a NUL high byte; a Chinese
 * character rarely has a NUL byte (销 is 00 95), so a few strays on the other side are allowed.
 * Binary data has NULs on both sides, or beside unprintable bytes.
 */
function looksLikeBomlessUtf16(sample: Uint8Array): boolean {
  for (const nulAt of [1, 0]) {
    let nuls = 0, text = 0, stray = 0;
    for (let i = 0; i + 1 < sample.length; i += 2) {
      const nul = sample[i + nulAt], other = sample[i + 1 - nulAt];
      if (other === 0) stray++;
      if (nul === 0) {
        nuls++;
        if (printable(other)) text++;
      }
    }
    if (nuls > 0 && stray * 8 < nuls && text > nuls / 2) return true;
  }
  return false;
}

/**
 * Why a non-empty sample is not a text export we can read, or undefined when it is: a known
 * binary signature, UTF-16 without a BOM, or NUL bytes. A BOM-marked UTF-16 file is text.
 */
export function notTextReason(sample: Uint8Array, file: string): Refusal | undefined {
  const signature = SIGNATURES.find((s) => startsWith(sample, s.bytes));
  if (signature) return signature.refusal(file);
  if (BOMS.some((b) => b.encoding !== 'utf-8-bom' && startsWith(sample, b.bytes))) return undefined;
  if (!sample.includes(0)) return undefined;
  return looksLikeBomlessUtf16(sample) ? utf16WithoutBom(file) : binary(file);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a file from its first bytes, or why it cannot be read as a text export. */
export function sniffBytes(sample: Uint8Array, file: string): Sniffed {
  if (sample.length === 0) return { ok: false, code: 'empty_file', message: { zh: `${file}：文件为空。`, en: `${file}: the file is empty.` } };
  const refusal = notTextReason(sample, file);
  if (refusal) return { ok: false, ...refusal };
  const bom = BOMS.find((b) => startsWith(sample, b.bytes));
  if (bom) return { ok: true, encoding: bom.encoding };
  return { ok: true, encoding: isUtf8(completeUtf8Prefix(sample)) ? 'utf-8' : 'gb18030' };
}
